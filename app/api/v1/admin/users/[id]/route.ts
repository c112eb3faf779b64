import { requireApiUser } from "@/lib/auth/session";
import { readJsonBody, respondWithJson } from "@/lib/api/respond";
import { NotFoundError } from "@/lib/errors";
import { findUser, updateUser } from "@/lib/users/manage-users";
import { messages } from "@/lib/i18n";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

async function userIdOf(context: Context): Promise<number> {
  const id = Number((await context.params).id);
  if (!Number.isInteger(id) || id <= 0) throw new NotFoundError(messages.common.notFound.user);
  return id;
}

export function GET(request: Request, context: Context) {
  return respondWithJson(async () => ({ user: await findUser(await requireApiUser(request), await userIdOf(context)) }));
}

export function PATCH(request: Request, context: Context) {
  return respondWithJson(async () => {
    const actor = await requireApiUser(request);
    return { user: await updateUser(actor, await userIdOf(context), await readJsonBody(request)) };
  });
}
