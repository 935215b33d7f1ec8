import { RuleValidationError } from './errors';
import { CONTROL_CHARS, LIMITS, unsafeTextReason } from './limits';
import { GLOBAL_ROW_ID, isRowType, Row, RowSelector, ROW_TYPES } from './model';
import { inOrder } from './order';

/**
 * Checks one row against the domain rules and returns it normalised
 * (`allowed` deduplicated and in `scriptOrder`, no stray fields).
 * @param field path of the row in the request or file, e.g. `upsert[3]`.
 * @param scriptOrder the script keys a row may use, in column order.
 * @throws RuleValidationError naming the offending field.
 */
export function validateRow(raw: unknown, field: string, scriptOrder: readonly string[]): Row {
  if (!isRecord(raw))
    throw new RuleValidationError(field, `${field} must be an object with type, id, name and allowed`);
  const { type, id } = validateSelector(raw, field);

  const name = raw.name;
  if (typeof name !== 'string') throw new RuleValidationError(`${field}.name`, `${field}.name must be a string`);
  if (name.length > LIMITS.nameMaxLength) {
    throw new RuleValidationError(
      `${field}.name`,
      `${field}.name is ${name.length} characters long; names may be at most ${LIMITS.nameMaxLength}`,
    );
  }
  const unsafeName = unsafeTextReason(name);
  if (unsafeName) throw new RuleValidationError(`${field}.name`, `${field}.name ${unsafeName}`);

  const key = raw.key;
  if (key !== undefined) {
    if (type !== 'space') {
      throw new RuleValidationError(
        `${field}.key`,
        `${field}.key: only space rows carry a space key; remove it from this ${type} row`,
      );
    }
    if (
      typeof key !== 'string' ||
      key.length === 0 ||
      key.length > LIMITS.spaceKeyMaxLength ||
      /\s/.test(key) ||
      CONTROL_CHARS.test(key) ||
      unsafeTextReason(key) !== undefined
    ) {
      throw new RuleValidationError(
        `${field}.key`,
        `${field}.key must be a space key of 1 to ${LIMITS.spaceKeyMaxLength} characters without spaces`,
      );
    }
  }

  const allowed = raw.allowed;
  if (!Array.isArray(allowed)) {
    throw new RuleValidationError(
      `${field}.allowed`,
      `${field}.allowed must be a list of script keys (it may be empty)`,
    );
  }
  const known = new Set(scriptOrder);
  allowed.forEach((k: unknown, j) => {
    if (typeof k !== 'string' || !known.has(k)) {
      throw new RuleValidationError(
        `${field}.allowed[${j}]`,
        `${field}.allowed[${j}] is ${JSON.stringify(k)}, which is not a known script; known scripts are: ${scriptOrder.join(', ')}`,
      );
    }
  });

  const normalised = inOrder(allowed as string[], scriptOrder);
  return key === undefined ? { type, id, name, allowed: normalised } : { type, id, name, key, allowed: normalised };
}

/**
 * Checks a row's identity: a known type and a usable id, and that the
 * Global row keeps its type and id.
 */
export function validateSelector(raw: unknown, field: string): RowSelector {
  if (!isRecord(raw)) throw new RuleValidationError(field, `${field} must be an object with type and id`);
  const type = raw.type;
  if (!isRowType(type)) {
    throw new RuleValidationError(
      `${field}.type`,
      `${field}.type must be one of ${ROW_TYPES.map((t) => JSON.stringify(t)).join(', ')}`,
    );
  }
  const id = raw.id;
  if (typeof id !== 'string') throw new RuleValidationError(`${field}.id`, `${field}.id must be a string`);
  if (id.length === 0) throw new RuleValidationError(`${field}.id`, `${field}.id must not be empty`);
  if (id.length > LIMITS.idMaxLength) {
    throw new RuleValidationError(`${field}.id`, `${field}.id may be at most ${LIMITS.idMaxLength} characters long`);
  }
  const unsafeId = unsafeTextReason(id);
  if (unsafeId) throw new RuleValidationError(`${field}.id`, `${field}.id ${unsafeId}`);
  if (type === 'global' && id !== GLOBAL_ROW_ID) {
    throw new RuleValidationError(
      `${field}.id`,
      `${field}.id: there is exactly one Global row and its id is "${GLOBAL_ROW_ID}"`,
    );
  }
  if (type !== 'global' && id === GLOBAL_ROW_ID) {
    throw new RuleValidationError(
      `${field}.type`,
      `${field}.type: "${GLOBAL_ROW_ID}" is the Global row, which cannot change type; use type "global"`,
    );
  }
  return { type, id };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
