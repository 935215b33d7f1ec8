import { useRef } from 'react';
import Button from '@atlaskit/button/new';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle } from '@atlaskit/modal-dialog';
import { Text } from '@atlaskit/primitives';
import type { ScriptPreview } from '../../../../src/contract/scripts';
import { confirmationText } from './previewText';

interface ConfirmRunDialogProps {
  scriptName: string;
  preview: ScriptPreview;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asked before a run that cannot be undone; Cancel has the focus, so Enter alone changes nothing. */
export function ConfirmRunDialog({ scriptName, preview, onConfirm, onCancel }: ConfirmRunDialogProps) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <Modal onClose={onCancel} width="small" autoFocus={cancelRef}>
      <ModalHeader hasCloseButton>
        <ModalTitle appearance="danger">Delete permanently?</ModalTitle>
      </ModalHeader>
      <ModalBody>
        <Text as="p">{confirmationText(scriptName, preview)}</Text>
      </ModalBody>
      <ModalFooter>
        <Button appearance="subtle" onClick={onCancel} ref={cancelRef}>
          Cancel
        </Button>
        <Button appearance="danger" onClick={onConfirm}>
          Run and delete permanently
        </Button>
      </ModalFooter>
    </Modal>
  );
}
