import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DEFAULT_DIRECTORY_FILE, DirectoryError, loadDirectory, parseDirectory, Site } from '../../../local/confluence';
import type { SiteDirectoryInput } from '../../../local/confluence';

const minimal = (): SiteDirectoryInput => ({
  users: [{ accountId: 'u-a', displayName: 'A', email: 'a@example.com', apiToken: 't' }],
  groups: [{ id: 'g-1', name: 'one', members: ['u-a'] }],
  spaces: [
    {
      id: '1',
      key: 'S',
      name: 'Space',
      permissions: [{ subject: { type: 'group', id: 'g-1' }, operation: { key: 'read', target: 'space' } }],
    },
  ],
});

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DirectoryError);
    return (err as Error).message;
  }
  throw new Error('expected a DirectoryError');
}

describe('demo fixture', () => {
  const dir = loadDirectory();
  const site = new Site(dir);

  it('is the default and loads from local/fixtures/demo.json', () => {
    expect(DEFAULT_DIRECTORY_FILE).toMatch(/local[\\/]fixtures[\\/]demo\.json$/);
    expect(dir.users.map((u) => u.accountId)).toEqual([
      'u-ada',
      'u-bob',
      'u-jane',
      'u-priya',
      'u-pat',
      'u-sam',
      'u-nina',
    ]);
  });

  it('gives each person name@example.com and local-<name> as API token', () => {
    for (const u of dir.users) {
      const name = u.displayName.split(' ')[0]?.toLowerCase();
      expect(u.email).toBe(`${name}@example.com`);
      expect(u.apiToken).toBe(`local-${name}`);
    }
  });

  it('makes Ada the only Confluence admin', () => {
    expect(dir.users.filter((u) => u.siteAdmin).map((u) => u.accountId)).toEqual(['u-ada']);
  });

  it('has the groups of the scenarios', () => {
    expect(Object.fromEntries(dir.groups.map((g) => [g.name, g.id]))).toEqual({
      'confluence-users': 'g-conf-users',
      'confluence-administrators': 'g-conf-admins',
      'power-users': 'g-power',
      probation: 'g-probation',
    });
    expect(site.groupsOf('u-priya').map((g) => g.name)).toContain('power-users');
    expect(site.groupsOf('u-pat').map((g) => g.name)).toContain('probation');
    expect(site.groupsOf('u-sam')).toEqual([]);
  });

  it('has Marketing, Human Resources, Proving Ground and Engineering', () => {
    expect(dir.spaces.map((s) => [s.id, s.key, s.name])).toEqual([
      ['1001', 'MKT', 'Marketing'],
      ['1002', 'HR', 'Human Resources'],
      ['1003', 'PG', 'Proving Ground'],
      ['1004', 'ENG', 'Engineering'],
    ]);
  });

  it.each(['1001', '1002', '1003'])(
    'lets Bob, Jane, Priya, Pat and Sam administer space %s; not Nina or Ada',
    (spaceId) => {
      for (const id of ['u-bob', 'u-jane', 'u-priya', 'u-pat', 'u-sam'])
        expect(site.isSpaceAdmin(id, spaceId)).toBe(true);
      for (const id of ['u-nina', 'u-ada']) expect(site.isSpaceAdmin(id, spaceId)).toBe(false);
      expect(site.canView({ kind: 'user', accountId: 'u-nina' }, spaceId)).toBe(true);
    },
  );

  it('keeps Engineering out of sight of everyone but Sam and Bob', () => {
    const viewers = dir.users.filter((u) => site.canView({ kind: 'user', accountId: u.accountId }, '1004'));
    expect(viewers.map((u) => u.accountId)).toEqual(['u-bob', 'u-sam']);
  });
});

