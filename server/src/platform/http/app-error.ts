export interface FieldError {
  path: string;
  message: string;
}

/** The one error type for callers' mistakes and refusals; the error handler renders it as problem+json. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    detail: string,
    readonly errors?: FieldError[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(detail);
  }
}

export const notFound = (what: string) => new AppError(404, "Not Found", `${what} was not found.`);
export const forbidden = (detail: string) => new AppError(403, "Forbidden", detail);
export const conflict = (detail: string, errors?: FieldError[]) => new AppError(409, "Conflict", detail, errors);
export const badRequest = (detail: string, errors?: FieldError[]) => new AppError(400, "Bad Request", detail, errors);
export const invalidField = (path: string, message: string) =>
  new AppError(400, "Validation failed", `${path} ${message}`, [{ path, message }]);
