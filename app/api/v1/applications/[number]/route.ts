import { decodeSegment } from "@/lib/api/route-params";
import { lookUpApplication } from "@/lib/applications/public-status";
import { respondWithOpenData } from "@/lib/open-data/open-data-route";
import { clientKeyOf } from "@/lib/rate-limit/client-key";

export const dynamic = "force-dynamic";

/** `GET /api/v1/applications/{number}?code=…` (public): status, timeline, `dueOn`; a wrong code is a 404 like an unknown number. */
export function GET(request: Request, context: { params: Promise<{ number: string }> }) {
  return respondWithOpenData(
    request,
    async () => {
      const { number } = await context.params;
      const code = new URL(request.url).searchParams.get("code") ?? "";
      const status = await lookUpApplication({ number: decodeSegment(number), code }, clientKeyOf(request.headers));
      return { ...status, replyDownload: status.reply ? { method: "POST", url: "/applications/reply", fields: ["number", "code", "format"] } : null };
    },
    "private",
  );
}
