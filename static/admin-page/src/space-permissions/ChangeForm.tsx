import { useId, useState } from 'react';
import Button from '@atlaskit/button/new';
import { Checkbox } from '@atlaskit/checkbox';
import Heading from '@atlaskit/heading';
import { Box, Grid, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import { ErrorState } from '../../../shared/components/ErrorState';
import { LoadingState } from '../../../shared/components/LoadingState';
import type { ResolverError } from '../../../shared/resolverResult';
import {
  OPERATIONS,
  previewChanges,
  submitChanges,
  type Action,
  type ChangeKind,
  type ChangeRequest,
  type Op,
  type Preview,
  type RelaySetup,
} from './api';
import { ChangeKindChoice } from './ChangeKindChoice';
import { MultiPicker, type Option } from './Pickers';
import { PreviewTable } from './PreviewTable';
import { REMOVE_ROLE, RoleChoice } from './RoleChoice';

type State =
  | { status: 'editing' }
  | { status: 'loading'; what: string }
  | { status: 'preview'; preview: Preview; request: ChangeRequest }
  | { status: 'submitted'; changes: number }
  | { status: 'failed'; error: ResolverError };

const opsGrid = xcss({ maxWidth: '48rem' });
const opId = (op: Op) => `${op.key}/${op.target}`;

/** The site facts the form follows; before getRelaySetup answers, a PRE_ROLES site is assumed. */
type SiteFacts = Pick<RelaySetup, 'roleMode' | 'accepts' | 'prefers' | 'roles'>;
const PRE_ROLES: SiteFacts = { roleMode: 'PRE_ROLES', accepts: ['permission'], prefers: 'permission', roles: [] };

interface ChangeFormProps {
  site: SiteFacts | undefined;
  onSubmitted(): void;
}

/**
 * Choose spaces, people and groups, then either a role (sites with space
 * roles) or permissions and grant or revoke (sites with individual
 * permissions); preview; submit a job. A transition site offers both.
 */
export function ChangeForm({ site, onSubmitted }: ChangeFormProps) {
  const facts = site ?? PRE_ROLES;
  const [spaces, setSpaces] = useState<Option[]>([]);
  const [users, setUsers] = useState<Option[]>([]);
  const [groups, setGroups] = useState<Option[]>([]);
  const [ops, setOps] = useState<ReadonlySet<string>>(new Set());
  const [action, setAction] = useState<Action>('grant');
  const [chosenKind, setKind] = useState<ChangeKind | undefined>();
  const [roleId, setRoleId] = useState<string | undefined>();
  const [state, setState] = useState<State>({ status: 'editing' });
  const actionName = useId();
  const kind: ChangeKind = chosenKind && facts.accepts.includes(chosenKind) ? chosenKind : facts.prefers;

  const request = (): ChangeRequest => {
    const common = {
      spaceKeys: spaces.map((s) => s.value),
      subjects: [
        ...users.map((u) => ({ type: 'user' as const, id: u.value })),
        ...groups.map((g) => ({ type: 'group' as const, id: g.value })),
      ],
    };
    if (kind === 'role') return { ...common, roleId: roleId === REMOVE_ROLE || roleId === undefined ? null : roleId };
    return {
      ...common,
      operations: OPERATIONS.filter((o) => ops.has(opId(o))).map(({ key, target }) => ({ key, target })),
      action,
    };
  };
  const edited = () => setState({ status: 'editing' });
  const toggle = (op: Op) => {
    const next = new Set(ops);
    if (next.has(opId(op))) next.delete(opId(op));
    else next.add(opId(op));
    setOps(next);
    edited();
  };
  const preview = async () => {
    const r = request();
    setState({
      status: 'loading',
      what: kind === 'role' ? 'Reading the spaces’ current roles' : 'Reading the spaces’ current permissions',
    });
    const result = await previewChanges(r);
    setState(
      result.ok ? { status: 'preview', preview: result.data, request: r } : { status: 'failed', error: result.error },
    );
  };
  const submit = async (r: ChangeRequest) => {
    setState({ status: 'loading', what: 'Queuing the changes' });
    const result = await submitChanges(r);
    if (!result.ok) return setState({ status: 'failed', error: result.error });
    setState({ status: 'submitted', changes: result.data.changes });
    onSubmitted();
  };
  const chosen = kind === 'role' ? roleId !== undefined : ops.size > 0;
  const complete = spaces.length > 0 && users.length + groups.length > 0 && chosen;
  const previewAction = state.status === 'preview' && 'action' in state.request ? state.request.action : undefined;

  return (
    <Stack space="space.200">
      <Heading size="small" as="h3">
        {facts.roleMode === 'ROLES' ? 'Change roles' : 'Change permissions'}
      </Heading>
      <ChangeKindChoice
        mode={facts.roleMode}
        accepts={facts.accepts}
        prefers={facts.prefers}
        value={kind}
        onChange={(k) => (setKind(k), edited())}
      />
      <Grid gap="space.200" templateColumns="repeat(auto-fit, minmax(16rem, 1fr))">
        <MultiPicker
          type="space"
          label="Spaces"
          placeholder="Search spaces"
          value={spaces}
          onChange={(v) => (setSpaces(v), edited())}
        />
        <MultiPicker
          type="user"
          label="People"
          placeholder="Search people"
          value={users}
          onChange={(v) => (setUsers(v), edited())}
        />
        <MultiPicker
          type="group"
          label="Groups"
          placeholder="Search groups"
          value={groups}
          onChange={(v) => (setGroups(v), edited())}
        />
      </Grid>
      {kind === 'role' ? (
        <RoleChoice roles={facts.roles} value={roleId} onChange={(id) => (setRoleId(id), edited())} />
      ) : (
        <>
          <Box as="fieldset" xcss={opsGrid}>
            <Text as="strong" size="small">
              Permissions
            </Text>
            <Grid gap="space.050" templateColumns="repeat(auto-fill, minmax(13rem, 1fr))">
              {OPERATIONS.map((op) => (
                <Checkbox
                  key={opId(op)}
                  label={op.label}
                  name="operation"
                  value={opId(op)}
                  isChecked={ops.has(opId(op))}
                  onChange={() => toggle(op)}
                />
              ))}
            </Grid>
          </Box>
          <Box as="fieldset">
            <Inline space="space.200" alignBlock="center">
              <Text as="strong" size="small">
                Change
              </Text>
              {(['grant', 'revoke'] as const).map((a) => (
                <label key={a}>
                  <Inline as="span" space="space.050" alignBlock="center">
                    <input
                      type="radio"
                      name={actionName}
                      value={a}
                      checked={action === a}
                      onChange={() => (setAction(a), edited())}
                    />
                    <Text>{a === 'grant' ? 'Grant' : 'Revoke'}</Text>
                  </Inline>
                </label>
              ))}
            </Inline>
          </Box>
        </>
      )}
      <Inline space="space.100">
        <Button appearance="primary" isDisabled={!complete || state.status === 'loading'} onClick={preview}>
          Preview changes
        </Button>
      </Inline>
      {state.status === 'loading' ? <LoadingState label={state.what} /> : null}
      {state.status === 'failed' ? (
        <ErrorState
          title="The changes could not be previewed or queued"
          message={state.error.message}
          headingLevel={4}
          onRetry={state.error.code === 'FORBIDDEN' ? undefined : preview}
        />
      ) : null}
      {state.status === 'submitted' ? (
        <SectionMessage appearance="success" title="Queued" headingLevel="h4">
          <Text as="p">{state.changes} change(s) queued for the relay. Follow them in the job list below.</Text>
        </SectionMessage>
      ) : null}
      {state.status === 'preview' ? (
        <Stack space="space.150">
          <Heading size="xsmall" as="h4">
            Preview: {state.preview.changes} to change, {state.preview.already} already so
          </Heading>
          <PreviewTable preview={state.preview} action={previewAction} />
          <Inline space="space.100">
            <Button appearance="primary" isDisabled={state.preview.changes === 0} onClick={() => submit(state.request)}>
              Submit {state.preview.changes} change(s)
            </Button>
            <Button onClick={edited}>Cancel</Button>
          </Inline>
        </Stack>
      ) : null}
    </Stack>
  );
}
