// Who may do what to content, as Confluence decides it: space permissions
// first, then page restrictions. One place answers every content route and
// the permission-check endpoint, so a check and its explanation agree.
//
// Guesses (docs/local-confluence.md lists them):
// - The app (`asApp`) holds every space permission in every space (Cloud
//   puts the app user in a group with them) but page restrictions apply to it
//   like to anyone else unless the app's accountId is listed.
// - Holding administer/space does not imply other content permissions
//   (Atlassian: space admins "need to be granted" delete), except purging
//   the trash, which needs administer/space.
import type { Site, Caller } from '../site';
import type { ContainerRecord, PageRecord, Principals } from './records';
import type { ContentStore } from './store';

export type ContentOperation = 'read' | 'update' | 'delete';

/** A user (or the app's user) with the groups that count for restrictions. */
interface Subject {
  accountId: string;
  groupIds: ReadonlySet<string>;
  isApp: boolean;
}

export type SpaceContentPermission =
  | 'read/space'
  | 'create/page'
  | 'create/blogpost'
  | 'create/attachment'
  | 'create/comment'
  | 'delete/page'
  | 'delete/blogpost'
  | 'delete/comment'
  | 'delete/attachment'
  | 'administer/space'
  | 'restrict_content/space';

/** Why a subject may not do something: the texts PermissionCheckResponse documents. */
export type Refusal =
  | 'User does not have permission to the space'
  | 'User does not have permission to the content'
  | 'Group does not have permission to the space'
  | 'Group does not have permission to the content'
  | 'Anonymous user does not have permission to the space';

const listed = (p: Principals | undefined, s: Subject): boolean =>
  p !== undefined && (p.users.includes(s.accountId) || p.groups.some((g) => s.groupIds.has(g)));

export class ContentAccess {
  constructor(
    private readonly site: Site,
    private readonly store: ContentStore,
  ) {}

  private subject(caller: Caller): Subject | undefined {
    if (caller.kind === 'anonymous') return undefined;
    if (caller.kind === 'app') return { accountId: this.site.appUser().accountId, groupIds: new Set(), isApp: true };
    return {
      accountId: caller.accountId,
      groupIds: new Set(this.site.groupsOf(caller.accountId).map((g) => g.id)),
      isApp: false,
    };
  }

  /** Space permission held by the caller (the app holds them all; see the header). */
  holds(caller: Caller, spaceId: string, permission: SpaceContentPermission): boolean {
    if (!this.site.space(spaceId)) return false;
    if (caller.kind === 'app') return true;
    if (caller.kind === 'anonymous') return false;
    const [key, target] = permission.split('/') as [string, string];
    if (!this.site.canView(caller, spaceId)) return false;
    return this.site.callerOperations(caller, spaceId).some((op) => op.key === key && op.target === target);
  }

  /** Read restrictions of the page and every ancestor let the subject through. */
  private passesReadRestrictions(page: PageRecord, s: Subject): boolean {
    for (let p: PageRecord | undefined = page; p; p = p.parentId === null ? undefined : this.store.page(p.parentId)) {
      if (p.restrictions?.read && !listed(p.restrictions.read, s)) return false;
    }
    return true;
  }

  private passesUpdateRestriction(page: PageRecord, s: Subject): boolean {
    return page.restrictions?.update === undefined || listed(page.restrictions.update, s);
  }

  /**
   * `canRead` for many items at once (listings): the caller's subject and
   * space access are worked out once, and each page's answer is remembered,
   * so a listing of a 10,000-page space costs one lookup per page.
   */
  reader(caller: Caller): (record: ContainerRecord) => boolean {
    const s = this.subject(caller);
    if (!s) return () => false;
    const spaces = new Map<string, boolean>();
    const pages = new Map<string, boolean>();
    const pagePasses = (page: PageRecord): boolean => {
      const known = pages.get(page.id);
      if (known !== undefined) return known;
      const parent = page.parentId === null ? undefined : this.store.page(page.parentId);
      const ok = (!page.restrictions?.read || listed(page.restrictions.read, s)) && (!parent || pagePasses(parent));
      pages.set(page.id, ok);
      return ok;
    };
    return (record) => {
      let space = spaces.get(record.spaceId);
      if (space === undefined) spaces.set(record.spaceId, (space = this.holds(caller, record.spaceId, 'read/space')));
      return space && (record.type === 'blogpost' || pagePasses(record));
    };
  }