describe('loadDirectory', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'confluence-fixture-'));
  const write = (name: string, content: string): string => {
    const file = path.join(tmp, name);
    writeFileSync(file, content);
    return file;
  };
  const saved = process.env.LOCAL_DIRECTORY;
  afterEach(() => {
    if (saved === undefined) delete process.env.LOCAL_DIRECTORY;
    else process.env.LOCAL_DIRECTORY = saved;
  });

  it('reads LOCAL_DIRECTORY when no file is given', () => {
    process.env.LOCAL_DIRECTORY = write('env.json', JSON.stringify(minimal()));
    expect(loadDirectory().users.map((u) => u.accountId)).toEqual(['u-a']);
  });

  it('applies defaults: siteAdmin false, space type global and status current', () => {
    const dir = loadDirectory(write('defaults.json', JSON.stringify(minimal())));
    expect(dir.users[0]?.siteAdmin).toBe(false);
    expect(dir.spaces[0]?.type).toBe('global');
    expect(dir.spaces[0]?.status).toBe('current');
  });

  it('names the file when it is missing', () => {
    expect(errorOf(() => loadDirectory(path.join(tmp, 'nope.json')))).toMatch(
      /Cannot read site directory .*nope\.json/,
    );
  });

  it('names the file when it is not JSON', () => {
    expect(errorOf(() => loadDirectory(write('bad.json', '{ users: ')))).toMatch(/bad\.json is not valid JSON/);
  });

  it('names the file and the bad field', () => {
    const data = minimal();
    const user = data.users[0];
    if (user) user.email = 'not-an-email';
    const message = errorOf(() => loadDirectory(write('field.json', JSON.stringify(data))));
    expect(message).toContain('field.json');
    expect(message).toContain('users[0].email: must be an email address');
  });
});

describe('parseDirectory names the bad field', () => {
  const cases: [string, (d: SiteDirectoryInput) => void, string][] = [
    [
      'missing users',
      (d) => {
        delete (d as Partial<SiteDirectoryInput>).users;
      },
      'users:',
    ],
    [
      'empty displayName',
      (d) => {
        if (d.users[0]) d.users[0].displayName = ' ';
      },
      'users[0].displayName: must not be empty',
    ],
    [
      'siteAdmin not boolean',
      (d) => {
        (d.users[0] as Record<string, unknown>).siteAdmin = 'yes';
      },
      'users[0].siteAdmin',
    ],
    [
      'unknown field',
      (d) => {
        (d.users[0] as Record<string, unknown>).admin = true;
      },
      'users[0]',
    ],
    [
      'duplicate accountId',
      (d) => {
        d.users.push({ accountId: 'u-a', displayName: 'B', email: 'b@example.com', apiToken: 'x' });
      },
      'users[1].accountId: duplicate accountId "u-a"',
    ],
    [
      'duplicate email (any case)',
      (d) => {
        d.users.push({ accountId: 'u-b', displayName: 'B', email: 'A@example.com', apiToken: 'x' });
      },
      'users[1].email: duplicate email "A@example.com"',
    ],
    [
      'unknown group member',
      (d) => {
        d.groups?.[0]?.members?.push('u-ghost');
      },
      'groups[0].members[1]: no user with accountId "u-ghost"',
    ],
    [
      'duplicate group name',
      (d) => {
        d.groups?.push({ id: 'g-2', name: 'ONE', members: [] });
      },
      'groups[1].name: duplicate group name "ONE"',
    ],
    [
      'space id not an integer',
      (d) => {
        if (d.spaces?.[0]) d.spaces[0].id = 'abc';
      },
      'spaces[0].id: must be a positive integer',
    ],
    [
      'space key with a dash',
      (d) => {
        if (d.spaces?.[0]) d.spaces[0].key = 'MK-T';
      },
      'spaces[0].key: must be letters and digits only',
    ],
    [
      'unknown operation key',
      (d) => {
        const p = d.spaces?.[0]?.permissions?.[0];
        if (p) (p.operation as Record<string, unknown>).key = 'admin';
      },
      'spaces[0].permissions[0].operation.key',
    ],
    [
      'unknown subject type',
      (d) => {
        const p = d.spaces?.[0]?.permissions?.[0];
        if (p) (p.subject as Record<string, unknown>).type = 'role';
      },
      'spaces[0].permissions[0].subject.type',
    ],
    [
      'unknown group subject',
      (d) => {
        const p = d.spaces?.[0]?.permissions?.[0];
        if (p) p.subject.id = 'g-ghost';
      },
      'spaces[0].permissions[0].subject.id: no group with id "g-ghost"',
    ],
    [
      'unknown user subject',
      (d) => {
        d.spaces?.[0]?.permissions?.push({
          subject: { type: 'user', id: 'u-ghost' },
          operation: { key: 'read', target: 'space' },
        });
      },
      'spaces[0].permissions[1].subject.id: no user with accountId "u-ghost"',
    ],
  ];

  it.each(cases)('%s', (_name, mutate, expected) => {
    const data = minimal();
    mutate(data);
    const message = errorOf(() => parseDirectory(data, 'test input'));
    expect(message).toContain('Invalid site directory (test input)');
    expect(message).toContain(expected);
  });

  it('accepts the minimal fixture', () => {
    expect(() => parseDirectory(minimal())).not.toThrow();
  });
});
