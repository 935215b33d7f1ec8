/**
 * The six scenarios of ScriptRunner's documentation (docs/rules.md), each
 * configured by clicking in the admin page and then checked through the
 * page's own Check access view.
 */
import type { Browser, Frame, Page } from 'playwright-core';
import type { LocalHost } from '../../local/host/create-host';
import { appFrame, withHostAndBrowser } from '../support/browser';

const SCRIPTS = [
  'Bulk Delete Attachments',
  'Bulk Delete Comments',
  'Bulk Purge Trash',
  'Copy Space',
  'Delete Page Tree',
  'Copy Page Tree',
  'Bulk Add or Remove Labels',
] as const;
type ScriptName = (typeof SCRIPTS)[number];

const ALL: readonly ScriptName[] = SCRIPTS;
const NONE: readonly ScriptName[] = [];
const ALL_BUT_COPY_SPACE = SCRIPTS.filter((s) => s !== 'Copy Space');
const ONLY_COPY_SPACE: readonly ScriptName[] = ['Copy Space'];

let host: LocalHost;
let browser: Browser;
let page: Page;

withHostAndBrowser((started) => ({ host, browser } = started));
beforeEach(async () => {
  await fetch(`${host.url}/__local/reset`, { method: 'POST' });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(10_000);
});
afterEach(async () => {
  await page?.close();
});

async function openAdminPage(): Promise<Frame> {
  await page.goto(`${host.url}/admin/admin-page?as=u-ada`);
  const frame = await appFrame(page);
  await frame.locator('tr[data-rule-type="global"]').waitFor();
  return frame;
}

async function turnRulesOn(frame: Frame): Promise<void> {
  // The switch's input sits under its drawn track; a person clicks the track or its label.
  await frame.locator('label', { hasText: 'Built-in script rules' }).click();
  expect(await frame.getByRole('checkbox', { name: 'Built-in script rules' }).isChecked()).toBe(true);
}

/** Adds rows through the Add dialog: each picker searched by typing, each match chosen by clicking. */
async function addRows(
  frame: Frame,
  picks: { picker: 'Spaces' | 'Groups' | 'Users'; search: string; option: string }[],
): Promise<void> {
  await frame.getByRole('button', { name: 'Add rows' }).click();
  const dialog = frame.getByRole('dialog', { name: 'Add rows' });
  for (const { picker, search, option } of picks) {
    await dialog.getByRole('combobox', { name: picker }).fill(search);
    await frame.getByRole('option', { name: option }).click();
  }
  await dialog.getByRole('button', { name: /^Add \d+ rows?$/ }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** Sets a row's checkboxes so exactly `allowed` are checked. `label` is how the row's checkboxes are named. */
async function setRow(frame: Frame, label: string, allowed: readonly ScriptName[]): Promise<void> {
  for (const script of SCRIPTS) {
    await frame
      .getByRole('checkbox', { name: `${script} for ${label}`, exact: true })
      .setChecked(allowed.includes(script));
  }
}

async function save(frame: Frame): Promise<void> {
  await frame.getByRole('button', { name: 'Save changes' }).click();
  await frame.getByText('Changes saved').waitFor();
  await frame.getByText('No unsaved changes').waitFor();
}

interface AccessRow {
  allowed: boolean;
  reason: string;
}

/** Picks a person and a space in the Check access view and reads what it shows, script by script. */
async function checkAccess(frame: Frame, person: string, space: string): Promise<Record<ScriptName, AccessRow>> {
  await frame.getByRole('tab', { name: 'Check access' }).click();
  await frame.getByRole('combobox', { name: 'Person' }).fill(person.split(' ')[0]!);
  await frame.getByRole('option', { name: person }).click();
  await frame.getByRole('combobox', { name: 'Space', exact: true }).fill(space.split(' ')[0]!);
  await frame.getByRole('option', { name: new RegExp(`^${space}`) }).click();
  await frame.getByRole('button', { name: 'Check access' }).click();
  const result = frame.getByRole('table', { name: new RegExp(`^Access of ${person} in ${space}`) });
  await result.waitFor();
  const rows = await result.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({
      script: tr.querySelector('th')?.textContent ?? '',
      allowed: tr.getAttribute('data-allowed') === 'true',
      reason: tr.querySelectorAll('td')[1]?.textContent ?? '',
    })),
  );
  return Object.fromEntries(rows.map(({ script, allowed, reason }) => [script, { allowed, reason }])) as Record<
    ScriptName,
    AccessRow
  >;
}

/** Every script's verdict and reason, from which scripts are allowed and the reason for each verdict. */
function expected(allowed: readonly ScriptName[], reason: (allowed: boolean) => string): Record<ScriptName, AccessRow> {
  return Object.fromEntries(
    SCRIPTS.map((script) => [script, { allowed: allowed.includes(script), reason: reason(allowed.includes(script)) }]),
  ) as Record<ScriptName, AccessRow>;
}

const byGlobal = (allowed: boolean) => `${allowed ? 'Allowed' : 'Restricted'} by the Global rule`;

