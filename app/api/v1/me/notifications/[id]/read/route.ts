import { respondWithJson } from "@/lib/api/respond";
import { requireApiUser } from "@/lib/auth/session";
import { markNotificationRead } from "@/lib/notifications/inbox";

export const dynamic = "force-dynamic";

/** `POST /api/v1/me/notifications/{id}/read`: marks one of the caller's own notifications read (anyone else's: 404). */
export function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  return respondWithJson(async () => {
    const actor = await requireApiUser(request);
    const { id, kind, title, url, createdAt, readAt } = await markNotificationRead(actor, (await context.params).id);
    return { id, kind, title, url, createdAt: createdAt.toISOString(), readAt: readAt?.toISOString() ?? null };
  });
}
