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

type SpaceRef = { id: string; key: string; name?: string };
type DecisionRows = Pick<Awaited<ReturnType<typeof loadDecisionRows>>, 'enabled' | 'rows'>;

function explanation(
  accountId: string,
  space: SpaceRef,
  groups: readonly GroupRef[],
  spaceAdmin: boolean,
  decision: DecisionRows,
): AccessExplanation {
  const groupIds = groups.map((g) => g.id);
  const subject = { accountId, groupIds, space: { id: space.id, key: space.key }, isSpaceAdmin: spaceAdmin };
  const rows = named(decision.rows, groups);
  const spaceRow = rows.find((r) => r.type === 'space');
  const index = RuleIndex.build({ enabled: decision.enabled, rows }, KEYS);
  return {
    enabled: decision.enabled,
    spaceAdmin,
    space: { ...space, name: space.name ?? (spaceRow?.name || undefined) },
    scripts: withCatalog(index.explain(subject)),
  };
}

/**
 * The caller's own answer (the space settings page, previewScript and
 * startScript): rules are read only when they administer the space, since
 * nobody else is ever eligible. A non-admin's answer reads no storage and
 * shows the toggle as off (their page never shows it).
 */
export async function explainForCaller(
  accountId: string,
  space: SpaceRef,
  groups: readonly GroupRef[],
  spaceAdmin: boolean,
): Promise<AccessExplanation> {
  if (!spaceAdmin) return explanation(accountId, space, groups, false, { enabled: false, rows: [] });
  const decision = await loadDecisionRows(
    accountId,
    space.id,
    groups.map((g) => g.id),
  );
  return explanation(accountId, space, groups, true, decision);
}

/**
 * Someone else's answer, asked as the app (the admin's access check, a run
 * re-checking its starter): whether they administer the space and what the
 * rules say are read at once, and the toggle's real state is kept.
 */
export async function explainForUser(
  accountId: string,
  space: SpaceRef,
  groups: readonly GroupRef[],
  spaceAdmin: Promise<boolean>,
): Promise<AccessExplanation> {
  const [isAdmin, decision] = await Promise.all([
    spaceAdmin,
    loadDecisionRows(
      accountId,
      space.id,
      groups.map((g) => g.id),
    ),
  ]);
  return explanation(accountId, space, groups, isAdmin, decision);
}
