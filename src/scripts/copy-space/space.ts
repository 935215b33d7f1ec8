/**
 * Copy Space's first item: the new space, created as the app with the
 * person as its admin (src/confluence/space-create.ts). A create is marked
 * in the item's state just before it is sent; a retry that finds the key
 * taken and that mark adopts the space, since the key was free when the
 * run began (checkStart) and the mark says this run was creating it.
 */
import { findSpaceById, findSpaceByKeyWithHome } from '../../confluence/page-tree';
import { createSpaceFor } from '../../confluence/space-create';
import { userMayCreateSpaces } from '../../confluence/space-rights';
import type { ScriptInput } from '../../contract/scripts';
import type { ItemInProgress, ItemOutcome, ScriptContext } from '../types';
import type { TargetSpace } from './content';
import { provenanceText } from './plan';

export const TARGET_KEY = 'target';

export async function createTargetSpace(
  ctx: ScriptContext,
  input: ScriptInput<'copy-space'>,
  item: ItemInProgress,
): Promise<ItemOutcome> {
  const scratch = ctx.scratch!;
  if (await scratch.get<TargetSpace>(TARGET_KEY)) return { status: 'done' };
  const existing = await findSpaceByKeyWithHome(input.newSpaceKey);
  let target: TargetSpace | undefined;
  if (existing) {
    if (!item.state?.creating) {
      return { status: 'failed', reason: `A space with key ${existing.key} already exists: nothing was copied.` };
    }
    target = { id: existing.id, key: existing.key, name: existing.name, homepageId: existing.homepageId ?? '' };
  } else {
    if (!(await userMayCreateSpaces(ctx.scope.accountId))) {
      return { status: 'failed', reason: 'You may not create spaces on this site (Create Space permission).' };
    }
    await item.checkpoint({ creating: true });
    const source = await findSpaceById(ctx.scope.space.id);
    const description = provenanceText(
      { key: ctx.scope.space.key, name: source?.name ?? ctx.scope.space.key },
      ctx.runId ?? 'preview',
      new Date().toISOString(),
    );
    const created = await createSpaceFor(ctx.scope.accountId, {
      key: input.newSpaceKey,
      name: input.newSpaceName,
      description,
    });
    target = { id: created.id, key: created.key, name: created.name, homepageId: created.homepage?.id ?? '' };
  }
  if (!target.homepageId) {
    const again = await findSpaceByKeyWithHome(target.key);
    target.homepageId = again?.homepageId ?? '';
  }
  await scratch.set(TARGET_KEY, target);
  return { status: 'done' };
}
