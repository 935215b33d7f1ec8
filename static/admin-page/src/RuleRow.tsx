import { AccessCell } from './AccessCell';
import { SubjectName } from './SubjectName';
import { subjectCellStyle } from './tableStyles';
import type { BuiltInScript, Rule } from './types';

/** The Global row applies to every space admin no other row matches. */
export const GLOBAL_ROW_LABEL = 'All space admins';

interface RuleRowProps {
  rule: Rule;
  scripts: readonly BuiltInScript[];
  idLabel: string;
}

/** One subject's row: its name, then a cell per script. */
export function RuleRow({ rule, scripts, idLabel }: RuleRowProps) {
  const allowed = new Set(rule.allowed);
  return (
    <tr data-rule-type={rule.type} data-rule-id={rule.id}>
      <th scope="row" style={subjectCellStyle}>
        {rule.type === 'global' ? (
          GLOBAL_ROW_LABEL
        ) : (
          <SubjectName name={rule.name || rule.id} id={rule.id} idLabel={idLabel} />
        )}
      </th>
      {scripts.map((script) => (
        <AccessCell key={script.key} allowed={allowed.has(script.key)} />
      ))}
    </tr>
  );
}
