import { memo } from 'react';
import Checkbox from '@atlaskit/checkbox';
import Lozenge from '@atlaskit/lozenge';
import { Box, xcss } from '@atlaskit/primitives';
import { subjectLabel } from '../subjects';
import type { BuiltInScript, Rule } from '../types';
import type { RuleStatus } from './ruleDraft';
import { RemoveRuleButton } from './RemoveRuleButton';
import { ruleRef, type RuleRef } from './ruleOrder';
import { SubjectName } from './SubjectName';
import { accessCellStyle, editedAccessCellStyle, subjectCellStyle } from './tableStyles';

/** The Global row applies to every space admin no other row matches. */
export const GLOBAL_ROW_LABEL = 'All space admins';

const subjectLayoutStyles = xcss({
  display: 'flex',
  alignItems: 'center',
  gap: 'space.100',
  minWidth: '0',
});

const nameStyles = xcss({ flexGrow: 1, minWidth: '0' });
const checkboxBoxStyles = xcss({ display: 'flex', justifyContent: 'center' });

/** How a row's checkboxes are named to assistive technology: "Copy Space for power-users". */
export function rowLabel(rule: Rule): string {
  return rule.type === 'global' ? 'Global' : subjectLabel(rule);
}

interface RuleRowProps {
  rule: Rule;
  /** Position in the table's lines, for keyboard moves between checkboxes. */
  line: number;
  /** 1-based row number for assistive technology (the header is row 1). */
  ariaRowIndex: number;
  scripts: readonly BuiltInScript[];
  status: RuleStatus;
  /** Checkboxes changed and not saved (script key -> checked). */
  editedCells: ReadonlyMap<string, boolean> | undefined;
  idLabel: string;
  onToggle(ref: RuleRef, scriptKey: string, checked: boolean): void;
  onRemove(ref: RuleRef, label: string): void;
}

/** One subject's row: its name (id on hover), a remove button (not on Global), a checkbox per script. */
export const RuleRow = memo(function RuleRow({
  rule,
  line,
  ariaRowIndex,
  scripts,
  status,
  editedCells,
  idLabel,
  onToggle,
  onRemove,
}: RuleRowProps) {
  const ref = ruleRef(rule);
  const label = rowLabel(rule);
  const allowed = new Set(rule.allowed);
  return (
    <tr data-rule-type={rule.type} data-rule-id={rule.id} data-rule-status={status} aria-rowindex={ariaRowIndex}>
      <th scope="row" style={subjectCellStyle}>
        <Box xcss={subjectLayoutStyles}>
          <Box xcss={nameStyles}>
            {rule.type === 'global' ? GLOBAL_ROW_LABEL : <SubjectName name={label} id={rule.id} idLabel={idLabel} />}
          </Box>
          {status !== 'saved' ? <Lozenge appearance="moved">Unsaved</Lozenge> : null}
          {rule.type === 'global' ? null : <RemoveRuleButton label={label} onRemove={() => onRemove(ref, label)} />}
        </Box>
      </th>
      {scripts.map((script, column) => {
        const checked = allowed.has(script.key);
        return (
          <td key={script.key} style={editedCells?.has(script.key) ? editedAccessCellStyle : accessCellStyle}>
            <Box xcss={checkboxBoxStyles}>
              <Checkbox
                isChecked={checked}
                aria-label={`${script.name} for ${label}`}
                data-line={line}
                data-col={column}
                onChange={(event) => onToggle(ref, script.key, event.target.checked)}
              />
            </Box>
          </td>
        );
      })}
    </tr>
  );
});
