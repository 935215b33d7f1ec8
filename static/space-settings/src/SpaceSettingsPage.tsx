import { ErrorState } from '../../shared/components/ErrorState';
import { LoadingState } from '../../shared/components/LoadingState';
import { PageLayout } from '../../shared/components/PageLayout';
import type { SpaceSettingsFunctions } from '../../../src/contract/space-settings';
import { resolverClient } from '../../shared/invokeResolver';
import { useResolver } from '../../shared/useResolver';
import { SpaceScripts } from './SpaceScripts';

const call = resolverClient<SpaceSettingsFunctions>();

function loadMyScripts() {
  return call('getMyScripts', {});
}

/** The space settings page: `getMyScripts` first, then the viewer's scripts and why, their forms and runs. */
export function SpaceSettingsPage() {
  const { state, retry } = useResolver(loadMyScripts);
  return (
    <PageLayout title="Built-in scripts">
      {state.status === 'loading' ? <LoadingState label="Loading built-in scripts" /> : null}
      {state.status === 'failed' ? (
        <ErrorState
          title="Built-in scripts couldn't be loaded"
          message={state.error.message}
          onRetry={state.error.code === 'FORBIDDEN' ? undefined : retry}
        />
      ) : null}
      {state.status === 'ready' ? <SpaceScripts data={state.data} /> : null}
    </PageLayout>
  );
}
