import { Row, RuleIndex, SCRIPT_CATALOG, ScriptDecision, scriptKeys } from '../rules';
import type { AccessExplanation, ScriptAccess } from '../contract/access';
import type { GroupRef } from '../confluence/groups';
import { loadDecisionRows } from '../storage/rules/repository';

const KEYS = scriptKeys(SCRIPT_CATALOG);

function withCatalog(decisions: ScriptDecision[]): ScriptAccess[] {
  return decisions.map((decision) => {
    const script = SCRIPT_CATALOG.find((s) => s.key === decision.key);
    return { ...decision, name: script?.name ?? decision.key, description: script?.description ?? '' };
  });
}

/** Group rows carry no names in the decision index: Confluence's current names are used. */
function named(rows: Row[], groups: readonly GroupRef[]): Row[] {
  const names = new Map(groups.map((g) => [g.id, g.name]));
  return rows.map((row) => (row.type === 'group' ? { ...row, name: names.get(row.id) ?? row.id } : row));
}

/**
 * Explains every script for one user in one space. Reads rules only when the
 * user administers the space (nobody else is ever eligible), or when the
 * caller wants the toggle's state anyway (`withToggle`, the admin's check).
 * `enabled` is false for a non-admin read without the toggle: the page of a
 * non-admin never shows it.
 */
export async function explainFor(
  accountId: string,
  space: { id: string; key: string; name?: string },
  groups: readonly GroupRef[],
  isSpaceAdmin: boolean | Promise<boolean>,
  options: { withToggle?: boolean } = {},
): Promise<AccessExplanation> {
  const groupIds = groups.map((g) => g.id);
  const [spaceAdmin, decision] = options.withToggle
    ? await Promise.all([isSpaceAdmin, loadDecisionRows(accountId, space.id, groupIds)])
    : [await isSpaceAdmin, undefined];
  const subject = { accountId, groupIds, space: { id: space.id, key: space.key }, isSpaceAdmin: spaceAdmin };
  if (!decision && !spaceAdmin) {
    const index = RuleIndex.build({ enabled: false, rows: [] }, KEYS);
    return { enabled: false, spaceAdmin, space, scripts: withCatalog(index.explain(subject)) };
  }
  const { enabled, rows: decisionRows } = decision ?? (await loadDecisionRows(accountId, space.id, groupIds));
  const rows = named(decisionRows, groups);
  const spaceRow = rows.find((r) => r.type === 'space');
  const index = RuleIndex.build({ enabled, rows }, KEYS);
  return {
    enabled,
    spaceAdmin,
    space: { ...space, name: space.name ?? (spaceRow?.name || undefined) },
    scripts: withCatalog(index.explain(subject)),
  };
}
