import Heading from '@atlaskit/heading';
import { RuleRow } from './RuleRow';
import type { RuleSection } from './ruleSections';
import { emptySectionCellStyle, sectionHeaderStyle, stickyRowLabelStyle } from './tableStyles';
import type { BuiltInScript } from './types';

interface RuleSectionRowsProps {
  section: RuleSection;
  scripts: readonly BuiltInScript[];
}

/** A `<tbody>` for one kind of rule (Global, Spaces, Groups or Users), headed by its title. */
export function RuleSectionRows({ section, scripts }: RuleSectionRowsProps) {
  const columnCount = scripts.length + 1;
  return (
    <tbody data-section={section.type}>
      <tr>
        <th scope="rowgroup" colSpan={columnCount} style={sectionHeaderStyle}>
          <div style={stickyRowLabelStyle}>
            <Heading size="xsmall" as="h3">
              {section.title}
            </Heading>
          </div>
        </th>
      </tr>
      {section.rows.length === 0 ? (
        <tr>
          <td colSpan={columnCount} style={emptySectionCellStyle}>
            <span style={stickyRowLabelStyle}>{section.emptyText}</span>
          </td>
        </tr>
      ) : (
        section.rows.map((rule) => (
          <RuleRow key={`${rule.type}:${rule.id}`} rule={rule} scripts={scripts} idLabel={section.idLabel} />
        ))
      )}
    </tbody>
  );
}
