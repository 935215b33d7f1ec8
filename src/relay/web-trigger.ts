/**
 * The relay's web trigger. The signed relay protocol (docs/relay-protocol.md,
 * issue "Space-permission changes through the relay") is not served yet:
 * every request is refused, so an unauthenticated caller can change nothing.
 */
export interface WebTriggerRequest {
  method: string;
  headers: Record<string, string[]>;
  body?: string;
}

export interface WebTriggerResponse {
  statusCode: number;
  headers: Record<string, string[]>;
  body: string;
}

export async function relayTrigger(_request: WebTriggerRequest): Promise<WebTriggerResponse> {
  return {
    statusCode: 503,
    headers: { 'Content-Type': ['application/json'] },
    body: JSON.stringify({ error: { code: 'RELAY_NOT_AVAILABLE', message: 'This app version does not serve the relay protocol yet.' } }),
  };
}
