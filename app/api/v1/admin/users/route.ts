import { readJsonBody, respondWithJson } from "@/lib/api/respond";
import { requireApiUser } from "@/lib/auth/session";
import { createUser, listUsers } from "@/lib/users/manage-users";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return respondWithJson(async () => ({ users: await listUsers(await requireApiUser(request)) }));
}

export async function POST(request: Request) {
  return respondWithJson(async () => {
    const actor = await requireApiUser(request);
    return { user: await createUser(actor, await readJsonBody(request)) };
  }, 201);
}
