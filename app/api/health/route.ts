import { checkDatabaseHealth } from "@/lib/database/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const databaseUp = await checkDatabaseHealth();
  return Response.json(
    { status: databaseUp ? "ok" : "unavailable", database: databaseUp ? "ok" : "unavailable" },
    { status: databaseUp ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
