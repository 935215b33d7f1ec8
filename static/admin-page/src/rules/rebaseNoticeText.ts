/** The reload-after-conflict notices in words. Pure, unit-tested. */
import { ruleLabel } from '../audit/changeText';
import type { RebaseNotice } from './draftRebase';

export function describeRebaseNotice(notice: RebaseNotice): string {
  const label = ruleLabel(notice.rule.type, notice.rule.name, notice.rule.id);
  switch (notice.kind) {
    case 'edited-row-removed':
      return `The other save removed ${label}, which you had changed: it is back in the table with your checkboxes. Remove it again if it should go.`;
    case 'added-by-both':
      return `The other save also added ${label}: your checkboxes are applied to it.`;
    case 'removed-row-changed':
      return `The other save changed ${label}, which you removed: it will still be removed when you save.`;
    default:
      return unknownNotice(notice);
  }
}

function unknownNotice(notice: never): string {
  void notice;
  return 'Review the table before saving.';
}
