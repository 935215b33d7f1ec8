import { useCallback, useEffect, useState } from 'react';
import Heading from '@atlaskit/heading';
import { Stack, Text } from '@atlaskit/primitives';
import type { ResolverResult } from '../../../shared/resolverResult';
import { getRelaySetup, listJobs, type Job, type RelaySetup } from './api';
import { ChangeForm } from './ChangeForm';
import { JobList } from './JobList';
import { RelayLinkPanel } from './RelayLinkPanel';

/** While jobs have queued or in-progress items, the list refreshes itself this often. */
const REFRESH_MS = 5000;

/**
 * "Space permissions": queue space-permission changes that the customer's
 * relay applies, follow the jobs, and link the relay. Confluence admins
 * only (every resolver checks; the page shows their FORBIDDEN otherwise).
 */
export function SpacePermissionsSection() {
  const [setup, setSetup] = useState<ResolverResult<RelaySetup>>();
  const [jobs, setJobs] = useState<ResolverResult<{ jobs: Job[] }>>();
  const loadSetup = useCallback(() => void getRelaySetup().then(setSetup), []);
  const loadJobs = useCallback(() => void listJobs().then(setJobs), []);

  useEffect(() => {
    loadSetup();
    loadJobs();
  }, [loadSetup, loadJobs]);

  const busy = jobs?.ok && jobs.data.jobs.some((j) => j.counts.queued + j.counts['in-progress'] > 0);
  useEffect(() => {
    if (!busy) return undefined;
    const timer = setInterval(() => {
      loadJobs();
      loadSetup();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [busy, loadJobs, loadSetup]);

  return (
    <Stack space="space.400">
      <Stack space="space.100">
        <Heading size="medium" as="h2">
          Space permissions
        </Heading>
        <Text as="p">
          Apps may not change space permissions themselves, so changes are queued here and applied by the relay your
          team runs with its own admin account (see the external setup guide). On sites with space roles the changes
          assign or remove roles.
        </Text>
      </Stack>
      <RelayLinkPanel result={setup} onChanged={loadSetup} />
      <ChangeForm site={setup?.ok ? setup.data : undefined} onSubmitted={() => (loadJobs(), loadSetup())} />
      <JobList result={jobs} onRefresh={() => (loadJobs(), loadSetup())} />
    </Stack>
  );
}
