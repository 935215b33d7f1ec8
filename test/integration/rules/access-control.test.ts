import { kvs, WhereConditions } from '@forge/kvs';
import type { LocalHost } from '../../../local/host/create-host';
import { Envelope, invoke, startHost } from '../../support/local-host';
import { ADMIN, ALL_SCRIPTS, getConfig, global, replaceTable } from '../../support/rules';

let host: LocalHost;
beforeAll(async () => {
  host = await startHost();
  await replaceTable(host, true, [global(ALL_SCRIPTS), { type: 'user', id: 'u-bob', name: 'Bob Smith', allowed: [] }]);
});
afterAll(() => host.close());

/** Every key and value in storage, to prove a refused call changed nothing. */
async function snapshot(): Promise<string> {
  const all: unknown[] = [];
  let cursor: string | undefined;
  do {
    let query = kvs.query().where('key', WhereConditions.beginsWith('rules')).limit(100);
    if (cursor) query = query.cursor(cursor);
    const page = await query.getMany();
    all.push(...page.results);
    cursor = page.nextCursor;
  } while (cursor);
  const meta = await kvs.entity('rulesmeta').get('rules');
  return JSON.stringify({ all, meta });
}

const validPayloads: Record<string, unknown> = {
  getConfig: {},
  saveConfig: { expectedVersion: 1, enabled: false },
  explainAccess: { accountId: 'u-bob', spaceKey: 'MKT' },
  searchSubjects: { type: 'group', query: 'po' },
  getAuditLog: {},
  exportConfig: {},
  importConfig: {
    data: { restrictedUsers: [], restrictedGroups: [], restrictedSpaces: [], disableInAllSpaces: true },
    dryRun: false,
    expectedVersion: 1,
  },
};

