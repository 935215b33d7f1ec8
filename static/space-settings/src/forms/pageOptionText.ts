/** How a page option of the picker reads (pure, so it can be unit-tested without React). */

/** A page as the pickers hold it; `space` is known for pages found in any space. */
export interface PickedPage {
  id: string;
  title: string;
  space?: { key: string; name: string };
}

/** "Architecture — Engineering (ENG)" when the space is known, else the title. */
export function pageLabel(page: PickedPage): string {
  return page.space ? `${page.title} — ${page.space.name} (${page.space.key})` : page.title;
}

/**
 * The menu line: the title, the pages above it so equal titles differ, then
 * the space when known ("Architecture (in Home / Docs) — Engineering (ENG)").
 */
export function pageMenuText(page: PickedPage, ancestors: readonly string[]): string {
  const where = ancestors.length > 0 ? ` (in ${ancestors.join(' / ')})` : '';
  return `${page.title}${where}${page.space ? ` — ${page.space.name} (${page.space.key})` : ''}`;
}
