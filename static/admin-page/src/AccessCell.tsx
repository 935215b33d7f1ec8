import { accessCellStyle, allowedMarkStyle, restrictedMarkStyle } from './tableStyles';

interface AccessCellProps {
  allowed: boolean;
}

/** One rule's access to one script: a check (allowed) or a cross (restricted). */
export function AccessCell({ allowed }: AccessCellProps) {
  return (
    <td style={accessCellStyle}>
      <span role="img" aria-label={allowed ? 'Allowed' : 'Restricted'} style={allowed ? allowedMarkStyle : restrictedMarkStyle}>
        {allowed ? '✓' : '✕'}
      </span>
    </td>
  );
}
