import { readJsonBody, respondWithJson } from "@/lib/api/respond";
import { readIdParam } from "@/lib/api/route-params";
import { requireApiUser } from "@/lib/auth/session";
import { messages } from "@/lib/i18n";
import { findUser, updateUser } from "@/lib/users/manage-users";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

const userIdOf = (context: Context) => readIdParam(context.params, messages.common.notFound.user);

export function GET(request: Request, context: Context) {
  return respondWithJson(async () => ({ user: await findUser(await requireApiUser(request), await userIdOf(context)) }));
}

export function PATCH(request: Request, context: Context) {
  return respondWithJson(async () => {
    const actor = await requireApiUser(request);
    return { user: await updateUser(actor, await userIdOf(context), await readJsonBody(request)) };
  });
}
