/** Forge's web trigger request and answer shapes (runtime-reference/web-trigger). */
export interface WebTriggerRequest {
  method: string;
  headers?: Record<string, string[] | undefined>;
  body?: string;
  path?: string;
  userPath?: string;
  queryParameters?: Record<string, string[]>;
}

export interface WebTriggerResponse {
  statusCode: number;
  headers: Record<string, string[]>;
  body: string;
}

/** A header's values, whatever case the platform gave its name in. */
export function headerValues(request: WebTriggerRequest, name: string): string[] {
  const wanted = name.toLowerCase();
  const out: string[] = [];
  for (const [key, values] of Object.entries(request.headers ?? {})) {
    if (key.toLowerCase() === wanted && values) out.push(...values);
  }
  return out;
}

export function jsonAnswer(
  statusCode: number,
  value: unknown,
  extra: Record<string, string[]> = {},
): WebTriggerResponse {
  return {
    statusCode,
    headers: { 'Content-Type': ['application/json'], 'Cache-Control': ['no-store'], ...extra },
    body: JSON.stringify(value),
  };
}
