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
  constructor(message = "请先登录。") {
    super(401, "unauthenticated", message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = "您没有执行此操作的权限。") {
    super(403, "forbidden", message);
  }
}

export class NotFoundError extends AppError {
  constructor(message = "未找到。") {
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
    message = "提交的内容有误，请检查标出的字段。",
  ) {
    super(422, "invalid", message);
  }
}

export class TooManyRequestsError extends AppError {
  constructor(
    readonly retryAfterSeconds: number,
    message = "请求过于频繁，请稍后再试。",
  ) {
    super(429, "rate_limited", message);
  }
}
