import { RuleValidationError } from '../../../src/rules';

/** Asserts that `fn` throws a RuleValidationError for `field`, with a message a person can read. */
export function expectError(fn: () => unknown, field: string, message?: RegExp): RuleValidationError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(RuleValidationError);
  const err = caught as RuleValidationError;
  expect(err.field).toBe(field);
  expect(err.message.length).toBeGreaterThan(10);
  if (field !== '') expect(err.message).toContain(field.split('[')[0]);
  if (message) expect(err.message).toMatch(message);
  return err;
}
