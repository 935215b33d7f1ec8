/** The name an exported rule table is saved under. Pure. */

/** "built-in-script-permissions-v12-2024-05-01.json". */
export function exportFileName(version: number, exportedAt: string): string {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(exportedAt)?.[0] ?? 'export';
  return `built-in-script-permissions-v${version}-${day}.json`;
}
