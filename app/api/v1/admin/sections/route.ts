import { readJsonBody, respondWithJson } from "@/lib/api/respond";
import { requireApiUser } from "@/lib/auth/session";
import { createSection, listSections } from "@/lib/sections/manage-sections";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return respondWithJson(async () => ({ sections: await listSections(await requireApiUser(request)) }));
}

export function POST(request: Request) {
  return respondWithJson(async () => {
    const actor = await requireApiUser(request);
    return { section: await createSection(actor, await readJsonBody(request)) };
  }, 201);
}
