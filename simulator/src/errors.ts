/** One entry of Amazon's `{errors:[...]}` error body. */
export interface AmazonError {
  code: string;
  message: string;
  details?: string;
}

/** A refusal shaped the way the Selling Partner API refuses: an HTTP status and Amazon's error list. */
export class SpApiError extends Error {
  constructor(
    readonly status: number,
    readonly errors: AmazonError[],
  ) {
    super(errors[0]?.message ?? `HTTP ${status}`);
  }

  get body(): { errors: AmazonError[] } {
    return { errors: this.errors };
  }
}

function one(status: number, code: string, message: string, details?: string): SpApiError {
  return new SpApiError(status, [details === undefined ? { code, message } : { code, message, details }]);
}

export const invalidInput = (message: string, details?: string): SpApiError =>
  one(400, 'InvalidInput', message, details);

export const notFound = (message: string, details?: string): SpApiError =>
  one(404, 'NotFound', message, details);

export const unauthorized = (details: string): SpApiError =>
  one(403, 'Unauthorized', 'Access to requested resource is denied.', details);

export const quotaExceeded = (): SpApiError =>
  one(429, 'QuotaExceeded', 'You exceeded your quota for the requested resource.');

export const unsupportedMediaType = (details: string): SpApiError =>
  one(415, 'Unsupported Media Type', 'The request payload is in an unsupported format.', details);

export const requestTooLarge = (): SpApiError =>
  one(413, 'RequestEntityTooLarge', 'The request size exceeded the maximum accepted size.');

/** The body Amazon sends for a status the simulator was told to fail with. */
export function errorForStatus(status: number): SpApiError {
  if (status === 429) return quotaExceeded();
  if (status === 503) return one(503, 'ServiceUnavailable', 'Service temporarily unavailable.');
  if (status >= 500)
    return one(status, 'InternalFailure', 'We encountered an internal error. Please try again.');
  if (status === 403) return unauthorized('Injected fault.');
  if (status === 404) return notFound('Resource not found.', 'Injected fault.');
  return one(status, 'InvalidInput', 'Injected fault.', `HTTP ${status}`);
}
