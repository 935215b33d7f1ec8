/**
 * The platform's answers to @forge/events, in the shapes its validators
 * read (validators.js `validatePushAPIResponse`, `validateAPIResponse`):
 * 201 for an accepted push, 413 `{errorMessage}`, 429, 405 for the event
 * chain limit, 400 `{message}` for what the platform refuses outright.
 */
import type { EmulatedResponse } from '../platform';

const json = (status: number, body: unknown): EmulatedResponse => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

export const accepted = (): EmulatedResponse => json(201, {});
export const ok = (body: unknown): EmulatedResponse => json(200, body);
export const noContent = (): EmulatedResponse => ({ status: 204, body: '' });
export const tooLarge = (errorMessage: string): EmulatedResponse => json(413, { errorMessage });
export const rateLimited = (): EmulatedResponse => json(429, { message: 'Too many requests.' });
export const chainLimit = (): EmulatedResponse =>
  json(405, { message: 'The limit on cyclic invocation has been reached.' });
export const badRequest = (message: string): EmulatedResponse => json(400, { code: 400, message });
export const notFound = (message: string): EmulatedResponse => json(404, { code: 404, message });
