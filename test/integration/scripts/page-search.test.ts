import type { LocalHost } from '../../../local/host/create-host';
import { dataOf, invoke, startHost, type Envelope } from '../../support/local-host';

/**
 * searchPages, the script forms' page picker, through the local host: the
 * page's own space, or every space with `anySpace`, searched as the caller,
 * so restricted pages never show.
 */
let host: LocalHost;
beforeAll(async () => {
  host = await startHost();
});
afterAll(() => host.close());

type Pages = { pages: { id: string; title: string; ancestors?: string[]; space?: { key: string; name: string } }[] };
const search = (accountId: string, spaceKey: string, query: string, anySpace?: true) =>
  invoke<Envelope<Pages>>(
    host,
    'space-settings',
    'searchPages',
    { query, ...(anySpace ? { anySpace } : {}) },
    { accountId, spaceKey },
  );

test('finds pages of the space by title, with their ancestors, and only in that space', async () => {
  const { pages } = dataOf(await search('u-jane', 'HR', 'salary'));
  expect(pages.map((p) => p.title)).toEqual(['Decision log: Salary bands', 'How-to: Salary bands', 'Salary bands']);
  expect(pages.find((p) => p.id === '10020057')).toEqual({
    id: '10020057',
    title: 'Salary bands',
    ancestors: ['Human Resources Home', 'Compensation'],
    space: { key: 'HR', name: 'Human Resources' },
  });
  const eng = dataOf(await search('u-sam', 'ENG', 'salary'));
  expect(eng.pages).toEqual([]);
});

test('a page under a read restriction is offered to those it lists, and to no one else', async () => {
  const jane = dataOf(await search('u-jane', 'HR', 'compensation')).pages.map((p) => p.title);
  expect(jane).toEqual(['Compensation']);
  // Bob administers HR but is not on Compensation's read restriction, nor are its descendants his to see.
  expect(dataOf(await search('u-bob', 'HR', 'compensation')).pages).toEqual([]);
  expect(dataOf(await search('u-bob', 'HR', 'salary')).pages).toEqual([]);
});

test('an empty query lists the first pages of the space; the limit holds', async () => {
  const { pages } = dataOf(await search('u-bob', 'MKT', ''));
  expect(pages.length).toBe(20);
  expect([...pages.map((p) => p.title)]).toEqual([...pages.map((p) => p.title)].sort((a, b) => a.localeCompare(b)));
});

test('a query over 200 characters is refused naming the field', async () => {
  const answer = await search('u-bob', 'MKT', 'x'.repeat(201));
  expect(answer.body).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'query' } });
});

test('anySpace finds pages of every space the caller can see, each naming its space', async () => {
  // Jane, opened in Marketing, finds HR's salary pages too.
  expect(dataOf(await search('u-jane', 'MKT', 'salary')).pages).toEqual([]);
  const { pages } = dataOf(await search('u-jane', 'MKT', 'salary', true));
  expect(pages.map((p) => [p.title, p.space?.key])).toEqual([
    ['Decision log: Salary bands', 'HR'],
    ['How-to: Salary bands', 'HR'],
    ['Salary bands', 'HR'],
  ]);
});

test('anySpace still leaves out what the caller cannot see', async () => {
  expect(dataOf(await search('u-bob', 'MKT', 'salary', true)).pages).toEqual([]);
  expect(dataOf(await search('u-bob', 'MKT', 'compensation', true)).pages).toEqual([]);
});

test('anySpace takes only true', async () => {
  const answer = await invoke<Envelope<Pages>>(
    host,
    'space-settings',
    'searchPages',
    { query: 'x', anySpace: false },
    { accountId: 'u-bob', spaceKey: 'MKT' },
  );
  expect(answer.body).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'anySpace' } });
});
