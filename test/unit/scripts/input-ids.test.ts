import { idsInInput } from '../../../src/scripts/input-ids';

describe('idsInInput', () => {
  it('finds the pages and people a script input names, once each', () => {
    expect(idsInInput({ target: { type: 'tree', pageId: '42' }, authorAccountIds: ['u-a', 'u-b', 'u-a'] })).toEqual({
      pageIds: ['42'],
      accountIds: ['u-a', 'u-b'],
    });
    expect(idsInInput({ pageId: '1', destinationPageId: '2', titlePrefix: 'x' })).toEqual({
      pageIds: ['1', '2'],
      accountIds: [],
    });
  });

  it('finds nothing in inputs without ids', () => {
    expect(idsInInput({ target: { type: 'space' }, add: ['a'] })).toEqual({ pageIds: [], accountIds: [] });
    expect(idsInInput({ newSpaceKey: 'NEW', newSpaceName: 'New' })).toEqual({ pageIds: [], accountIds: [] });
  });
});
