/** The save bar's sentence about unsaved edits. Pure, unit-tested. */
import { joinNames } from '../../../shared/decision';
import type { EditCounts } from './ruleDraft';

/** "Unsaved: rules turned on, 2 rows added and 1 row changed", or "No unsaved changes". */
export function describeEdits(counts: EditCounts, enabled: boolean): string {
  const parts: string[] = [];
  if (counts.toggled) parts.push(enabled ? 'rules turned on' : 'rules turned off');
  if (counts.added > 0) parts.push(`${rows(counts.added)} added`);
  if (counts.removed > 0) parts.push(`${rows(counts.removed)} removed`);
  if (counts.changed > 0) parts.push(`${rows(counts.changed)} changed`);
  return parts.length === 0 ? 'No unsaved changes' : `Unsaved: ${joinNames(parts)}`;
}

function rows(count: number): string {
  return `${count.toLocaleString('en')} ${count === 1 ? 'row' : 'rows'}`;
}
