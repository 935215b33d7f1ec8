import {
  bulkDeleteAttachmentsInput,
  initialBulkDeleteAttachmentsDraft,
} from '../../../static/space-settings/src/forms/bulk-delete-attachments.input';
import {
  bulkDeleteCommentsInput,
  initialBulkDeleteCommentsDraft,
} from '../../../static/space-settings/src/forms/bulk-delete-comments.input';
import { bulkLabelsInput, initialBulkLabelsDraft } from '../../../static/space-settings/src/forms/bulk-labels.input';
import {
  bulkPurgeTrashInput,
  initialBulkPurgeTrashDraft,
} from '../../../static/space-settings/src/forms/bulk-purge-trash.input';
import {
  formFieldOf,
  parseLabelList,
  parseOptionalDays,
  parseOptionalKilobytes,
} from '../../../static/space-settings/src/forms/parseFields';
import { pageLabel, pageMenuText } from '../../../static/space-settings/src/forms/pageOptionText';
import { SCRIPT_INPUTS } from '../../../src/contract/scripts';

/** What a form sends must be what the server's own schema accepts. */
function acceptedBy(key: keyof typeof SCRIPT_INPUTS, input: unknown): boolean {
  return SCRIPT_INPUTS[key].safeParse(input).success;
}

describe('parsing typed values', () => {
  test('labels split on spaces and commas, lower-cased, without repeats', () => {
    expect(parseLabelList(' Reviewed, q3  ,reviewed\tDraft ')).toEqual(['reviewed', 'q3', 'draft']);
    expect(parseLabelList('  ,, ')).toEqual([]);
  });

  test('days: empty is no filter, whole numbers pass, anything else says what to type', () => {
    expect(parseOptionalDays('')).toEqual({ ok: true, value: undefined });
    expect(parseOptionalDays(' 30 ')).toEqual({ ok: true, value: 30 });
    expect(parseOptionalDays('1.5')).toMatchObject({ ok: false, message: expect.stringContaining('whole number') });
    expect(parseOptionalDays('-3')).toMatchObject({ ok: false });
    expect(parseOptionalDays('36501')).toMatchObject({ ok: false, message: expect.stringContaining('36500') });
  });

  test('sizes are KB of 1024 bytes', () => {
    expect(parseOptionalKilobytes('')).toEqual({ ok: true, value: undefined });
    expect(parseOptionalKilobytes('2')).toEqual({ ok: true, value: 2048 });
    expect(parseOptionalKilobytes('0.5')).toEqual({ ok: true, value: 512 });
    expect(parseOptionalKilobytes('big')).toMatchObject({ ok: false });
  });

  test('a server field names the form field it is about', () => {
    expect(formFieldOf('input.add[0]')).toBe('add');
    expect(formFieldOf('input.target.pageId')).toBe('target');
    expect(formFieldOf('input')).toBeUndefined();
    expect(formFieldOf('scriptKey')).toBeUndefined();
    expect(formFieldOf(undefined)).toBeUndefined();
  });
});

describe('Bulk Add or Remove Labels', () => {
  test('asks for at least one label, and refuses a label both added and removed', () => {
    expect(bulkLabelsInput(initialBulkLabelsDraft)).toEqual({ ok: false, errors: { add: expect.any(String) } });
    expect(bulkLabelsInput({ ...initialBulkLabelsDraft, add: 'a b', remove: 'B' })).toEqual({
      ok: false,
      errors: { remove: 'Add or remove a label, not both: b.' },
    });
  });

  test('a tree needs its page; the input passes the server schema', () => {
    const tree = { ...initialBulkLabelsDraft, target: { scope: 'tree' as const }, add: 'x' };
    expect(bulkLabelsInput(tree)).toEqual({
      ok: false,
      errors: { target: expect.stringContaining('Choose the page') },
    });
    const picked = bulkLabelsInput({ ...tree, target: { scope: 'tree', page: { id: '123', title: 'Home' } } });
    expect(picked).toEqual({
      ok: true,
      input: { target: { type: 'tree', pageId: '123' }, add: ['x'], remove: [] },
    });
    expect(picked.ok && acceptedBy('bulk-labels', picked.input)).toBe(true);
  });
});

