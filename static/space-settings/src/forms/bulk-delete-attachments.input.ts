/** Bulk Delete Attachments: the form's draft and its input (pure). */
import type { InputResult } from './formTypes';
import {
  collectInput,
  ok,
  parseOptionalDays,
  parseOptionalKilobytes,
  parseTarget,
  SPACE_TARGET,
  type Parsed,
  type TargetDraft,
} from './parseFields';

export interface BulkDeleteAttachmentsDraft {
  target: TargetDraft;
  /** A glob over the file name (`*.png`); empty matches every name. */
  fileNamePattern: string;
  mediaTypes: string[];
  olderThanDays: string;
  /** Larger than, in KB. */
  minSizeKb: string;
  purge: boolean;
}

export const initialBulkDeleteAttachmentsDraft: BulkDeleteAttachmentsDraft = {
  target: SPACE_TARGET,
  fileNamePattern: '',
  mediaTypes: [],
  olderThanDays: '',
  minSizeKb: '',
  purge: false,
};

/** `type/subtype` as media types are written (RFC 6838 names, lower-cased). */
const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9*][a-z0-9!#$&^_.+*-]*$/;

export function parseMediaTypes(values: readonly string[]): Parsed<string[] | undefined> {
  const types = [...new Set(values.map((value) => value.trim().toLowerCase()).filter(Boolean))];
  const wrong = types.find((type) => !MEDIA_TYPE.test(type));
  if (wrong) return { ok: false, message: `“${wrong}” is not a media type; write it as type/subtype, like image/png.` };
  return ok(types.length > 0 ? types : undefined);
}

export function bulkDeleteAttachmentsInput(draft: BulkDeleteAttachmentsDraft): InputResult {
  const pattern = draft.fileNamePattern.trim();
  const minSize = parseOptionalKilobytes(draft.minSizeKb);
  return collectInput({
    target: parseTarget(draft.target),
    fileNamePattern: ok(pattern || undefined),
    mediaTypes: parseMediaTypes(draft.mediaTypes),
    olderThanDays: parseOptionalDays(draft.olderThanDays),
    // The input's field is minSizeBytes; the form's is minSizeKb, so its error shows under it.
    minSizeBytes: minSize.ok ? minSize : ok(undefined),
    minSizeKb: minSize.ok ? ok(undefined) : minSize,
    purge: ok(draft.purge ? true : undefined),
  });
}
