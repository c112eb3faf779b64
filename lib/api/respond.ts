import "server-only";
import { NextResponse } from "next/server";
import { refusalOf } from "@/lib/database/unstorable-input";
import { AppError, TooManyRequestsError, ValidationError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { ImportRejectedError, type ImportProblem } from "@/lib/imports/problems";

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string[]>; details?: unknown } };

export function errorResponse(error: AppError): NextResponse<ErrorBody> {
  // Every import route answers a refused file the same way: 422 {errors: [{row, column, message}]}.
  if (error instanceof ImportRejectedError) {
    return NextResponse.json<ErrorBody & { errors: ImportProblem[] }>(
      { error: { code: error.code, message: error.message }, errors: error.problems },
      { status: error.status },
    );
  }
  const body: ErrorBody = { error: { code: error.code, message: error.message } };
  if (error instanceof ValidationError) body.error.fields = error.fields;
  if (error.details !== undefined) body.error.details = error.details;
  const headers: Record<string, string> = {};
  if (error instanceof TooManyRequestsError) headers["Retry-After"] = String(error.retryAfterSeconds);
  return NextResponse.json(body, { status: error.status, headers });
}

/**
 * Runs a route handler body and turns the data layer's errors into JSON: 401, 403, 404, 409, 422,
 * 429 with `{error: {code, message, fields?}}`, and a value the database cannot hold (lib/database/unstorable-input.ts)
 * as 422. Anything else is a bug: logged, answered with 500.
 */
export async function respondWithJson(run: () => Promise<unknown>, status = 200): Promise<Response> {
  try {
    const result = await run();
    if (result instanceof Response) return result;
    return NextResponse.json(result, { status });
  } catch (error) {
    const refusal = refusalOf(error);
    if (refusal) return errorResponse(refusal);
    console.error(error);
    return NextResponse.json({ error: { code: "internal", message: messages.common.errors.internal } }, { status: 500 });
  }
}

/** Reads a JSON body; a body that is not JSON is a 422 like any other invalid input. */
export async function readJsonBody(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new ValidationError({ _: [messages.common.errors.invalidJson] });
  }
}
