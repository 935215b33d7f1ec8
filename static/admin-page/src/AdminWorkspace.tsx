import { lazy, Suspense, useState, type ReactNode } from 'react';
import { Box } from '@atlaskit/primitives';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { LoadingState } from '../../shared/components/LoadingState';
import { useUnsavedChangesPrompt } from '../../shared/useUnsavedChangesPrompt';
import { RulesPanel } from './rules/RulesPanel';
import { useRuleEditor } from './rules/useRuleEditor';
import type { AdminConfig } from './types';

// The other tabs load when first opened: the page's first load carries the rule table only.
const AccessCheckPanel = lazy(() => import('./access/AccessCheckPanel').then((m) => ({ default: m.AccessCheckPanel })));
const AuditLogPanel = lazy(() => import('./audit/AuditLogPanel').then((m) => ({ default: m.AuditLogPanel })));
const TransferPanel = lazy(() => import('./transfer/TransferPanel').then((m) => ({ default: m.TransferPanel })));
const ScriptRunsPanel = lazy(() => import('./runs/ScriptRunsPanel').then((m) => ({ default: m.ScriptRunsPanel })));
const SpacePermissionsSection = lazy(() =>
  import('./space-permissions/SpacePermissionsSection').then((m) => ({ default: m.SpacePermissionsSection })),
);

const TAB_NAMES = [
  'Rules',
  'Check access',
  'Audit log',
  'Export and import',
  'Space permissions',
  'Script runs',
] as const;

interface AdminWorkspaceProps {
  initialConfig: AdminConfig;
}

/**
 * The loaded page: six tabs, four over one rule editor, so unsaved edits survive
 * switching tabs; leaving the page with unsaved edits asks first.
 * A tab's content is mounted the first time it is opened (its resolver
 * calls wait until then).
 */
export function AdminWorkspace({ initialConfig }: AdminWorkspaceProps) {
  const editor = useRuleEditor(initialConfig);
  const [selected, setSelected] = useState(0);
  const [opened, setOpened] = useState<ReadonlySet<number>>(() => new Set([0]));
  useUnsavedChangesPrompt(editor.dirty);

  const select = (index: number) => {
    setSelected(index);
    setOpened((current) => (current.has(index) ? current : new Set([...current, index])));
  };
  const panel = (index: number, content: ReactNode) => (
    <TabPanel>
      <Box paddingBlockStart="space.300">
        {opened.has(index) ? (
          <Suspense fallback={<LoadingState label={`Loading ${TAB_NAMES[index]}`} />}>{content}</Suspense>
        ) : null}
      </Box>
    </TabPanel>
  );
  const scripts = editor.draft.base.scripts;

  return (
    <Tabs id="admin-page-tabs" selected={selected} onChange={select}>
      <TabList>
        {TAB_NAMES.map((name) => (
          <Tab key={name}>{name}</Tab>
        ))}
      </TabList>
      {panel(0, <RulesPanel editor={editor} />)}
      {panel(1, <AccessCheckPanel hasUnsavedEdits={editor.dirty} />)}
      {/* Remounts after each save, so the log opens on the newest entry. */}
      {panel(2, <AuditLogPanel key={editor.draft.base.version} scripts={scripts} />)}
      {panel(
        3,
        <TransferPanel
          version={editor.draft.base.version}
          scripts={scripts}
          hasUnsavedEdits={editor.dirty}
          onImported={editor.replaceConfig}
        />,
      )}
      {panel(4, <SpacePermissionsSection />)}
      {panel(5, <ScriptRunsPanel scripts={scripts} />)}
    </Tabs>
  );
}
