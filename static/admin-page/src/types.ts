/**
 * The admin page's view of the data `getConfig` and `saveConfig` answer
 * with: the contract's types (src/contract/admin-page.ts) under the names
 * the page uses. Pure.
 */
import type { Row, RowType } from '../../../src/contract/admin-page';

export type { AdminConfig, BuiltInScript, Person } from '../../../src/contract/admin-page';

export type RuleType = RowType;

/** The rule types an admin adds and removes; Global always exists. */
export type SubjectType = Exclude<RuleType, 'global'>;

/** One row of the rule table: a subject, stored by id, and the scripts it may run. */
export type Rule = Row;
