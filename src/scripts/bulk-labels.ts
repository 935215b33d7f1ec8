/**
 * Bulk Add or Remove Labels: adds and removes labels on every page of the
 * target. Per page, after checking that the run's user may edit it: one v1
 * "add labels" call for all labels to add (adding one a page has changes
 * nothing) and one v1 "remove label" per label to remove (404 when it is
 * not there: already done). So applying a page twice changes nothing.
 */
import { BulkLabelsInput, ScriptInput } from '../contract/scripts';
import { addLabels, pageLabels, removeLabel } from '../confluence/content';
import { mapLimit, markRefused, PREVIEW_CONCURRENCY, PREVIEW_ITEMS_SHOWN, plural } from './preview-support';
import { eachTargetPage, TargetError, targetPages, treeRootProblem } from './targets';
import type { ScriptModule } from './types';

type Input = ScriptInput<'bulk-labels'>;

/** What the run does to every page: labels as Confluence stores them (lower case), a label in both lists only removed. */
export function labelPlan(input: Pick<Input, 'add' | 'remove'>): { add: string[]; remove: string[]; both: string[] } {
  const remove = [...new Set(input.remove.map((l) => l.toLowerCase()))];
  const add = [...new Set(input.add.map((l) => l.toLowerCase()))].filter((l) => !remove.includes(l));
  const both = [...new Set(input.add.map((l) => l.toLowerCase()))].filter((l) => remove.includes(l));
  return { add, remove, both };
}

/** What changes on one page that has `current` labels. */
export function pageLabelChange(
  current: readonly string[],
  plan: { add: string[]; remove: string[] },
): { add: string[]; remove: string[] } {
  const has = new Set(current.map((l) => l.toLowerCase()));
  return { add: plan.add.filter((l) => !has.has(l)), remove: plan.remove.filter((l) => has.has(l)) };
}

export function describeLabelChange(change: { add: string[]; remove: string[] }): string {
  const parts: string[] = [];
  if (change.add.length) parts.push(`add ${change.add.join(', ')}`);
  if (change.remove.length) parts.push(`remove ${change.remove.join(', ')}`);
  return parts.length ? parts.join('; ') : 'nothing to change (already so)';
}

export const bulkLabels: ScriptModule<typeof BulkLabelsInput> = {
  key: 'bulk-labels',
  input: BulkLabelsInput,
  permanent: () => false,
  concurrency: 16,
  chunkSize: 200,

  async preview(ctx, input) {
    const plan = labelPlan(input);
    const warnings: string[] = [];
    if (plan.both.length) warnings.push(`Labels both added and removed are only removed: ${plan.both.join(', ')}.`);
    const problem = await treeRootProblem(ctx, input.target);
    if (problem) throw new TargetError(problem);
    const shown: { id: string; title: string; depth?: number }[] = [];
    let total = 0;
    await eachTargetPage(ctx, input.target, (pages) => {
      total += pages.length;
      for (const p of pages) if (shown.length < PREVIEW_ITEMS_SHOWN) shown.push(p);
      return true;
    });
    const items = await mapLimit(shown, PREVIEW_CONCURRENCY, async (page) => {
      const change = pageLabelChange((await pageLabels(page.id)) ?? [], plan);
      return {
        id: page.id,
        kind: 'page' as const,
        title: page.title,
        reason: input.target.type === 'space' ? 'a current page of this space' : 'in the page tree',
        action: describeLabelChange(change),
        ...(page.depth !== undefined ? { depth: page.depth } : {}),
      };
    });
    const refused = await markRefused(ctx, items, 'update');
    if (refused) warnings.push(refused);
    const what = describeLabelChange({ add: plan.add, remove: plan.remove });
    return {
      scriptKey: 'bulk-labels',
      total,
      items,
      permanent: false,
      summary: `Will ${what} on ${plural(total, 'page')}.`,
      warnings,
    };
  },

  async discover(ctx, input, cursor, limit) {
    const batch = await targetPages(ctx, input.target, cursor, limit);
    return { items: batch.pages.map((p) => ({ id: p.id, title: p.title })), next: batch.next };
  },

  async apply(ctx, input, item) {
    const may = await ctx.userMay(item.id, 'update');
    if (!may.allowed) return { status: 'failed', reason: may.reason };
    const plan = labelPlan(input);
    if (plan.add.length && (await addLabels(item.id, plan.add)) === 'gone') {
      return { status: 'skipped', reason: 'The page no longer exists.' };
    }
    for (const name of plan.remove) await removeLabel(item.id, name);
    return { status: 'done' };
  },
};
