// Request/response types and the two error body shapes Confluence uses.
export interface ConfluenceRequest {
  method: string;
  /** Starts with /wiki/ and includes the query string. */
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface ConfluenceResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** v1 = /wiki/rest/api/..., v2 = /wiki/api/v2/... : they answer errors differently. */
export type ApiFamily = 'v1' | 'v2';

/** Thrown by handlers; rendered in the route family's error shape. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const badRequest = (message: string): ApiError => new ApiError(400, message);
export const notFound = (message: string): ApiError => new ApiError(404, message);

const JSON_HEADERS = { 'content-type': 'application/json;charset=UTF-8' } as const;

export function json(status: number, value: unknown, headers: Record<string, string> = {}): ConfluenceResponse {
  return { status, headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(value) };
}

const V2_CODES: Record<number, string> = {
  400: 'INVALID_REQUEST_PARAMETER',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'REQUEST_ENTITY_TOO_LARGE',
  429: 'TOO_MANY_REQUESTS',
  500: 'INTERNAL_SERVER_ERROR',
  502: 'BAD_GATEWAY',
  503: 'SERVICE_UNAVAILABLE',
};

/**
 * v1: {statusCode, data:{authorized, valid, errors, successful}, message}
 * v2: {errors:[{status, code, title, detail}]}
 */
export function errorResponse(family: ApiFamily, status: number, message: string): ConfluenceResponse {
  if (family === 'v2') {
    return json(status, {
      errors: [{ status, code: V2_CODES[status] ?? 'ERROR', title: message, detail: null }],
    });
  }
  return json(status, {
    statusCode: status,
    data: {
      // Real error bodies carry authorized:false whatever the status (403, 404, 500 seen).
      authorized: false,
      valid: status !== 400,
      errors: [],
      successful: false,
    },
    message,
  });
}
