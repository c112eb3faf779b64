import { messages } from "@/lib/i18n";
/**
 * Errors the data layer throws on purpose. Route handlers turn them into JSON responses
 * (lib/api/respond.ts) and forms into messages next to the fields.
 */
export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  /** Extra data for the client, returned as `error.details` (e.g. screening findings). */
  details?: unknown;

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message: string = messages.common.errors.unauthenticated) {
    super(401, "unauthenticated", message);
  }
}

/**
 * The account holds a one-time password (User.mustChangePassword): everything but the password
 * change is refused until the user sets their own (403, code `password_change_required`).
 */
export class PasswordChangeRequiredError extends AppError {
  constructor(message: string = messages.common.errors.passwordChangeRequired) {
    super(403, "password_change_required", message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message: string = messages.common.errors.forbidden) {
    super(403, "forbidden", message);
  }
}

export class NotFoundError extends AppError {
  constructor(message: string = messages.common.errors.notFound) {
    super(404, "not_found", message);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, code = "conflict") {
    super(409, code, message);
  }
}

export class ValidationError extends AppError {
  constructor(
    readonly fields: FieldErrors,
    message: string = messages.common.errors.invalid,
  ) {
    super(422, "invalid", message);
  }
}

/** A query string that names nothing valid (a period with month 13): 400, with the fields at fault. */
export class InvalidQueryError extends ValidationError {
  override readonly status: number = 400;
}

export class TooManyRequestsError extends AppError {
  constructor(
    readonly retryAfterSeconds: number,
    message: string = messages.common.errors.rateLimited,
  ) {
    super(429, "rate_limited", message);
  }
}
