/** A real 2 × 2 PNG (red and gold), for emblem uploads. */
export const tinyPngBytes = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAYAAABytg0kAAAAFElEQVR4nGPYKSPz/+tRif8MMAYAUd0Jg1F9dR8AAAAASUVORK5CYII=", "base64");

export function tinyPngFile(name = "emblem.png"): File {
  return new File([new Uint8Array(tinyPngBytes)], name, { type: "image/png" });
}
