import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Box, Grid, Stack, Text, xcss } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import { ErrorState } from '../../../shared/components/ErrorState';
import { LoadingState } from '../../../shared/components/LoadingState';
import type { ResolverError } from '../../../shared/resolverResult';
import { explainAccess } from '../adminApi';
import type { SubjectOption } from '../rules/subjectSearch';
import { AccessResult } from './AccessResult';
import type { AccessExplanation } from './accessTypes';
import { SubjectSelect } from './SubjectSelect';

type CheckState =
  | { status: 'idle' }
  | { status: 'incomplete' }
  | { status: 'loading' }
  | { status: 'ready'; data: AccessExplanation }
  | { status: 'failed'; error: ResolverError };

const pickersStyles = xcss({ maxWidth: '48rem' });

interface AccessCheckPanelProps {
  hasUnsavedEdits: boolean;
}

/** Pick a person and a space: for each script, allowed or restricted, and the row that decided. */
export function AccessCheckPanel({ hasUnsavedEdits }: AccessCheckPanelProps) {
  const [user, setUser] = useState<SubjectOption | null>(null);
  const [space, setSpace] = useState<SubjectOption | null>(null);
  const [state, setState] = useState<CheckState>({ status: 'idle' });

  const check = async () => {
    if (!user || !space?.match.key) {
      setState({ status: 'incomplete' });
      return;
    }
    setState({ status: 'loading' });
    const result = await explainAccess(user.match.id, space.match.key);
    setState(result.ok ? { status: 'ready', data: result.data } : { status: 'failed', error: result.error });
  };

  return (
    <Stack space="space.300">
      <Stack space="space.100">
        <Heading size="medium" as="h2">
          Check access
        </Heading>
        <Text as="p">
          Pick a person and a space to see, for each built-in script, whether they may run it there and which row of the
          rule table decided.
        </Text>
      </Stack>
      {hasUnsavedEdits ? (
        <SectionMessage appearance="information">
          <Text as="p">You have unsaved edits in the rule table. This check uses the saved rules.</Text>
        </SectionMessage>
      ) : null}
      <Box xcss={pickersStyles}>
        <Grid templateColumns="1fr 1fr" gap="space.200" alignItems="end">
          <SubjectSelect
            type="user"
            label="Person"
            placeholder="Type a person’s name"
            value={user}
            onChange={setUser}
          />
          <SubjectSelect type="space" label="Space" placeholder="Search spaces" value={space} onChange={setSpace} />
        </Grid>
      </Box>
      <Box>
        <Button appearance="primary" onClick={() => void check()} isLoading={state.status === 'loading'}>
          Check access
        </Button>
      </Box>
      <Box role="status">
        {state.status === 'incomplete' ? <Text as="p">Choose a person and a space first.</Text> : null}
      </Box>
      {state.status === 'idle' ? (
        <Text as="p" color="color.text.subtle">
          No check yet.
        </Text>
      ) : null}
      {state.status === 'loading' ? <LoadingState label="Checking access" /> : null}
      {state.status === 'failed' ? (
        <ErrorState
          title="Access couldn't be checked"
          message={state.error.message}
          onRetry={() => void check()}
          headingLevel={3}
        />
      ) : null}
      {state.status === 'ready' ? <AccessResult explanation={state.data} /> : null}
    </Stack>
  );
}
