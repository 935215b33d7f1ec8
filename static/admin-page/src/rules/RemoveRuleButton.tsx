import CrossIcon from '@atlaskit/icon/core/cross';
import { Pressable, xcss } from '@atlaskit/primitives';
import Tooltip from '@atlaskit/tooltip';

const buttonStyles = xcss({
  display: 'inline-flex',
  alignItems: 'center',
  justifyContent: 'center',
  padding: 'space.050',
  borderRadius: 'radius.small',
  backgroundColor: 'color.background.neutral.subtle',
  color: 'color.text.subtle',
  ':hover': { backgroundColor: 'color.background.neutral.subtle.hovered', color: 'color.text' },
  ':active': { backgroundColor: 'color.background.neutral.subtle.pressed' },
  ':focus-visible': {
    outlineColor: 'color.border.focused',
    outlineStyle: 'solid',
    outlineWidth: 'border.width.focused',
  },
});

interface RemoveRuleButtonProps {
  /** The row's name as shown, e.g. "power-users". */
  label: string;
  onRemove(): void;
}

/**
 * The (x) that removes a row. Its name, "Remove power-users", is an
 * aria-label and a tooltip rather than hidden text in the row, so the row's
 * only text is the subject's name.
 */
export function RemoveRuleButton({ label, onRemove }: RemoveRuleButtonProps) {
  const name = `Remove ${label}`;
  return (
    <Tooltip content={name} position="top">
      {(triggerProps) => (
        <Pressable {...triggerProps} xcss={buttonStyles} aria-label={name} onClick={onRemove}>
          <CrossIcon label="" color="currentColor" size="small" />
        </Pressable>
      )}
    </Tooltip>
  );
}
