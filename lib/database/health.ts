import "server-only";
import { answerWithin } from "@/lib/database/answer-within";
import { db } from "@/lib/db";

/** True when the database answers within two seconds. The pool reconnects by itself when it returns. */
export async function checkDatabaseHealth(): Promise<boolean> {
  const query = db.$queryRaw`SELECT 1`.then(() => true).catch(() => false);
  return answerWithin(query, 2_000, false);
}
