import "server-only";
import { db } from "@/lib/db";

/** True when the database answers within two seconds. The pool reconnects by itself when it returns. */
export async function checkDatabaseHealth(): Promise<boolean> {
  const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), 2000));
  const query = db.$queryRaw`SELECT 1`.then(() => true).catch(() => false);
  return Promise.race([query, timeout]);
}
