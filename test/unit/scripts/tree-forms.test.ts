import {
  copyPageTreeInput,
  initialCopyPageTreeDraft,
  pageIdFrom,
} from '../../../static/space-settings/src/forms/copy-page-tree.input';
import {
  copySpaceInput,
  initialCopySpaceDraft,
  spaceKeyProblem,
} from '../../../static/space-settings/src/forms/copy-space.input';
import {
  deletePageTreeInput,
  initialDeletePageTreeDraft,
} from '../../../static/space-settings/src/forms/delete-page-tree.input';
import { SCRIPT_INPUTS } from '../../../src/contract/scripts';

const page = { id: '20001', title: 'Handbook' };

describe('tree script forms send what the server accepts', () => {
  it('Delete Page Tree needs a page', () => {
    expect(deletePageTreeInput(initialDeletePageTreeDraft)).toMatchObject({
      ok: false,
      errors: { pageId: expect.any(String) },
    });
    const result = deletePageTreeInput({ page });
    expect(result).toEqual({ ok: true, input: { pageId: '20001' } });
    expect(SCRIPT_INPUTS['delete-page-tree'].safeParse(result.ok && result.input).success).toBe(true);
  });

  it('Copy Page Tree takes a picked parent here, or an id or address for another space', () => {
    expect(copyPageTreeInput(initialCopyPageTreeDraft)).toMatchObject({
      ok: false,
      errors: { pageId: expect.any(String), destinationPageId: expect.any(String) },
    });
    const here = copyPageTreeInput({
      ...initialCopyPageTreeDraft,
      page,
      destination: { id: '20005', title: 'Archive' },
    });
    expect(here).toEqual({
      ok: true,
      input: {
        pageId: '20001',
        destinationPageId: '20005',
        copyAttachments: true,
        copyLabels: true,
        copyRestrictions: false,
      },
    });
    const there = copyPageTreeInput({
      ...initialCopyPageTreeDraft,
      page,
      destinationIn: 'other-space',
      destinationId: 'https://site.atlassian.net/wiki/spaces/HR/pages/30007/Old+stuff',
      titlePrefix: '2026 ',
    });
    expect(there.ok && there.input).toMatchObject({ destinationPageId: '30007', titlePrefix: '2026 ' });
    expect(SCRIPT_INPUTS['copy-page-tree'].safeParse(there.ok && there.input).success).toBe(true);
    expect(pageIdFrom('abc')).toBeUndefined();
  });

  it('Copy Page Tree in another space takes the page picked in any space before a typed id', () => {
    const elsewhere = { id: '10040002', title: 'Architecture', space: { key: 'ENG', name: 'Engineering' } };
    const draft = { ...initialCopyPageTreeDraft, page, destinationIn: 'other-space' as const };
    const picked = copyPageTreeInput({ ...draft, destinationElsewhere: elsewhere });
    expect(picked.ok && picked.input).toMatchObject({ destinationPageId: '10040002' });
    // Nothing picked or typed: the message is the picker's; typed text that is no id: the text field's.
    expect(copyPageTreeInput(draft)).toMatchObject({
      ok: false,
      errors: { destinationPageId: expect.stringMatching(/or enter its id or address/) },
    });
    const typo = copyPageTreeInput({ ...draft, destinationId: 'Architecture' });
    expect(typo).toEqual({ ok: false, errors: { destinationId: 'This is neither a page id nor a page address.' } });
    // A page picked in this space's picker does not count once "another space" is chosen.
    expect(copyPageTreeInput({ ...draft, destination: { id: '20005', title: 'Archive' } })).toMatchObject({
      ok: false,
    });
  });

  it('Copy Space checks the key as Confluence does before anything is sent', () => {
    expect(spaceKeyProblem('')).toMatch(/Enter a key/);
    expect(spaceKeyProblem('MKT-2')).toMatch(/only letters and digits/);
    expect(spaceKeyProblem('MKTÄ')).toMatch(/only letters and digits/);
    expect(spaceKeyProblem('K'.repeat(256))).toMatch(/255/);
    expect(spaceKeyProblem('MKT2')).toBeUndefined();
    expect(copySpaceInput(initialCopySpaceDraft)).toMatchObject({ ok: false });
    const result = copySpaceInput({
      ...initialCopySpaceDraft,
      newSpaceKey: ' MKT2 ',
      newSpaceName: ' Marketing copy ',
    });
    expect(result.ok && result.input).toMatchObject({
      newSpaceKey: 'MKT2',
      newSpaceName: 'Marketing copy',
      copyPermissions: false,
    });
    expect(SCRIPT_INPUTS['copy-space'].safeParse(result.ok && result.input).success).toBe(true);
  });
});
