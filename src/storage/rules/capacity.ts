/**
 * What a table must fit before a save writes anything: the row cap, and
 * Forge's 240 KiB per stored value ("KVS and Custom Entity Store limits")
 * for every table chunk and decision bucket it is laid out in. Rows are
 * spread by a hash of their id, so long ids, long names, or ids that happen
 * to share a bucket can overflow one value well within the row cap; that is
 * refused here with the figures, instead of failing half-way through the
 * writes.
 */
import { LIMITS, RuleTable, RuleValidationError } from '../../rules';
import { GROUP_BUCKETS, SPACE_BUCKETS, TABLE_CHUNKS, USER_BUCKETS } from './keys';
import { encodeTable, StoredValue } from './layout';

/** Forge's limit on one stored value, the UTF-8 bytes of its JSON. */
export const MAX_STORED_VALUE_BYTES = 240 * 1024;

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;
const count = (n: number): string => n.toLocaleString('en-US');

function describeValue(key: string, value: StoredValue): string {
  const [, kind, code, bucket] = key.split(':');
  if (kind === 'tbl')
    return `the ${count('rows' in value ? value.rows.length : 0)} rows stored together in chunk ${code} of ${TABLE_CHUNKS}`;
  const rows = 'm' in value ? Object.keys(value.m).length : 0;
  const type = code === 'g' ? 'group' : code === 's' ? 'space' : 'user';
  const of = code === 'g' ? GROUP_BUCKETS : code === 's' ? SPACE_BUCKETS : USER_BUCKETS;
  return `the ${count(rows)} ${type} rows whose ids fall in bucket ${bucket} of ${of}`;
}

/**
 * The table's stored values at `version`, or a RuleValidationError naming
 * the limit and the figure when the table is too large for storage.
 */
export function storedValuesWithin(table: RuleTable, version: number): Map<string, StoredValue> {
  if (table.rows.length > LIMITS.maxTableRows) {
    throw new RuleValidationError(
      '',
      `The table would have ${count(table.rows.length)} rows; the largest supported is ${count(LIMITS.maxTableRows)}.`,
    );
  }
  const values = encodeTable(table);
  for (const [key, value] of values) {
    const bytes = Buffer.byteLength(JSON.stringify({ ...value, v: version }), 'utf8');
    if (bytes > MAX_STORED_VALUE_BYTES) {
      throw new RuleValidationError(
        '',
        `The table does not fit Forge storage: ${describeValue(key, value)} take ${kib(bytes)}, ` +
          `and one stored value holds at most ${kib(MAX_STORED_VALUE_BYTES)}. ` +
          'Remove rows, or shorten their names, and try again.',
      );
    }
  }
  return values;
}