  /** May the caller see this page or blog post (any status)? Unseen content answers 404. */
  canRead(caller: Caller, record: ContainerRecord): boolean {
    const s = this.subject(caller);
    if (!s || !this.holds(caller, record.spaceId, 'read/space')) return false;
    return record.type === 'blogpost' || this.passesReadRestrictions(record, s);
  }

  /** Edit the content (labels too): read, plus the update restriction. Space-level "add page" counts as edit. */
  canUpdate(caller: Caller, record: ContainerRecord): boolean {
    if (!this.canRead(caller, record)) return false;
    const s = this.subject(caller);
    if (!s) return false;
    if (!this.holds(caller, record.spaceId, record.type === 'page' ? 'create/page' : 'create/blogpost')) return false;
    return record.type === 'blogpost' || this.passesUpdateRestriction(record, s);
  }

  /** Move to the trash: read, delete/<type>, and the update restriction. */
  canDelete(caller: Caller, record: ContainerRecord): boolean {
    if (!this.canRead(caller, record)) return false;
    const s = this.subject(caller);
    if (!s) return false;
    if (!this.holds(caller, record.spaceId, record.type === 'page' ? 'delete/page' : 'delete/blogpost')) return false;
    return record.type === 'blogpost' || this.passesUpdateRestriction(record, s);
  }

  /** Purge from the trash: space admins only (and the app). */
  canPurge(caller: Caller, record: { spaceId: string }): boolean {
    return this.holds(caller, record.spaceId, 'administer/space');
  }

  /**
   * The permission-check endpoint: may this user or group do `operation`?
   * Answers the first refusal in Confluence's order (space, then content).
   */
  check(
    subject: { type: 'user'; accountId: string } | { type: 'group'; groupId: string },
    record: ContainerRecord,
    operation: ContentOperation,
  ): { hasPermission: boolean; refusal?: Refusal } {
    const isGroup = subject.type === 'group';
    const s: Subject = isGroup
      ? { accountId: '', groupIds: new Set([subject.groupId]), isApp: false }
      : {
          accountId: subject.accountId,
          groupIds: new Set(this.site.groupsOf(subject.accountId).map((g) => g.id)),
          isApp: false,
        };
    // Users through operationsOf (direct, groups, and whatever else the site counts); groups by their own grants.
    const held = isGroup
      ? this.site
          .permissions(record.spaceId)
          .filter((p) => p.subject.type === 'group' && s.groupIds.has(p.subject.id))
          .map((p) => p.operation)
      : this.site.operationsOf(s.accountId, record.spaceId);
    const has = (key: string, target: string): boolean => held.some((op) => op.key === key && op.target === target);
    const spaceRefusal: Refusal = isGroup
      ? 'Group does not have permission to the space'
      : 'User does not have permission to the space';
    const contentRefusal: Refusal = isGroup
      ? 'Group does not have permission to the content'
      : 'User does not have permission to the content';
    if (!has('read', 'space')) return { hasPermission: false, refusal: spaceRefusal };
    const needed = operation === 'read' ? undefined : operation === 'update' ? 'create' : 'delete';
    if (needed !== undefined && !has(needed, record.type)) return { hasPermission: false, refusal: spaceRefusal };
    if (record.type === 'page') {
      if (!this.passesReadRestrictions(record, s)) return { hasPermission: false, refusal: contentRefusal };
      if (operation !== 'read' && !this.passesUpdateRestriction(record, s)) {
        return { hasPermission: false, refusal: contentRefusal };
      }
    }
    return { hasPermission: true };
  }
}
