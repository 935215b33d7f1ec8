import { useId } from 'react';
import Heading from '@atlaskit/heading';
import { Stack } from '@atlaskit/primitives';
import { EmptyState } from '../../shared/components/EmptyState';
import { RulesStatus } from './RulesStatus';
import { RuleTable } from './RuleTable';
import type { AdminConfig } from './types';

interface AdminConfigViewProps {
  config: AdminConfig;
}

/** The loaded configuration: whether rules are on, then the rule table. */
export function AdminConfigView({ config }: AdminConfigViewProps) {
  const tableHeadingId = useId();
  return (
    <Stack space="space.300">
      <RulesStatus enabled={config.enabled} />
      <Stack space="space.150">
        <Heading size="medium" as="h2" id={tableHeadingId}>
          Rule table
        </Heading>
        {config.scripts.length === 0 ? (
          <EmptyState
            header="No built-in scripts"
            description="The script catalog is empty, so there is nothing to allow or restrict."
            headingLevel={3}
          />
        ) : (
          <RuleTable
            scripts={config.scripts}
            newScriptKeys={config.newScripts ?? []}
            rows={config.rows}
            labelledBy={tableHeadingId}
          />
        )}
      </Stack>
    </Stack>
  );
}
