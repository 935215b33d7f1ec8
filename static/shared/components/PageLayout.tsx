import type { ReactNode } from 'react';
import Heading from '@atlaskit/heading';
import { Box, Stack } from '@atlaskit/primitives';

interface PageLayoutProps {
  /** The page's only level-1 heading. */
  title: string;
  children: ReactNode;
}

/** The frame both Custom UI pages share: a main landmark, the page heading, spaced content. */
export function PageLayout({ title, children }: PageLayoutProps) {
  return (
    <Box as="main" padding="space.300">
      <Stack space="space.300">
        <Heading size="large" as="h1">
          {title}
        </Heading>
        {children}
      </Stack>
    </Box>
  );
}
