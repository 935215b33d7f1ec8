/**
 * Forge's documented async events limits ("Async events API", "Error
 * handling for Forge async events", the manifest schema's `timeoutSeconds`,
 * and @forge/events 3.0 `validators.js`). The SDK checks some of them
 * before it sends; the emulator checks them all again, as the platform does.
 */

/** "A maximum of 50 events can be pushed per request." */
export const MAX_EVENTS_PER_PUSH = 50;
/** "... up to a maximum combined payload of 200 KB" (the SDK measures KB as 1024 bytes). */
export const MAX_PUSH_BYTES = 200 * 1024;
/** One event's payload when its consumer's `timeoutSeconds` is over 55 (DESIGN section 7; a guess at the exact byte count). */
export const MAX_LONG_CONSUMER_EVENT_BYTES = 100 * 1024;
export const LONG_CONSUMER_THRESHOLD_SECONDS = 55;
/** "The events processing can be delayed up to 15 minutes using the delayInSeconds setting." */
export const MAX_DELAY_SECONDS = 900;
/** Manifest schema: a function's `timeoutSeconds` is between 1 and 900. */
export const MAX_CONSUMER_TIMEOUT_SECONDS = 900;
/** A consumer function without `timeoutSeconds` gets the default function limit. */
export const DEFAULT_CONSUMER_TIMEOUT_SECONDS = 55;
/** "an event pushed another event into the queue more than 1000 times" answers InvocationLimitReachedError. */
export const MAX_EVENT_CHAIN = 1000;
/** "About 500 events a minute an installation" (DESIGN section 7); over it the push answers 429. */
export const EVENTS_PER_MINUTE = 500;
/**
 * How many times a failed event is retried. The docs name retries and the
 * `retryContext` but, where we looked, no number: 4 is our guess, marked as
 * such in docs/local-events.md.
 */
export const MAX_RETRIES = 4;
/** Queue names: "alphanumeric characters, dashes and underscores" (validators.js). */
export const QUEUE_NAME = /^[a-zA-Z0-9-_]+$/;