describe('Bulk Delete Comments', () => {
  test('sends the kinds and the age; no kind chosen is refused', () => {
    const result = bulkDeleteCommentsInput({
      ...initialBulkDeleteCommentsDraft,
      olderThanDays: '365',
      kinds: ['footer'],
    });
    expect(result).toEqual({ ok: true, input: { target: { type: 'space' }, olderThanDays: 365, kinds: ['footer'] } });
    expect(result.ok && acceptedBy('bulk-delete-comments', result.input)).toBe(true);
    expect(bulkDeleteCommentsInput({ ...initialBulkDeleteCommentsDraft, kinds: [] })).toMatchObject({
      ok: false,
      errors: { kinds: expect.any(String) },
    });
  });

  test('sends the picked authors by account id, once each; none means anyone', () => {
    const bob = { accountId: 'u-bob', displayName: 'Bob Smith' };
    const result = bulkDeleteCommentsInput({
      ...initialBulkDeleteCommentsDraft,
      authorAccountIds: [bob, { accountId: 'u-sam', displayName: 'Sam Taylor' }, bob],
    });
    expect(result.ok && result.input.authorAccountIds).toEqual(['u-bob', 'u-sam']);
    expect(result.ok && acceptedBy('bulk-delete-comments', result.input)).toBe(true);
    const anyone = bulkDeleteCommentsInput(initialBulkDeleteCommentsDraft);
    expect(anyone.ok && 'authorAccountIds' in anyone.input).toBe(false);
    const many = Array.from({ length: 51 }, (_, i) => ({ accountId: `u-${i}`, displayName: `P ${i}` }));
    expect(bulkDeleteCommentsInput({ ...initialBulkDeleteCommentsDraft, authorAccountIds: many })).toMatchObject({
      ok: false,
      errors: { authorAccountIds: 'Choose at most 50 people.' },
    });
  });
});

describe('page options', () => {
  const page = { id: '1', title: 'Architecture' };
  const space = { key: 'ENG', name: 'Engineering' };
  test('name their space when they have one, then the pages above them', () => {
    expect(pageLabel(page)).toBe('Architecture');
    expect(pageLabel({ ...page, space })).toBe('Architecture — Engineering (ENG)');
    expect(pageMenuText({ ...page, space }, ['Home', 'Docs'])).toBe(
      'Architecture (in Home / Docs) — Engineering (ENG)',
    );
    expect(pageMenuText(page, [])).toBe('Architecture');
    expect(pageMenuText(page, ['Home'])).toBe('Architecture (in Home)');
  });
});

describe('Bulk Delete Attachments', () => {
  test('leaves out empty filters, converts KB, and keeps purge only when chosen', () => {
    const plain = bulkDeleteAttachmentsInput(initialBulkDeleteAttachmentsDraft);
    expect(plain).toEqual({ ok: true, input: { target: { type: 'space' } } });
    const full = bulkDeleteAttachmentsInput({
      ...initialBulkDeleteAttachmentsDraft,
      fileNamePattern: ' *.PNG ',
      mediaTypes: ['Image/PNG', 'image/png', 'application/pdf'],
      olderThanDays: '90',
      minSizeKb: '10',
      purge: true,
    });
    expect(full).toEqual({
      ok: true,
      input: {
        target: { type: 'space' },
        fileNamePattern: '*.PNG',
        mediaTypes: ['image/png', 'application/pdf'],
        olderThanDays: 90,
        minSizeBytes: 10240,
        purge: true,
      },
    });
    expect(full.ok && acceptedBy('bulk-delete-attachments', full.input)).toBe(true);
  });

  test('a wrong media type or size is named under its own field', () => {
    expect(bulkDeleteAttachmentsInput({ ...initialBulkDeleteAttachmentsDraft, mediaTypes: ['png'] })).toMatchObject({
      ok: false,
      errors: { mediaTypes: expect.stringContaining('“png” is not a media type') },
    });
    expect(bulkDeleteAttachmentsInput({ ...initialBulkDeleteAttachmentsDraft, minSizeKb: 'lots' })).toEqual({
      ok: false,
      errors: { minSizeKb: expect.any(String) },
    });
  });
});

describe('Bulk Purge Trash', () => {
  test('every kind by default; none chosen is refused', () => {
    const all = bulkPurgeTrashInput(initialBulkPurgeTrashDraft);
    expect(all).toEqual({ ok: true, input: { types: ['page', 'blogpost', 'attachment'] } });
    expect(all.ok && acceptedBy('bulk-purge-trash', all.input)).toBe(true);
    expect(bulkPurgeTrashInput({ olderThanDays: 'x', types: [] })).toMatchObject({
      ok: false,
      errors: { olderThanDays: expect.any(String), types: expect.any(String) },
    });
  });
});
