import AkEmptyState from '@atlaskit/empty-state';

interface EmptyStateProps {
  header: string;
  description: string;
  /** The level of the header, to keep heading levels in order on the page. */
  headingLevel?: 2 | 3 | 4;
}

/** Shown when a request succeeds but there is nothing to list. */
export function EmptyState({ header, description, headingLevel = 2 }: EmptyStateProps) {
  return <AkEmptyState header={header} description={description} headingLevel={headingLevel} headingSize="xsmall" />;
}
