import type { ReactNode } from 'react';
import { Box, Text } from '@atlaskit/primitives';

interface FieldLabelProps {
  /** The id of the control this labels. */
  htmlFor: string;
  children: ReactNode;
}

/** A visible label for a form control (ADS has no standalone label outside @atlaskit/form). */
export function FieldLabel({ htmlFor, children }: FieldLabelProps) {
  return (
    <Box as="label" htmlFor={htmlFor}>
      <Text weight="semibold" size="small" color="color.text.subtle">
        {children}
      </Text>
    </Box>
  );
}
