/**
 * One delivery round of the notifications, as one web process's scheduler runs it, in a process of its
 * own (tests/integration/notifications-delivery.test.ts starts two at once, and one after a "crash").
 * Its environment names the database, SMTP_URL and CLOCK_START_FOR_TESTS; it prints what it sent.
 */
import { closeDatabasePool } from "@/lib/database/pool";
import { deliverDueNotifications } from "@/lib/notifications/deliver-notifications";

const round = await deliverDueNotifications({ limit: Number(process.env.DELIVERY_BATCH ?? 2) });
await closeDatabasePool();
process.stdout.write(`${JSON.stringify(round)}\n`);
process.exit(0);
