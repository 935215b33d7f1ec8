import { ErrorState } from '../../shared/components/ErrorState';
import { LoadingState } from '../../shared/components/LoadingState';
import { PageLayout } from '../../shared/components/PageLayout';
import type { ResolverError } from '../../shared/resolverResult';
import { useResolver } from '../../shared/useResolver';
import { AdminWorkspace } from './AdminWorkspace';
import { loadConfig } from './loadConfig';

export const FORBIDDEN_MESSAGE = 'Only Confluence admins can manage built-in script permissions.';

/** The admin page: loads the whole rule table, then the workspace to edit, check, audit and move it. */
export function AdminPage() {
  const { state, retry } = useResolver(loadConfig);
  return (
    <PageLayout title="Built-in script permissions">
      {state.status === 'loading' ? <LoadingState label="Loading built-in script permissions" /> : null}
      {state.status === 'failed' ? <ConfigError error={state.error} onRetry={retry} /> : null}
      {state.status === 'ready' ? <AdminWorkspace initialConfig={state.data} /> : null}
    </PageLayout>
  );
}

function ConfigError({ error, onRetry }: { error: ResolverError; onRetry: () => void }) {
  if (error.code === 'FORBIDDEN') {
    return <ErrorState title="You don't have access to this page" message={FORBIDDEN_MESSAGE} />;
  }
  return (
    <ErrorState title="Built-in script permissions couldn't be loaded" message={error.message} onRetry={onRetry} />
  );
}
