import { lazy, Suspense, useCallback, useDeferredValue, useId, useMemo, useState } from 'react';
import Heading from '@atlaskit/heading';
import { ModalTransition } from '@atlaskit/modal-dialog';
import { Box, Stack, Text } from '@atlaskit/primitives';
import { EmptyState } from '../../../shared/components/EmptyState';
import { subjectLabel } from '../subjects';
import { editCounts, hasRule } from './ruleDraft';
import { describeEdits } from './editSummaryText';
import type { RuleRef } from './ruleOrder';
import { tableLines } from './ruleSections';
import { RulesToggle } from './RulesToggle';

// The Add dialog (and the pickers it brings) loads when first opened.
const AddRulesModal = lazy(() => import('./AddRulesModal').then((m) => ({ default: m.AddRulesModal })));
import { RuleTable } from './RuleTable';
import { RuleTableToolbar } from './RuleTableToolbar';
import { SaveBar } from './SaveBar';
import { SaveFeedback } from './SaveFeedback';
import type { SubjectOption } from './subjectSearch';
import type { RuleEditor } from './useRuleEditor';

interface RulesPanelProps {
  editor: RuleEditor;
}

/** The toggle, the save bar and the editable rule table. */
export function RulesPanel({ editor }: RulesPanelProps) {
  const tableHeadingId = useId();
  const [filter, setFilter] = useState('');
  const [adding, setAdding] = useState(false);
  const [note, setNote] = useState('');
  const deferredFilter = useDeferredValue(filter);
  const { draft, rules } = editor;
  const base = draft.base;
  const lines = useMemo(() => tableLines(rules, deferredFilter), [rules, deferredFilter]);
  const isInTable = useCallback((ref: RuleRef) => hasRule(draft, ref), [draft]);

  const { removeRule } = editor;
  const onRemove = useCallback(
    (ref: RuleRef, label: string) => {
      removeRule(ref);
      setNote(`Removed the row for ${label}. Save to keep this, or discard your changes to undo it.`);
    },
    [removeRule],
  );

  const onAdd = (options: readonly SubjectOption[]) => {
    const { added, skipped } = editor.addRules(options.map((option) => option.match));
    setAdding(false);
    setFilter('');
    const parts = [`Added ${added.length} ${added.length === 1 ? 'row' : 'rows'}, every script unchecked.`];
    if (skipped.length > 0)
      parts.push(`Already in the table, not added again: ${skipped.map(subjectLabel).join(', ')}.`);
    setNote(parts.join(' '));
  };

  return (
    <Stack space="space.300">
      <RulesToggle enabled={editor.enabled} unsaved={draft.enabled !== undefined} onChange={editor.setEnabled} />
      <Stack space="space.150">
        <SaveBar
          summary={describeEdits(editCounts(draft), editor.enabled)}
          dirty={editor.dirty}
          saving={editor.status.kind === 'saving'}
          version={base.version}
          updatedAt={base.updatedAt}
          updatedBy={base.updatedBy}
          onSave={() => void editor.save()}
          onDiscard={() => {
            editor.discard();
            setNote('Your unsaved changes were discarded.');
          }}
        />
        <SaveFeedback
          status={editor.status}
          onSave={() => void editor.save()}
          onReload={() => void editor.reloadKeepingEdits()}
        />
      </Stack>
      <Stack space="space.150">
        <Heading size="medium" as="h2" id={tableHeadingId}>
          Rule table
        </Heading>
        <Text as="p" color="color.text.subtle">
          Checked: that space, group or person may run the script. Precedence: a user row decides for that person; else
          their groups’ rows (any one allowing is enough); else the space row; else Global.
        </Text>
        {base.scripts.length === 0 ? (
          <EmptyState
            header="No built-in scripts"
            description="The script catalog is empty, so there is nothing to allow or restrict."
            headingLevel={3}
          />
        ) : (
          <>
            <RuleTableToolbar
              filter={filter}
              shown={lines.shown}
              total={lines.total}
              onFilterChange={setFilter}
              onAdd={() => setAdding(true)}
            />
            <Box role="status">{note ? <Text as="p">{note}</Text> : null}</Box>
            <RuleTable
              lines={lines.lines}
              scripts={base.scripts}
              newScriptKeys={base.newScripts ?? []}
              draft={draft}
              labelledBy={tableHeadingId}
              filter={deferredFilter}
              onToggle={editor.setCell}
              onRemove={onRemove}
            />
          </>
        )}
      </Stack>
      <ModalTransition>
        {adding ? (
          <Suspense fallback={null}>
            <AddRulesModal isInTable={isInTable} onAdd={onAdd} onClose={() => setAdding(false)} />
          </Suspense>
        ) : null}
      </ModalTransition>
    </Stack>
  );
}
