import { useId } from 'react';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import type { ChangeKind, RoleMode } from './api';

const KIND_TEXT: Record<ChangeKind, string> = { role: 'Roles', permission: 'Individual permissions' };

interface ChangeKindChoiceProps {
  mode: RoleMode;
  accepts: readonly ChangeKind[];
  prefers: ChangeKind;
  value: ChangeKind;
  onChange(kind: ChangeKind): void;
}

/** What the site's role mode allows: roles only, permissions only, or both with the site's preference said. */
export function ChangeKindChoice({ mode, accepts, prefers, value, onChange }: ChangeKindChoiceProps) {
  const name = useId();
  if (mode === 'PRE_ROLES') return null;
  if (mode === 'ROLES') {
    return (
      <SectionMessage appearance="information" title="This site uses space roles" headingLevel="h4">
        <Text as="p">
          Confluence changes space access on this site only by role: each person or group holds one role per space.
          Choose the role to give them, or remove theirs.
        </Text>
      </SectionMessage>
    );
  }
  return (
    <Stack space="space.100">
      <SectionMessage appearance="information" title="This site is moving to space roles" headingLevel="h4">
        <Text as="p">
          Both roles and individual permissions work here during the transition; the site prefers{' '}
          {KIND_TEXT[prefers].toLowerCase()}.
        </Text>
      </SectionMessage>
      <Box as="fieldset">
        <Inline space="space.200" alignBlock="center">
          <Text as="strong" size="small">
            Change by
          </Text>
          {accepts.map((kind) => (
            <label key={kind}>
              <Inline as="span" space="space.050" alignBlock="center">
                <input type="radio" name={name} value={kind} checked={value === kind} onChange={() => onChange(kind)} />
                <Text>
                  {KIND_TEXT[kind]}
                  {kind === prefers ? ' (preferred)' : ''}
                </Text>
              </Inline>
            </label>
          ))}
        </Inline>
      </Box>
    </Stack>
  );
}
