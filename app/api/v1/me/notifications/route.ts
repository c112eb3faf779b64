import { respondWithJson } from "@/lib/api/respond";
import { requireApiUser } from "@/lib/auth/session";
import { listMyNotifications } from "@/lib/notifications/inbox";

export const dynamic = "force-dynamic";

/** `GET /api/v1/me/notifications` → `{items: [{id, kind, title, url, createdAt, readAt}], unread}`: the caller's own, newest first. */
export function GET(request: Request) {
  return respondWithJson(async () => {
    const { items, unread } = await listMyNotifications(await requireApiUser(request));
    return {
      items: items.map(({ id, kind, title, url, createdAt, readAt }) => ({
        id,
        kind,
        title,
        url,
        createdAt: createdAt.toISOString(),
        readAt: readAt?.toISOString() ?? null,
      })),
      unread,
    };
  });
}
