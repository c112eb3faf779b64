import { db } from "@/lib/db";
import { demoAgency } from "./agency";

/**
 * Data every installation needs, inserted only where missing so it is safe on every start.
 * The agency details are the demo customer's until an administrator edits them.
 */
export async function seedBaseData(): Promise<void> {
  if ((await db.agency.count()) === 0) await db.agency.create({ data: demoAgency });
}
