/**
 * A request or a file that cannot be accepted. `field` is the path of the
 * offending value relative to the payload or file root, e.g.
 * `upsert[3].allowed[0]` ('' when the whole value is wrong); `message` says
 * what is wrong in words a person can act on.
 */
export class RuleValidationError extends Error {
  readonly field: string;

  constructor(field: string, message: string) {
    super(message);
    this.name = 'RuleValidationError';
    this.field = field;
  }
}
