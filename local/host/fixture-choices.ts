// The demo site fixtures the start page offers, one per space role mode.
// Switching restarts the host with LOCAL_DIRECTORY (see docs/local-confluence.md
// "Demo fixtures"): a running host keeps one site, because its stored data
// (rules, queued jobs, the cached role mode) belongs to that site.
import { resolve, relative } from 'node:path';
import { DEFAULT_DIRECTORY_FILE } from '../confluence';

export interface FixtureChoice {
  /** Path relative to the project, as LOCAL_DIRECTORY takes it. */
  file: string;
  roleMode: 'PRE_ROLES' | 'ROLES_TRANSITION' | 'ROLES';
  description: string;
}

export const FIXTURE_CHOICES: readonly FixtureChoice[] = [
  {
    file: 'local/fixtures/demo.json',
    roleMode: 'PRE_ROLES',
    description: 'individual space permissions (the default)',
  },
  {
    file: 'local/fixtures/demo-transition.json',
    roleMode: 'ROLES_TRANSITION',
    description: 'a migrated site: individual permissions and space roles',
  },
  { file: 'local/fixtures/demo-roles.json', roleMode: 'ROLES', description: 'roles only, as new sites since 2025' },
];

export interface CurrentFixture {
  file: string;
  roleMode: string;
  choices: readonly FixtureChoice[];
}

/** The fixture this host loaded, relative to the project when it is inside it. */
export function currentFixture(
  projectRoot: string,
  directoryFile: string | undefined,
  roleMode: string,
): CurrentFixture {
  const chosen = resolve(directoryFile ?? process.env.LOCAL_DIRECTORY ?? DEFAULT_DIRECTORY_FILE);
  const rel = relative(projectRoot, chosen);
  return { file: rel.startsWith('..') ? chosen : rel, roleMode, choices: FIXTURE_CHOICES };
}
