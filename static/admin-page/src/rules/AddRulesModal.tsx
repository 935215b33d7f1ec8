import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle } from '@atlaskit/modal-dialog';
import { Box, Stack, Text } from '@atlaskit/primitives';
import type { SubjectType } from '../types';
import type { RuleRef } from './ruleOrder';
import type { SubjectOption } from './subjectSearch';
import { SubjectPicker } from './SubjectPicker';

const PICKERS: readonly SubjectType[] = ['space', 'group', 'user'];

interface AddRulesModalProps {
  isInTable(ref: RuleRef): boolean;
  onAdd(options: readonly SubjectOption[]): void;
  onClose(): void;
}

/** Choose spaces, groups and people to add rows for; each new row starts with every script unchecked. */
export function AddRulesModal({ isInTable, onAdd, onClose }: AddRulesModalProps) {
  const [chosen, setChosen] = useState<Record<SubjectType, readonly SubjectOption[]>>({
    space: [],
    group: [],
    user: [],
  });
  const [needsChoice, setNeedsChoice] = useState(false);
  const all = PICKERS.flatMap((type) => chosen[type]);

  const add = () => {
    if (all.length === 0) {
      setNeedsChoice(true);
      return;
    }
    onAdd(all);
  };

  return (
    <Modal onClose={onClose} width="medium" shouldScrollInViewport>
      <ModalHeader hasCloseButton>
        <ModalTitle>Add rows</ModalTitle>
      </ModalHeader>
      <ModalBody>
        <Stack space="space.200">
          <Text as="p">
            New rows start with every script unchecked (restricted). Check the scripts each one may run, then save.
          </Text>
          {PICKERS.map((type) => (
            <SubjectPicker
              key={type}
              type={type}
              value={chosen[type]}
              isInTable={isInTable}
              onChange={(value) => {
                setChosen((current) => ({ ...current, [type]: value }));
                setNeedsChoice(false);
              }}
            />
          ))}
          {needsChoice ? (
            <Box role="alert">
              <Text color="color.text.danger">Choose at least one space, group or person to add.</Text>
            </Box>
          ) : null}
        </Stack>
      </ModalBody>
      <ModalFooter>
        <Button appearance="subtle" onClick={onClose}>
          Cancel
        </Button>
        <Button appearance="primary" onClick={add}>
          {all.length > 0 ? `Add ${all.length} ${all.length === 1 ? 'row' : 'rows'}` : 'Add rows'}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
