import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { EmptyState } from '../../../shared/components/EmptyState';
import { ErrorState } from '../../../shared/components/ErrorState';
import { LoadingState } from '../../../shared/components/LoadingState';
import type { ResolverResult } from '../../../shared/resolverResult';
import { formatWhen, opLabel, type ItemState, type Job, type JobItem } from './api';

/** What a job does, in its heading. */
const jobTitle = (job: Job): string =>
  job.title ??
  (job.kind === 'role'
    ? job.roleId
      ? `Role: ${job.roleName ?? job.roleId}`
      : 'Remove role'
    : job.action === 'revoke'
      ? 'Revoke'
      : 'Grant');

/** What one item changes: a permission, or the role it gives (from what). */
function itemChange(item: JobItem): string {
  if (item.kind === 'role') {
    if (!item.to) return item.from ? `Remove ${item.from.name}` : 'Remove role';
    return item.from ? `${item.from.name} → ${item.to.name}` : item.to.name;
  }
  return item.operation ? opLabel(item.operation) : '';
}

const STATE_TEXT: Record<
  ItemState,
  { text: string; appearance: 'default' | 'inprogress' | 'success' | 'removed' | 'new' }
> = {
  queued: { text: 'Queued', appearance: 'default' },
  'in-progress': { text: 'In progress', appearance: 'inprogress' },
  applied: { text: 'Applied', appearance: 'success' },
  already: { text: 'Already in place', appearance: 'new' },
  failed: { text: 'Failed', appearance: 'removed' },
};

const jobStyles = xcss({
  borderColor: 'color.border',
  borderStyle: 'solid',
  borderWidth: 'border.width',
  borderRadius: 'radius.small',
  padding: 'space.150',
});

interface JobListProps {
  result: ResolverResult<{ jobs: Job[] }> | undefined;
  onRefresh(): void;
}

export function JobList({ result, onRefresh }: JobListProps) {
  return (
    <Stack space="space.150">
      <Inline space="space.100" alignBlock="center" spread="space-between">
        <Heading size="small" as="h3">
          Jobs
        </Heading>
        <Button onClick={onRefresh}>Refresh</Button>
      </Inline>
      {!result ? <LoadingState label="Loading jobs" /> : null}
      {result && !result.ok ? (
        <ErrorState
          title="The jobs could not be loaded"
          message={result.error.message}
          headingLevel={4}
          onRetry={result.error.code === 'FORBIDDEN' ? undefined : onRefresh}
        />
      ) : null}
      {result?.ok && result.data.jobs.length === 0 ? (
        <EmptyState
          header="No jobs yet"
          description="Submitted permission changes show here with each item's state."
          headingLevel={4}
        />
      ) : null}
      {result?.ok
        ? result.data.jobs.map((job) => (
            <Box key={job.id} xcss={jobStyles} as="section" aria-label={`Job ${job.id}`} testId="permission-job">
              <Stack space="space.100">
                <Text as="p">
                  <Text weight="semibold">{jobTitle(job)}</Text>, submitted by{' '}
                  {job.submittedBy.displayName ?? job.submittedBy.accountId} on {formatWhen(job.submittedAt)}:{' '}
                  {(Object.keys(STATE_TEXT) as ItemState[])
                    .filter((s) => job.counts[s] > 0)
                    .map((s) => `${job.counts[s]} ${STATE_TEXT[s].text.toLowerCase()}`)
                    .join(', ')}
                </Text>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Space</th>
                      <th scope="col">Who</th>
                      <th scope="col">{job.kind === 'role' ? 'Role' : 'Permission'}</th>
                      <th scope="col">State</th>
                    </tr>
                  </thead>
                  <tbody>
                    {job.items.map((item) => (
                      <tr key={item.itemId} data-state={item.state}>
                        <td>{item.spaceKey}</td>
                        <td>{item.subject.name ?? item.subject.id}</td>
                        <td>{itemChange(item)}</td>
                        <td>
                          <Stack space="space.050">
                            <Lozenge appearance={STATE_TEXT[item.state].appearance}>
                              {STATE_TEXT[item.state].text}
                            </Lozenge>
                            {item.state === 'failed' && item.message ? <Text size="small">{item.message}</Text> : null}
                          </Stack>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </Stack>
            </Box>
          ))
        : null}
    </Stack>
  );
}
