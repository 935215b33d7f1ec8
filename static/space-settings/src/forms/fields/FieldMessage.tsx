import { Box, Text } from '@atlaskit/primitives';

interface FieldMessageProps {
  id: string;
  /** What to fix; nothing renders without it. */
  error?: string;
  /** A hint shown while there is no error. */
  help?: string;
}

/** The line under a field: the error to fix (announced), or the hint. Its id is the field's description. */
export function FieldMessage({ id, error, help }: FieldMessageProps) {
  if (error) {
    return (
      <Box id={id} role="alert">
        <Text color="color.text.danger" size="small">
          {error}
        </Text>
      </Box>
    );
  }
  if (!help) return null;
  return (
    <Box id={id}>
      <Text color="color.text.subtle" size="small">
        {help}
      </Text>
    </Box>
  );
}
