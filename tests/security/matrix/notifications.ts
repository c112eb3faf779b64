import type { ActingUser } from "@/lib/auth/acting-user";
import { db } from "@/lib/db";
import type { MatrixFixtures } from "../matrix-fixtures";
import { expect, formAction, nextNumber, type Actor, type MatrixRow } from "../matrix-types";

const own = "everyone signed in reads and marks their own notifications";
const foreign = "another person's notification is 404 to everyone: its existence is not told";

/** An unread notification in `user`'s inbox. */
async function notificationOf(user: ActingUser): Promise<number> {
  const number = nextNumber();
  const event = await db.notificationEvent.create({
    data: {
      kind: "review_waiting",
      recordType: "item",
      recordId: String(number),
      title: `矩阵通知${number}`,
      url: `/admin/items/${number}`,
      recipientIds: [user.id],
      dedupeKey: `matrix:${number}`,
      createdAt: new Date(0),
      inbox: { create: { userId: user.id, createdAt: new Date(0) } },
    },
    include: { inbox: true },
  });
  return event.inbox[0].id;
}

/** The actor's own notification (the staff member's when the actor is anonymous: refused before it is looked at). */
const ownNotification = (fx: MatrixFixtures, actor: Actor) => notificationOf(actor === "anonymous" ? fx.users.staff : fx.users[actor]);
/** A notification of someone the actor is not: a throwaway account like the administrator. */
const othersNotification = async (fx: MatrixFixtures) => notificationOf(await fx.accountLike("admin"));

/** Notifications (issue 17): each user's inbox, in the console and through the API. */
export const notificationRows: MatrixRow[] = [
  { route: "GET /api/v1/me/notifications", expect: expect(401, 200, 200, 200, 200, 200), note: own, request: async () => ({}) },
  {
    route: "POST /api/v1/me/notifications/[id]/read",
    case: "the actor's own notification",
    expect: expect(401, 200, 200, 200, 200, 200),
    note: own,
    request: async (fx, actor) => ({ params: { id: String(await ownNotification(fx, actor)) } }),
  },
  {
    route: "POST /api/v1/me/notifications/[id]/read",
    case: "another person's notification",
    expect: expect(401, 404, 404, 404, 404, 404),
    note: foreign,
    request: async (fx) => ({ params: { id: String(await othersNotification(fx)) } }),
  },
  {
    action: "app/admin/notifications/actions.ts#markNotificationReadAction",
    case: "the actor's own notification",
    expect: expect(401, 200, 200, 200, 200, 200),
    note: own,
    request: async (fx, actor) => formAction([await ownNotification(fx, actor)]),
  },
  {
    action: "app/admin/notifications/actions.ts#markNotificationReadAction",
    case: "another person's notification",
    expect: expect(401, 404, 404, 404, 404, 404),
    note: foreign,
    request: async (fx) => formAction([await othersNotification(fx)]),
  },
  {
    action: "app/admin/notifications/actions.ts#markAllNotificationsReadAction",
    expect: expect(401, 200, 200, 200, 200, 200),
    note: own,
    request: async () => formAction([]),
  },
  {
    action: "app/admin/account/actions.ts#updateNotificationPreferencesAction",
    expect: expect(401, 200, 200, 200, 200, 200),
    note: "everyone signed in chooses their own channels",
    request: async () => formAction([], { email: "matrix@example.gov.cn", emailMode: "digest", digestHour: "8" }),
  },
  {
    action: "app/admin/sections/actions.ts#addSectionWebhookAction",
    expect: expect(401, 403, 403, 403, 403, 200),
    note: "administrators configure the sections' group robots",
    request: async (fx) => formAction([fx.sectionId], { kind: "wecom", url: `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=matrix-${nextNumber()}` }),
  },
  {
    action: "app/admin/sections/actions.ts#removeSectionWebhookAction",
    case: "a robot of the section",
    expect: expect(401, 403, 403, 403, 403, 200),
    note: "administrators configure the sections' group robots",
    request: async (fx) =>
      formAction([
        (
          await db.sectionWebhook.create({
            data: {
              sectionId: fx.sectionId,
              kind: "dingtalk",
              url: `https://oapi.dingtalk.com/robot/send?access_token=m${nextNumber()}`,
              createdAt: new Date(0),
            },
          })
        ).id,
      ]),
  },
];
