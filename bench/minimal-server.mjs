// The ceiling for any Node HTTP server on this machine: returns the same bytes for every request.
// Usage: node bench/minimal-server.mjs <file> <port>
import { readFileSync } from "node:fs";
import http from "node:http";

const [file, port] = process.argv.slice(2);
const body = readFileSync(file);
const headers = { "Content-Type": "text/html; charset=utf-8", "Content-Length": String(body.length) };
http
  .createServer((_request, response) => {
    response.writeHead(200, headers);
    response.end(body);
  })
  .listen(Number(port), "127.0.0.1", () => console.log(`ready on ${port}`));
