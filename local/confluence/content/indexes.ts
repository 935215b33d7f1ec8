// The small index structures the content store is built from.

/** Ordered id lists per key (children per parent, pages per space, ...). */
export class ListIndex {
  private readonly lists = new Map<string, string[]>();

  get(key: string): readonly string[] {
    return this.lists.get(key) ?? [];
  }

  push(key: string, id: string): void {
    const list = this.lists.get(key);
    if (list) list.push(id);
    else this.lists.set(key, [id]);
  }

  remove(key: string, id: string): void {
    const list = this.lists.get(key);
    if (!list) return;
    const i = list.indexOf(id);
    if (i >= 0) list.splice(i, 1);
  }

  delete(key: string): void {
    this.lists.delete(key);
  }

  /** Reorder one list in place. */
  sort(key: string, compare: (a: string, b: string) => number): void {
    this.lists.get(key)?.sort(compare);
  }

  values(): IterableIterator<string[]> {
    return this.lists.values();
  }
}

/** Titles clash without regard to case (a guess: Confluence's title check ignores case). */
export const foldTitle = (title: string): string => title.trim().toLowerCase();

/** Page ids per space and folded title: finds a clashing title without scanning the space. */
export class TitleIndex {
  private readonly bySpace = new Map<string, Map<string, Set<string>>>();

  private ids(spaceId: string, title: string): Set<string> {
    let titles = this.bySpace.get(spaceId);
    if (!titles) this.bySpace.set(spaceId, (titles = new Map()));
    const folded = foldTitle(title);
    let ids = titles.get(folded);
    if (!ids) titles.set(folded, (ids = new Set()));
    return ids;
  }

  add(spaceId: string, title: string, id: string): void {
    this.ids(spaceId, title).add(id);
  }

  drop(spaceId: string, title: string, id: string): void {
    this.ids(spaceId, title).delete(id);
  }

  /** One page id with this title in the space, if any. */
  first(spaceId: string, title: string): string | undefined {
    const found = this.bySpace.get(spaceId)?.get(foldTitle(title))?.values().next();
    return found && !found.done ? found.value : undefined;
  }
}
