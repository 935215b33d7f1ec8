import { useId } from 'react';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { permissionLabel, type SiteRole } from './api';

/** The "remove" choice: a principal's role taken away (roleId null). */
export const REMOVE_ROLE = '';

const listStyles = xcss({ maxWidth: '48rem' });

interface RoleChoiceProps {
  roles: readonly SiteRole[];
  /** A role id, REMOVE_ROLE, or undefined while nothing is chosen. */
  value: string | undefined;
  onChange(value: string): void;
}

/** One role per subject and space: choose it by its site name, seeing what it grants; or remove the role. */
export function RoleChoice({ roles, value, onChange }: RoleChoiceProps) {
  const name = useId();
  const option = (id: string, label: string, detail: string) => (
    <label key={id || 'remove'}>
      <Inline as="span" space="space.100" alignBlock="start">
        <input type="radio" name={name} value={id} checked={value === id} onChange={() => onChange(id)} />
        <Stack as="span" space="space.025">
          <Text weight="semibold">{label}</Text>
          <Text size="small" color="color.text.subtle">
            {detail}
          </Text>
        </Stack>
      </Inline>
    </label>
  );
  return (
    <Box as="fieldset" xcss={listStyles}>
      <Text as="strong" size="small">
        Role
      </Text>
      <Stack space="space.100">
        {roles.map((role) =>
          option(
            role.id,
            role.name,
            role.spacePermissions.length ? role.spacePermissions.map(permissionLabel).join(', ') : 'No permissions',
          ),
        )}
        {option(
          REMOVE_ROLE,
          'Remove their role',
          'Takes away the role each chosen person or group holds in each space.',
        )}
      </Stack>
    </Box>
  );
}
