import { ROUTES } from '../../../local/confluence';
import { CONTENT_SCOPES } from './content-scopes';
import { demo } from './helpers';

describe("requiredScopes / scopeAlternatives (from each endpoint's reference page)", () => {
  const e = demo();

  const table: [string, string, string[][]][] = [
    [
      'GET',
      '/wiki/rest/api/user/current?expand=operations',
      [['read:confluence-user'], ['read:content-details:confluence']],
    ],
    ['GET', '/wiki/rest/api/user?accountId=u-bob', [['read:confluence-user'], ['read:content-details:confluence']]],
    [
      'GET',
      '/wiki/rest/api/user/bulk?accountId=u-bob',
      [['read:confluence-user'], ['read:content-details:confluence']],
    ],
    ['GET', '/wiki/rest/api/user/anonymous', [['read:confluence-user'], ['read:user:confluence']]],
    [
      'GET',
      '/wiki/rest/api/user/memberof?accountId=u-bob',
      [['read:confluence-user'], ['read:user:confluence', 'read:group:confluence']],
    ],
    ['GET', '/wiki/rest/api/search/user?cql=type%3Duser', [['read:content-details:confluence']]],
    ['GET', '/wiki/rest/api/search?cql=type%3Dspace', [['search:confluence'], ['read:content-details:confluence']]],
    ['GET', '/wiki/rest/api/group', [['read:confluence-groups'], ['read:group:confluence']]],
    ['GET', '/wiki/rest/api/group/picker?query=p', [['read:confluence-groups'], ['read:group:confluence']]],
    ['GET', '/wiki/rest/api/group/by-id?id=g-power', [['read:confluence-groups'], ['read:group:confluence']]],
    [
      'GET',
      '/wiki/rest/api/group/g-power/membersByGroupId',
      [['read:confluence-groups'], ['read:group:confluence', 'read:user:confluence']],
    ],
    ['GET', '/wiki/api/v2/spaces?keys=MKT', [['read:space:confluence']]],
    ['GET', '/wiki/api/v2/spaces/1001', [['read:space:confluence']]],
    ['GET', '/wiki/api/v2/spaces/1001/permissions', [['read:space:confluence']]],
    ['GET', '/wiki/api/v2/spaces/1001/operations', [['read:space:confluence']]],
    [
      'POST',
      '/wiki/rest/api/space/MKT/permission',
      [['read:space.permission:confluence', 'write:space.permission:confluence']],
    ],
    [
      'DELETE',
      '/wiki/rest/api/space/MKT/permission/1',
      [['read:space.permission:confluence', 'write:space.permission:confluence']],
    ],
    // Content (local/confluence/content; docs/local-confluence.md lists which of these are guesses).
    ...CONTENT_SCOPES,
  ];

  it.each(table)('%s %s', (method, path, sets) => {
    expect(e.scopeAlternatives(method, path)).toEqual(sets);
    expect(e.requiredScopes(method, path)).toEqual(sets.filter((s) => s.length === 1).map((s) => s[0]));
  });

  it('covers every route', () => {
    const covered = new Set(table.map(([m, p]) => `${m} ${p.split('?')[0]}`));
    for (const r of ROUTES) {
      const sample = r.pattern
        .replace('{groupId}', 'g-power')
        .replace('{spaceKey}', 'MKT')
        .replace(/\{(commentId|label|attachmentId|filename)\}/g, '1001')
        .replace('/permission/{id}', '/permission/1')
        .replace('{id}', '1001');
      expect(covered.has(`${r.method} ${sample}`)).toBe(true);
      expect(r.doc).toMatch(/^https:\/\/developer\.atlassian\.com\/cloud\/confluence\/rest\/v[12]\//);
    }
  });

  it('never lists a scope that alone would not allow the endpoint', () => {
    expect(e.requiredScopes('GET', '/wiki/rest/api/user/memberof')).toEqual(['read:confluence-user']);
    expect(e.requiredScopes('GET', '/wiki/rest/api/user/memberof')).not.toContain('read:group:confluence');
  });

  it('answers [] for unknown endpoints and methods', () => {
    expect(e.requiredScopes('GET', '/wiki/rest/api/nothing')).toEqual([]);
    expect(e.requiredScopes('POST', '/wiki/api/v2/spaces/1001')).toEqual([]);
    expect(e.scopeAlternatives('GET', '/elsewhere')).toEqual([]);
  });
});
