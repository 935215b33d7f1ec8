/**
 * Checks a push as the platform does before it queues anything. The SDK
 * already refuses most of this on the caller's side (validators.js); the
 * platform checks again, so an app that bypasses the SDK, or an SDK of
 * another version, meets the same limits.
 */
import type { EmulatedResponse } from '../platform';
import {
  LONG_CONSUMER_THRESHOLD_SECONDS,
  MAX_DELAY_SECONDS,
  MAX_EVENTS_PER_PUSH,
  MAX_LONG_CONSUMER_EVENT_BYTES,
  MAX_PUSH_BYTES,
  QUEUE_NAME,
} from './limits';
import { badRequest, tooLarge } from './responses';

export interface PushedEvent {
  body: Record<string, unknown>;
  delayInSeconds?: number;
  concurrency?: { key: string; limit: number };
}

export interface PushRequest {
  queueName: string;
  jobId: string;
  payload: PushedEvent[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The push, or the answer that refuses it. `timeoutSecondsOf` gives the queue's consumer time limit. */
export function validatePush(
  bodyText: string,
  timeoutSecondsOf: (queueName: string) => number | undefined,
): PushRequest | EmulatedResponse {
  let request: unknown;
  try {
    request = JSON.parse(bodyText);
  } catch {
    return badRequest('The push request body is not JSON.');
  }
  if (!isRecord(request)) return badRequest('The push request body must be an object.');
  const { queueName, jobId, payload } = request;
  if (typeof queueName !== 'string' || !QUEUE_NAME.test(queueName)) {
    return badRequest('Queue names can only contain alphanumeric characters, dashes and underscores.');
  }
  const timeoutSeconds = timeoutSecondsOf(queueName);
  if (timeoutSeconds === undefined) return badRequest(`No consumer module in manifest.yml reads queue '${queueName}'.`);
  if (typeof jobId !== 'string' || jobId === '') return badRequest('jobId cannot be empty.');
  if (!Array.isArray(payload) || payload.length === 0) return badRequest('No events pushed.');
  if (payload.length > MAX_EVENTS_PER_PUSH) {
    return badRequest(`This push contains more than the ${MAX_EVENTS_PER_PUSH} events allowed.`);
  }
  if (Buffer.byteLength(JSON.stringify(payload)) > MAX_PUSH_BYTES) {
    return tooLarge(`The maximum payload size is ${MAX_PUSH_BYTES / 1024}KB.`);
  }
  for (const event of payload as unknown[]) {
    if (!isRecord(event)) return badRequest('Event must be an object.');
    if (!isRecord(event.body)) return badRequest('Event body must be an object.');
    const delay = event.delayInSeconds;
    if (delay !== undefined && (typeof delay !== 'number' || delay < 0 || delay > MAX_DELAY_SECONDS)) {
      return badRequest(`The delayInSeconds setting must be between 0 and ${MAX_DELAY_SECONDS}.`);
    }
    const concurrency = event.concurrency;
    if (
      concurrency !== undefined &&
      !(isRecord(concurrency) && typeof concurrency.key === 'string' && typeof concurrency.limit === 'number')
    ) {
      return badRequest('The concurrency setting must be {key: string, limit: number}.');
    }
    if (
      timeoutSeconds > LONG_CONSUMER_THRESHOLD_SECONDS &&
      Buffer.byteLength(JSON.stringify(event)) > MAX_LONG_CONSUMER_EVENT_BYTES
    ) {
      return tooLarge(
        `An event for a consumer with timeoutSeconds over ${LONG_CONSUMER_THRESHOLD_SECONDS} can be at most ${MAX_LONG_CONSUMER_EVENT_BYTES / 1024}KB.`,
      );
    }
  }
  return { queueName, jobId, payload: payload as PushedEvent[] };
}

export const isRefusal = (value: PushRequest | EmulatedResponse): value is EmulatedResponse => 'status' in value;
