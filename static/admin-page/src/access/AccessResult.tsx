import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { CSSProperties } from 'react';
import { EmptyState } from '../../../shared/components/EmptyState';
import { describeAccess, spaceLabel, userLabel } from './accessReasons';
import type { AccessExplanation } from './accessTypes';

const cellStyle: CSSProperties = {
  padding: token('space.100'),
  borderBottom: `${token('border.width')} solid ${token('color.border')}`,
  textAlign: 'start',
  verticalAlign: 'top',
};
const headerStyle: CSSProperties = { ...cellStyle, fontWeight: token('font.weight.semibold') };

interface AccessResultProps {
  explanation: AccessExplanation;
}

/** For one person in one space: each script, allowed or restricted, and the row that decided. */
export function AccessResult({ explanation }: AccessResultProps) {
  const who = userLabel(explanation.user);
  const where = spaceLabel(explanation.space);
  const allowedCount = explanation.scripts.filter((script) => script.allowed).length;
  return (
    <Stack space="space.150">
      <Heading size="small" as="h3">
        {who} in {where}
      </Heading>
      <Text as="p">
        {explanation.spaceAdmin
          ? `${who} is a space admin of ${where} and may run ${allowedCount} of ${explanation.scripts.length} built-in scripts there.`
          : `${who} is not a space admin of ${where}, so no built-in scripts are available to them there.`}
      </Text>
      {explanation.scripts.length === 0 ? (
        <EmptyState header="No built-in scripts" description="The script catalog is empty." headingLevel={4} />
      ) : (
        <table style={{ borderCollapse: 'collapse', width: '100%' }} aria-label={`Access of ${who} in ${where}`}>
          <thead>
            <tr>
              <th scope="col" style={headerStyle}>
                Script
              </th>
              <th scope="col" style={headerStyle}>
                Access
              </th>
              <th scope="col" style={headerStyle}>
                Decided by
              </th>
            </tr>
          </thead>
          <tbody>
            {explanation.scripts.map((script) => (
              <tr key={script.key} data-script-key={script.key} data-allowed={script.allowed}>
                <th scope="row" style={{ ...cellStyle, fontWeight: token('font.weight.regular') }}>
                  {script.name}
                </th>
                <td style={cellStyle}>
                  <Lozenge appearance={script.allowed ? 'success' : 'removed'}>
                    {script.allowed ? 'Allowed' : 'Restricted'}
                  </Lozenge>
                </td>
                <td style={cellStyle}>{describeAccess(script, explanation)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Stack>
  );
}