describe('the six ScriptRunner scenarios, configured and checked in the admin page', () => {
  it('1. Global all but Copy Space: every space admin has all but Copy Space; a non-space-admin has none', async () => {
    const frame = await openAdminPage();
    await turnRulesOn(frame);
    await setRow(frame, 'Global', ALL_BUT_COPY_SPACE);
    await save(frame);

    expect(await checkAccess(frame, 'Bob Smith', 'Marketing')).toEqual(expected(ALL_BUT_COPY_SPACE, byGlobal));
    expect(await checkAccess(frame, 'Priya Patel', 'Proving Ground')).toEqual(expected(ALL_BUT_COPY_SPACE, byGlobal));
    expect(await checkAccess(frame, 'Nina Novak', 'Marketing')).toEqual(
      expected(
        NONE,
        () =>
          'Restricted: Nina Novak is not an admin of Marketing (MKT), and rules never grant anything to someone who is not',
      ),
    );
  });

  it('2. Global none, group power-users all: only its members have scripts', async () => {
    const frame = await openAdminPage();
    await turnRulesOn(frame);
    await setRow(frame, 'Global', NONE);
    await addRows(frame, [{ picker: 'Groups', search: 'power', option: 'power-users' }]);
    await setRow(frame, 'power-users', ALL);
    await save(frame);

    expect(await checkAccess(frame, 'Priya Patel', 'Marketing')).toEqual(
      expected(ALL, () => 'Allowed through group power-users'),
    );
    expect(await checkAccess(frame, 'Bob Smith', 'Marketing')).toEqual(expected(NONE, byGlobal));
  });

  it('3. Global all but Copy Space, user Bob none: Bob has none, others all but Copy Space', async () => {
    const frame = await openAdminPage();
    await turnRulesOn(frame);
    await setRow(frame, 'Global', ALL_BUT_COPY_SPACE);
    await addRows(frame, [{ picker: 'Users', search: 'Bob', option: 'Bob Smith' }]);
    await setRow(frame, 'Bob Smith', NONE);
    await save(frame);

    expect(await checkAccess(frame, 'Bob Smith', 'Marketing')).toEqual(
      expected(NONE, () => 'Restricted by the user rule for Bob Smith'),
    );
    expect(await checkAccess(frame, 'Jane Doe', 'Marketing')).toEqual(expected(ALL_BUT_COPY_SPACE, byGlobal));
  });

  it('4. Global all but Copy Space, space Marketing none, user Jane all: Jane has everything, even in Marketing', async () => {
    const frame = await openAdminPage();
    await turnRulesOn(frame);
    await setRow(frame, 'Global', ALL_BUT_COPY_SPACE);
    await addRows(frame, [
      { picker: 'Spaces', search: 'Mark', option: 'Marketing (MKT)' },
      { picker: 'Users', search: 'Jane', option: 'Jane Doe' },
    ]);
    await setRow(frame, 'Marketing (MKT)', NONE);
    await setRow(frame, 'Jane Doe', ALL);
    await save(frame);

    expect(await checkAccess(frame, 'Jane Doe', 'Marketing')).toEqual(
      expected(ALL, () => 'Allowed by the user rule for Jane Doe'),
    );
    expect(await checkAccess(frame, 'Sam Taylor', 'Marketing')).toEqual(
      expected(NONE, () => 'Restricted by the space rule for Marketing (MKT)'),
    );
    expect(await checkAccess(frame, 'Sam Taylor', 'Human Resources')).toEqual(expected(ALL_BUT_COPY_SPACE, byGlobal));
  });

  it('5. Global only Copy Space, space HR none, group power-users all: power-users have all, in HR too; others only Copy Space, none in HR', async () => {
    const frame = await openAdminPage();
    await turnRulesOn(frame);
    await setRow(frame, 'Global', ONLY_COPY_SPACE);
    await addRows(frame, [
      { picker: 'Spaces', search: 'Human', option: 'Human Resources (HR)' },
      { picker: 'Groups', search: 'power', option: 'power-users' },
    ]);
    await setRow(frame, 'Human Resources (HR)', NONE);
    await setRow(frame, 'power-users', ALL);
    await save(frame);

    expect(await checkAccess(frame, 'Priya Patel', 'Human Resources')).toEqual(
      expected(ALL, () => 'Allowed through group power-users'),
    );
    expect(await checkAccess(frame, 'Bob Smith', 'Human Resources')).toEqual(
      expected(NONE, () => 'Restricted by the space rule for Human Resources (HR)'),
    );
    expect(await checkAccess(frame, 'Bob Smith', 'Marketing')).toEqual(expected(ONLY_COPY_SPACE, byGlobal));
  });

  it('6. Global only Copy Space, space Proving Ground all, group probation none: probation members have none, even in Proving Ground', async () => {
    const frame = await openAdminPage();
    await turnRulesOn(frame);
    await setRow(frame, 'Global', ONLY_COPY_SPACE);
    await addRows(frame, [
      { picker: 'Spaces', search: 'Proving', option: 'Proving Ground (PG)' },
      { picker: 'Groups', search: 'prob', option: 'probation' },
    ]);
    await setRow(frame, 'Proving Ground (PG)', ALL);
    await setRow(frame, 'probation', NONE);
    await save(frame);

    expect(await checkAccess(frame, 'Pat Morgan', 'Proving Ground')).toEqual(
      expected(NONE, () => 'Restricted by the group rule for probation'),
    );
    expect(await checkAccess(frame, 'Bob Smith', 'Proving Ground')).toEqual(
      expected(ALL, () => 'Allowed by the space rule for Proving Ground (PG)'),
    );
    expect(await checkAccess(frame, 'Pat Morgan', 'Marketing')).toEqual(
      expected(NONE, () => 'Restricted by the group rule for probation'),
    );
  });
});
