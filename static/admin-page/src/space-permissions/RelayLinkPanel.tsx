import { useId, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Checkbox } from '@atlaskit/checkbox';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import { ErrorState } from '../../../shared/components/ErrorState';
import { LoadingState } from '../../../shared/components/LoadingState';
import type { ResolverError, ResolverResult } from '../../../shared/resolverResult';
import { formatWhen, rotateSecret, type RelaySetup, type Rotated } from './api';
import { relayCommands } from './relayCommands';

const codeStyles = xcss({
  fontFamily: 'font.family.code',
  wordBreak: 'break-all',
  backgroundColor: 'color.background.neutral',
  padding: 'space.050',
  borderRadius: 'radius.small',
});

const commandStyles = xcss({
  fontFamily: 'font.family.code',
  whiteSpace: 'pre-wrap',
  wordBreak: 'break-all',
  backgroundColor: 'color.background.neutral',
  padding: 'space.100',
  borderRadius: 'radius.small',
  margin: 'space.0',
});

/** The guide's commands with this app's URL (and the secret while it is shown), each with a Copy button. */
function RelayCommands({ webTriggerUrl, secret }: { webTriggerUrl: string; secret?: string }) {
  return (
    <Stack space="space.100" testId="relay-commands">
      <Heading size="xsmall" as="h4">
        Set up the relay
      </Heading>
      <Text as="p">
        On the host that will hold the API token, with Node.js 22 or 24 and the relay file relay.mjs (built by whoever
        deployed the app; the full guide, with the npm package and the container image, is docs/external-setup.md):
      </Text>
      {relayCommands(webTriggerUrl, secret).map((block) => (
        <Stack space="space.050" key={block.title}>
          <Inline space="space.100" alignBlock="center" spread="space-between">
            <Text weight="semibold" size="small">
              {block.title}
            </Text>
            <Button spacing="compact" onClick={() => void navigator.clipboard?.writeText(block.text)}>
              Copy
            </Button>
          </Inline>
          <Box as="pre" xcss={commandStyles}>
            {block.text}
          </Box>
        </Stack>
      ))}
    </Stack>
  );
}

interface RelayLinkPanelProps {
  result: ResolverResult<RelaySetup> | undefined;
  onChanged(): void;
}

/** The web trigger URL, the link secret (shown once, when generated) and the relay's status. */
export function RelayLinkPanel({ result, onChanged }: RelayLinkPanelProps) {
  const [rotated, setRotated] = useState<Rotated | undefined>();
  const [replaceUrl, setReplaceUrl] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ResolverError | undefined>();
  const secretId = useId();

  const rotate = async () => {
    setBusy(true);
    const answer = await rotateSecret(replaceUrl);
    setBusy(false);
    if (!answer.ok) return setError(answer.error);
    setError(undefined);
    setRotated(answer.data);
    onChanged();
  };

  if (!result) return <LoadingState label="Loading the relay link" />;
  if (!result.ok)
    return (
      <ErrorState
        title="The relay link could not be loaded"
        message={result.error.message}
        headingLevel={3}
        onRetry={result.error.code === 'FORBIDDEN' ? undefined : onChanged}
      />
    );
  const setup = result.data;
  return (
    <Stack space="space.150">
      <Heading size="small" as="h3">
        Relay link
      </Heading>
      {setup.warning ? (
        <SectionMessage appearance="warning" title="The relay needs attention">
          <Text as="p">{setup.warning}</Text>
        </SectionMessage>
      ) : null}
      <Stack space="space.050">
        <Text weight="semibold" size="small">
          Web trigger URL (RELAY_TRIGGER_URL)
        </Text>
        <Box xcss={codeStyles} testId="relay-trigger-url">
          {setup.webTriggerUrl}
        </Box>
      </Stack>
      <Text as="p">
        {setup.link.linked
          ? `Link secret ${setup.link.fingerprint} generated ${formatWhen(setup.link.createdAt)}. It is shown only when generated.`
          : 'No link secret yet: generate one and give it to the relay (RELAY_LINK_SECRET).'}
      </Text>
      <Text as="p">
        {setup.relay
          ? `Relay ${setup.relay.instance} (version ${setup.relay.version}) last seen ${formatWhen(setup.relay.lastSeenAt)}.`
          : 'The relay has not connected yet.'}
        {setup.relay?.lastError ? ` Last error: ${setup.relay.lastError}` : ''}
      </Text>
      {rotated ? (
        <SectionMessage appearance="information" title="Copy the link secret now">
          <Stack space="space.100">
            <Text as="p">This is the only time it is shown. The relay's previous secret no longer works.</Text>
            <Box xcss={codeStyles} id={secretId} testId="relay-link-secret">
              {rotated.secret}
            </Box>
            <Inline space="space.100">
              <Button onClick={() => void navigator.clipboard?.writeText(rotated.secret)} aria-describedby={secretId}>
                Copy secret
              </Button>
              <Button onClick={() => setRotated(undefined)}>I have copied it</Button>
            </Inline>
          </Stack>
        </SectionMessage>
      ) : null}
      {error ? (
        <ErrorState title="A new secret could not be generated" message={error.message} headingLevel={4} />
      ) : null}
      <Inline space="space.200" alignBlock="center">
        <Button appearance={setup.link.linked ? 'default' : 'primary'} isDisabled={busy} onClick={rotate}>
          {setup.link.linked ? 'Rotate link secret' : 'Generate link secret'}
        </Button>
        <Checkbox
          label="Also replace the web trigger URL"
          isChecked={replaceUrl}
          onChange={() => setReplaceUrl(!replaceUrl)}
        />
      </Inline>
      <RelayCommands webTriggerUrl={rotated?.webTriggerUrl ?? setup.webTriggerUrl} secret={rotated?.secret} />
    </Stack>
  );
}
