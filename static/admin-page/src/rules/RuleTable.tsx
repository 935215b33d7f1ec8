import { Box, xcss } from '@atlaskit/primitives';
import { groupRulesIntoSections } from './ruleSections';
import { RuleSectionRows } from './RuleSectionRows';
import { ScriptHeader } from './ScriptHeader';
import { cornerHeaderStyle, tableStyle } from './tableStyles';
import type { BuiltInScript, Rule } from './types';

const scrollRegionStyles = xcss({
  overflowX: 'auto',
  borderRadius: 'radius.small',
  ':focus-visible': {
    outlineColor: 'color.border.focused',
    outlineStyle: 'solid',
    outlineWidth: 'border.width.focused',
  },
});

interface RuleTableProps {
  scripts: readonly BuiltInScript[];
  /** Scripts added to the catalog since the table was saved; their columns are marked. */
  newScriptKeys: readonly string[];
  rows: readonly Rule[];
  /** The id of the heading that names the table. */
  labelledBy: string;
}

/**
 * The rule table: one column per built-in script, one row per rule, grouped
 * Global, Spaces, Groups, Users. It scrolls sideways in a focusable region so
 * keyboard users can reach every column when there are many scripts.
 */
export function RuleTable({ scripts, newScriptKeys, rows, labelledBy }: RuleTableProps) {
  const sections = groupRulesIntoSections(rows);
  const newKeys = new Set(newScriptKeys);
  return (
    <Box xcss={scrollRegionStyles} tabIndex={0} role="region" aria-labelledby={labelledBy}>
      <table style={tableStyle} aria-labelledby={labelledBy}>
        <thead>
          <tr>
            <th scope="col" style={cornerHeaderStyle}>
              Rule
            </th>
            {scripts.map((script) => (
              <ScriptHeader key={script.key} script={script} isNew={newKeys.has(script.key)} />
            ))}
          </tr>
        </thead>
        {sections.map((section) => (
          <RuleSectionRows key={section.type} section={section} scripts={scripts} />
        ))}
      </table>
    </Box>
  );
}
