import SectionMessage from '@atlaskit/section-message';
import { Stack, Text } from '@atlaskit/primitives';
import { EmptyState } from '../../shared/components/EmptyState';
import { NOT_SPACE_ADMIN_MESSAGE } from './reasons';
import { ScriptGroup } from './ScriptGroup';
import type { MyScript, MyScriptsData } from './types';

interface MyScriptsProps {
  data: MyScriptsData;
  onOpen?: (script: MyScript) => void;
}

/** What the viewer may run in this space, available scripts first. */
export function MyScripts({ data, onOpen }: MyScriptsProps) {
  const { space, scripts } = data;
  const spaceLabel = space.name ? `${space.name} (${space.key})` : space.key;

  if (!data.spaceAdmin) {
    return (
      <SectionMessage appearance="information" title={`Built-in scripts in ${spaceLabel}`} headingLevel="h2">
        <Text as="p">{NOT_SPACE_ADMIN_MESSAGE}</Text>
      </SectionMessage>
    );
  }

  if (scripts.length === 0) {
    return <EmptyState header="No built-in scripts" description="This app has no built-in scripts to show yet." />;
  }

  const available = scripts.filter((script) => script.allowed);
  const restricted = scripts.filter((script) => !script.allowed);

  return (
    <Stack space="space.300">
      <Text as="p">
        You can run {available.length} of {scripts.length} built-in scripts in {spaceLabel}.
      </Text>
      {available.length > 0 ? <ScriptGroup title="Available" scripts={available} onOpen={onOpen} /> : null}
      {restricted.length > 0 ? <ScriptGroup title="Restricted" scripts={restricted} /> : null}
    </Stack>
  );
}
