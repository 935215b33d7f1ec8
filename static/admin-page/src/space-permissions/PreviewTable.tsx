import Lozenge from '@atlaskit/lozenge';
import { Box, Stack, Text, xcss } from '@atlaskit/primitives';
import { opLabel, type Action, type Preview, type PreviewRow, type RolePreviewRow } from './api';

const tableStyles = xcss({ overflowX: 'auto', maxHeight: '24rem', overflowY: 'auto' });

/** "Admin → Viewer", "New: Viewer", "Remove Admin", "Already Viewer". */
export function roleChangeText(row: RolePreviewRow): string {
  switch (row.transition) {
    case 'new':
      return `New: ${row.to?.name ?? ''}`;
    case 'changed':
      return `${row.from?.name ?? ''} → ${row.to?.name ?? ''}`;
    case 'removed':
      return `Remove ${row.from?.name ?? ''}`;
    case 'already':
      return row.to ? `Already ${row.to.name}` : 'Already has no role';
  }
}

const rowKey = (row: PreviewRow) =>
  `${row.spaceKey} ${row.subject.type} ${row.subject.id} ${row.kind === 'role' ? 'role' : `${row.operation.key}/${row.operation.target}`}`;

function ResultCell({ row, action }: { row: PreviewRow; action?: Action }) {
  const changeText = row.kind === 'role' ? 'Will change' : action === 'revoke' ? 'Will revoke' : 'Will grant';
  return (
    <Stack space="space.050">
      {row.status === 'change' ? (
        <Lozenge appearance="inprogress">{changeText}</Lozenge>
      ) : (
        <Lozenge>Already so</Lozenge>
      )}
      {row.note ? (
        <Text size="small" color="color.text.subtle">
          {row.note}
        </Text>
      ) : null}
    </Stack>
  );
}

/** What a submit would change, row by row, before anything is queued. */
export function PreviewTable({ preview, action }: { preview: Preview; action?: Action }) {
  const roles = preview.kind === 'role';
  return (
    <Box xcss={tableStyles} tabIndex={0} role="region" aria-label="Preview of the changes">
      <table>
        <thead>
          <tr>
            <th scope="col">Space</th>
            <th scope="col">Who</th>
            <th scope="col">{roles ? 'Role' : 'Permission'}</th>
            <th scope="col">Result</th>
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((row) => (
            <tr key={rowKey(row)} data-transition={row.kind === 'role' ? row.transition : undefined}>
              <td>{`${row.spaceName} (${row.spaceKey})`}</td>
              <td>{row.subject.name ?? row.subject.id}</td>
              <td>{row.kind === 'role' ? roleChangeText(row) : opLabel(row.operation)}</td>
              <td>
                <ResultCell row={row} action={action} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Box>
  );
}
