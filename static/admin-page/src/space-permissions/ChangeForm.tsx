import { useId, useState } from 'react';
import Button from '@atlaskit/button/new';
import { Checkbox } from '@atlaskit/checkbox';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Box, Grid, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import { ErrorState } from '../../../shared/components/ErrorState';
import { LoadingState } from '../../../shared/components/LoadingState';
import type { ResolverError } from '../../../shared/resolverResult';
import {
  OPERATIONS,
  opLabel,
  previewChanges,
  submitChanges,
  type Action,
  type ChangeRequest,
  type Op,
  type Preview,
} from './api';
import { MultiPicker, type Option } from './Pickers';

type State =
  | { status: 'editing' }
  | { status: 'loading'; what: string }
  | { status: 'preview'; preview: Preview; request: ChangeRequest }
  | { status: 'submitted'; changes: number }
  | { status: 'failed'; error: ResolverError };

const opsGrid = xcss({ maxWidth: '48rem' });
const tableStyles = xcss({ overflowX: 'auto', maxHeight: '24rem', overflowY: 'auto' });
const opId = (op: Op) => `${op.key}/${op.target}`;

interface ChangeFormProps {
  onSubmitted(): void;
}

/** Choose spaces, people and groups, permissions and grant or revoke; preview; submit a job. */
export function ChangeForm({ onSubmitted }: ChangeFormProps) {
  const [spaces, setSpaces] = useState<Option[]>([]);
  const [users, setUsers] = useState<Option[]>([]);
  const [groups, setGroups] = useState<Option[]>([]);
  const [ops, setOps] = useState<ReadonlySet<string>>(new Set());
  const [action, setAction] = useState<Action>('grant');
  const [state, setState] = useState<State>({ status: 'editing' });
  const actionName = useId();

  const request = (): ChangeRequest => ({
    spaceKeys: spaces.map((s) => s.value),
    subjects: [
      ...users.map((u) => ({ type: 'user' as const, id: u.value })),
      ...groups.map((g) => ({ type: 'group' as const, id: g.value })),
    ],
    operations: OPERATIONS.filter((o) => ops.has(opId(o))).map(({ key, target }) => ({ key, target })),
    action,
  });
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
    setState({ status: 'loading', what: 'Reading the spaces’ current permissions' });
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
  const complete = spaces.length > 0 && users.length + groups.length > 0 && ops.size > 0;

  return (
    <Stack space="space.200">
      <Heading size="small" as="h3">
        Change permissions
      </Heading>
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
        <SectionMessage appearance="success" title="Queued">
          <Text as="p">{state.changes} change(s) queued for the relay. Follow them in the job list below.</Text>
        </SectionMessage>
      ) : null}
      {state.status === 'preview' ? (
        <Stack space="space.150">
          <Heading size="xsmall" as="h4">
            Preview: {state.preview.changes} to change, {state.preview.already} already so
          </Heading>
          <Box xcss={tableStyles} tabIndex={0} role="region" aria-label="Preview of the changes">
            <table>
              <thead>
                <tr>
                  <th scope="col">Space</th>
                  <th scope="col">Who</th>
                  <th scope="col">Permission</th>
                  <th scope="col">Result</th>
                </tr>
              </thead>
              <tbody>
                {state.preview.rows.map((row) => (
                  <tr key={`${row.spaceKey} ${row.subject.type} ${row.subject.id} ${opId(row.operation)}`}>
                    <td>{`${row.spaceName} (${row.spaceKey})`}</td>
                    <td>{row.subject.name ?? row.subject.id}</td>
                    <td>{opLabel(row.operation)}</td>
                    <td>
                      <Stack space="space.050">
                        {row.status === 'change' ? (
                          <Lozenge appearance="inprogress">
                            {state.request.action === 'grant' ? 'Will grant' : 'Will revoke'}
                          </Lozenge>
                        ) : (
                          <Lozenge>Already so</Lozenge>
                        )}
                        {row.note ? (
                          <Text size="small" color="color.text.subtle">
                            {row.note}
                          </Text>
                        ) : null}
                      </Stack>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Box>
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
