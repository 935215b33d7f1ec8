import { kvs, WhereConditions } from '@forge/kvs';
import type { LocalHost } from '../../../local/host/create-host';
import { ALL_SCRIPTS, global, replaceTable } from '../../support/rules';
import { dataOf, Envelope, invoke } from '../../support/local-host';
import { call, labelsOf, runToEnd, scriptHost, start } from './support';
import { NINA, SAM, SPACE } from './site';

/**
 * The server decides, from Forge's context, on every preview and start:
 * the page showing a script proves nothing, and nothing in the payload
 * changes who is asking or where.
 */
let host: LocalHost;
beforeAll(async () => {
  host = await scriptHost();
});
afterAll(() => host.close());

const INPUT = { target: { type: 'space' }, add: ['forbidden'] };

async function storedRuns(): Promise<number> {
  const page = await kvs.query().where('key', WhereConditions.beginsWith('runs:r:')).limit(100).getMany();
  return page.results.length;
}

describe('previewScript and startScript refuse on the server', () => {
  it('a non-space-admin is FORBIDDEN with the reason, even calling the resolver directly, and nothing runs', async () => {
    const before = await storedRuns();
    for (const functionKey of ['previewScript', 'startScript']) {
      const answer = await call(host, NINA, functionKey, { scriptKey: 'bulk-labels', input: INPUT });
      expect(answer.body).toEqual({
        ok: false,
        error: {
          code: 'FORBIDDEN',
          message: 'You are not an admin of this space, so no built-in scripts are available.',
        },
      });
    }
    expect(await storedRuns()).toBe(before);
    expect(labelsOf(host, '30001')).not.toContain('forbidden');
  });

  it('a space admin the rules restrict is FORBIDDEN with the same reason the page shows', async () => {
    await replaceTable(host, true, [global(ALL_SCRIPTS), { type: 'user', id: SAM, name: 'Sam', allowed: [] }]);
    try {
      const mine = dataOf(
        await invoke<Envelope<{ scripts: { key: string; allowed: boolean }[] }>>(
          host,
          'space-settings',
          'getMyScripts',
          {},
          { accountId: SAM, spaceKey: SPACE.key },
        ),
      );
      expect(mine.scripts.find((s) => s.key === 'bulk-labels')?.allowed).toBe(false);
      const before = await storedRuns();
      for (const functionKey of ['previewScript', 'startScript']) {
        const answer = await call(host, SAM, functionKey, { scriptKey: 'bulk-labels', input: INPUT });
        expect(answer.body).toEqual({
          ok: false,
          error: { code: 'FORBIDDEN', message: 'Restricted for you by a rule set for your account.' },
        });
      }
      expect(await storedRuns()).toBe(before);
    } finally {
      await replaceTable(host, false, [global(ALL_SCRIPTS)]);
    }
  });

  it('takes the user and the space from the context, never the payload', async () => {
    const answer = await call(host, NINA, 'startScript', {
      scriptKey: 'bulk-labels',
      input: INPUT,
      accountId: SAM,
      spaceKey: SPACE.key,
    });
    expect(answer.body).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('checks the rules before the input: a refused caller learns nothing about their input', async () => {
    const answer = await call(host, NINA, 'previewScript', { scriptKey: 'bulk-labels', input: { nonsense: 1 } });
    expect(answer.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('a permanent script needs confirmed: true', async () => {
    const input = { target: { type: 'space' }, olderThanDays: 1 };
    const answer = await call(host, SAM, 'startScript', { scriptKey: 'bulk-delete-comments', input });
    expect(answer.body).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'confirmed' } });
  });

  it('a tree target outside the space is refused before anything runs', async () => {
    const answer = await call(host, SAM, 'previewScript', {
      scriptKey: 'bulk-labels',
      input: { target: { type: 'tree', pageId: '999999' }, add: ['x'] },
    });
    expect(answer.body).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'input.target.pageId' } });
  });
});

describe('reading and cancelling runs', () => {
  let runId: string;
  beforeAll(async () => {
    runId = (await runToEnd(host, SAM, 'bulk-labels', { target: { type: 'tree', pageId: '30003' }, add: ['seen'] }))
      .runId;
  });

  it("a space admin of another space gets NOT_FOUND for this space's run", async () => {
    const answer = await call(host, SAM, 'getScriptRun', { runId }, 'ENG');
    expect(answer.body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('a non-admin of the space is FORBIDDEN from reading, listing and cancelling', async () => {
    for (const [fn, payload] of [
      ['getScriptRun', { runId }],
      ['listScriptRuns', {}],
      ['cancelScriptRun', { runId }],
    ] as const) {
      const answer = await call(host, NINA, fn, payload);
      expect(answer.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it("lists this space's runs newest first", async () => {
    const second = await start(host, SAM, 'bulk-labels', { target: { type: 'tree', pageId: '30003' }, add: ['again'] });
    await host.events.idle();
    const page = dataOf(await call<{ runs: { runId: string }[] }>(host, SAM, 'listScriptRuns', {}));
    const ids = page.runs.map((r) => r.runId);
    expect(ids.indexOf(second)).toBeLessThan(ids.indexOf(runId));
    const eng = dataOf(await call<{ runs: unknown[] }>(host, SAM, 'listScriptRuns', {}, 'ENG'));
    expect(eng.runs).toEqual([]);
  });
});

describe('the admin page follows every run on the site', () => {
  it('refuses anyone but a Confluence admin', async () => {
    const answer = await invoke<Envelope<unknown>>(host, 'admin-page', 'listScriptRuns', {}, { accountId: SAM });
    expect(answer.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('lists runs newest first, filtered by space, script and person, with input, progress and failures', async () => {
    const list = async (payload: unknown) =>
      dataOf(
        await invoke<Envelope<{ runs: { runId: string; spaceKey: string; scriptKey: string }[] }>>(
          host,
          'admin-page',
          'listScriptRuns',
          payload,
          { accountId: 'u-ada' },
        ),
      ).runs;
    const all = await list({});
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect(await list({ spaceKey: 'ENG' })).toEqual([]);
    expect((await list({ spaceKey: SPACE.key, scriptKey: 'bulk-labels', accountId: SAM })).length).toBe(all.length);
    expect(await list({ accountId: NINA })).toEqual([]);
    const one = dataOf(
      await invoke<Envelope<{ input: unknown; progress: unknown; failures: unknown[] }>>(
        host,
        'admin-page',
        'getScriptRun',
        { runId: all[0]?.runId },
        { accountId: 'u-ada' },
      ),
    );
    expect(one).toMatchObject({ input: { add: ['again'] }, progress: { done: 1, failed: 0, total: 1 }, failures: [] });
  });

  it('records each run start and end in the audit log', async () => {
    const audit = dataOf(
      await invoke<Envelope<{ entries: { kind: string; runId: string; outcome?: { state: string } }[] }>>(
        host,
        'admin-page',
        'getScriptRunAudit',
        {},
        { accountId: 'u-ada' },
      ),
    );
    const latest = audit.entries[0];
    expect(latest).toMatchObject({ kind: 'run-ended', outcome: { state: 'succeeded' } });
    expect(audit.entries).toContainEqual(expect.objectContaining({ kind: 'run-started', runId: latest?.runId }));
  });
});