describe('every admin function refuses anyone but a Confluence admin, and changes nothing', () => {
  for (const [functionKey, payload] of Object.entries(validPayloads)) {
    for (const caller of [{ accountId: 'u-bob' }, { accountId: 'u-sam' }, {}]) {
      it(`${functionKey} as ${caller.accountId ?? 'anonymous'}`, async () => {
        const before = await snapshot();
        const answer = await invoke<Envelope<unknown>>(host, 'admin-page', functionKey, payload, caller);
        expect(answer.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
        expect(await snapshot()).toBe(before);
      });
    }
  }

  it('trusts nothing in the payload: an accountId there does not make the caller an admin', async () => {
    const answer = await invoke<Envelope<unknown>>(
      host,
      'admin-page',
      'getConfig',
      { accountId: 'u-ada' },
      { accountId: 'u-bob' },
    );
    expect(answer.body).toMatchObject({ ok: false });
  });
});

describe('getMyScripts takes the user and the space only from the context', () => {
  it('refuses any payload field', async () => {
    const answer = await invoke<Envelope<unknown>>(
      host,
      'space-settings',
      'getMyScripts',
      { accountId: 'u-ada', spaceKey: 'ENG' },
      { accountId: 'u-bob', spaceKey: 'MKT' },
    );
    expect(answer.body).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'accountId' } });
  });

  it('answers for the context user: Bob is restricted by his own row', async () => {
    const answer = await invoke<Envelope<{ scripts: { allowed: boolean; decidedBy: { type: string } }[] }>>(
      host,
      'space-settings',
      'getMyScripts',
      {},
      { accountId: 'u-bob', spaceKey: 'MKT' },
    );
    if (!answer.body.ok) throw new Error(JSON.stringify(answer.body));
    expect(answer.body.data.scripts.every((s) => !s.allowed && s.decidedBy.type === 'user')).toBe(true);
  });

  it('refuses an anonymous viewer', async () => {
    const answer = await invoke<Envelope<unknown>>(host, 'space-settings', 'getMyScripts', {}, { spaceKey: 'MKT' });
    expect(answer.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('malformed payloads are refused with BAD_REQUEST naming the field, and change nothing', () => {
  const cases: [string, unknown, string][] = [
    ['getConfig', { cursor: 5 }, 'cursor'],
    ['getConfig', { extra: true }, 'extra'],
    ['saveConfig', {}, 'expectedVersion'],
    ['saveConfig', { expectedVersion: -1 }, 'expectedVersion'],
    ['saveConfig', { expectedVersion: 1, enabled: 'yes' }, 'enabled'],
    [
      'saveConfig',
      { expectedVersion: 1, upsert: [{ type: 'team', id: 'x', name: 'x', allowed: [] }] },
      'upsert[0].type',
    ],
    [
      'saveConfig',
      { expectedVersion: 1, upsert: [{ type: 'user', id: 'u-x', name: 'x', allowed: ['rm-rf'] }] },
      'upsert[0].allowed[0]',
    ],
    ['saveConfig', { expectedVersion: 1, upsert: [{ type: 'user', id: '', name: 'x', allowed: [] }] }, 'upsert[0].id'],
    ['saveConfig', { expectedVersion: 1, remove: [{ type: 'global', id: 'global' }] }, 'remove[0]'],
    ['explainAccess', { accountId: 'u-bob' }, 'spaceKey'],
    ['explainAccess', { accountId: 42, spaceKey: 'MKT' }, 'accountId'],
    ['searchSubjects', { type: 'page', query: 'x' }, 'type'],
    ['searchSubjects', { type: 'user', query: 'x'.repeat(500) }, 'query'],
    ['getAuditLog', { cursor: '' }, 'cursor'],
    ['importConfig', { data: { format: 'something-else' }, dryRun: true, expectedVersion: 1 }, 'format'],
    ['importConfig', { data: {}, expectedVersion: 1 }, 'dryRun'],
  ];
  for (const [functionKey, payload, field] of cases) {
    it(`${functionKey} ${JSON.stringify(payload).slice(0, 80)} -> ${field}`, async () => {
      const before = await snapshot();
      const answer = await invoke<Envelope<unknown>>(host, 'admin-page', functionKey, payload, ADMIN);
      expect(answer.body).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
      if (answer.body.ok) return;
      expect(answer.body.error.field ?? '').toContain(field);
      expect(answer.body.error.message.length).toBeGreaterThan(10);
      expect(await snapshot()).toBe(before);
    });
  }

  it('answers NOT_FOUND naming the field for an unknown space or user', async () => {
    const space = await invoke<Envelope<unknown>>(
      host,
      'admin-page',
      'explainAccess',
      { accountId: 'u-bob', spaceKey: 'NOPE' },
      ADMIN,
    );
    expect(space.body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'spaceKey' } });
    const user = await invoke<Envelope<unknown>>(
      host,
      'admin-page',
      'explainAccess',
      { accountId: 'u-ghost', spaceKey: 'MKT' },
      ADMIN,
    );
    expect(user.body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'accountId' } });
  });

  it('keeps the table as it was', async () => {
    const config = await getConfig(host);
    expect(config.rows.map((r) => r.id)).toEqual(['global', 'u-bob']);
  });
});

describe('contract details the admin page relies on', () => {
  it('answers an empty user or group search with no matches, and lists spaces for an empty space search', async () => {
    for (const type of ['user', 'group'] as const) {
      const answer = await invoke<Envelope<unknown[]>>(
        host,
        'admin-page',
        'searchSubjects',
        { type, query: '  ' },
        ADMIN,
      );
      expect(answer.body).toEqual({ ok: true, data: [] });
    }
    const spaces = await invoke<Envelope<{ key: string }[]>>(
      host,
      'admin-page',
      'searchSubjects',
      { type: 'space', query: '' },
      ADMIN,
    );
    if (!spaces.body.ok) throw new Error(JSON.stringify(spaces.body));
    // ENG included: Ada cannot read it, but a Confluence admin sets rules for every space.
    expect(spaces.body.data.map((s) => s.key)).toEqual(expect.arrayContaining(['MKT', 'HR', 'PG', 'ENG']));
  });

  it('explainAccess says whether the rules are on, for space admins and others alike', async () => {
    for (const accountId of ['u-bob', 'u-nina']) {
      const answer = await invoke<Envelope<{ enabled: boolean }>>(
        host,
        'admin-page',
        'explainAccess',
        { accountId, spaceKey: 'MKT' },
        ADMIN,
      );
      expect(answer.body).toMatchObject({ ok: true, data: { enabled: true } });
    }
  });
});
