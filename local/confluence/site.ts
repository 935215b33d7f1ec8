// The emulated site's in-memory model: lookups and permission questions.
// Route handlers read it; the write routes and tests mutate
// it through the methods here, so the rules live in one place.
import type {
  DirectoryGroup,
  DirectoryPermission,
  DirectorySpace,
  DirectoryUser,
  OperationKey,
  SiteDirectory,
  TargetType,
} from './schema';
import { DEFAULT_APP_USER } from './schema';
import { ContentModel } from './content/model';

export type Caller = { kind: 'user'; accountId: string } | { kind: 'app' } | { kind: 'anonymous' };

export interface Operation {
  key: OperationKey;
  target: TargetType;
}

/** A permission assignment with its id always set. */
export type PermissionAssignment = DirectoryPermission & { id: string };

const FIRST_GENERATED_PERMISSION_ID = 100001;

const sameOperation = (a: Operation, b: Operation): boolean => a.key === b.key && a.target === b.target;

/** One change to the site's permissions, in the order it happened (tests count these). */
export interface PermissionChange {
  kind: 'grant' | 'revoke';
  spaceId: string;
  permission: PermissionAssignment;
}

export class Site {
  /** The live directory. Mutations below keep it consistent; read it, do not edit it. */
  readonly directory: SiteDirectory;
  /** Every grant that created an assignment and every revoke that removed one. */
  readonly changes: PermissionChange[] = [];
  private nextPermissionId: number;
  /** Pages, blog posts, attachments, comments, labels and long tasks (local/confluence/content/). */
  readonly content: ContentModel;

  constructor(directory: SiteDirectory) {
    this.directory = structuredClone(directory);
    const existing = this.directory.spaces.flatMap((s) => s.permissions.map((p) => Number(p.id ?? 0)));
    this.nextPermissionId = Math.max(FIRST_GENERATED_PERMISSION_ID, ...existing.map((n) => n + 1));
    for (const space of this.directory.spaces) {
      for (const p of space.permissions) if (p.id === undefined) p.id = this.newPermissionId();
    }
    this.content = new ContentModel(this);
  }

  private newPermissionId(): string {
    const id = String(this.nextPermissionId);
    this.nextPermissionId += 1;
    return id;
  }

  // ---- users -------------------------------------------------------------

  users(): readonly DirectoryUser[] {
    return this.directory.users;
  }

  user(accountId: string): DirectoryUser | undefined {
    return this.directory.users.find((u) => u.accountId === accountId);
  }

  userByEmail(email: string): DirectoryUser | undefined {
    const folded = email.toLowerCase();
    return this.directory.users.find((u) => u.email.toLowerCase() === folded);
  }

  /** The app's own user (what /user/current answers when the app calls as itself). */
  appUser(): { accountId: string; displayName: string } {
    return this.directory.app ?? DEFAULT_APP_USER;
  }

  /** A Confluence admin: `siteAdmin: true` in the fixture. */
  isSiteAdmin(accountId: string): boolean {
    return this.user(accountId)?.siteAdmin === true;
  }

  // ---- groups ------------------------------------------------------------

  groups(): readonly DirectoryGroup[] {
    return this.directory.groups;
  }

  group(id: string): DirectoryGroup | undefined {
    return this.directory.groups.find((g) => g.id === id);
  }

  groupByName(name: string): DirectoryGroup | undefined {
    const folded = name.toLowerCase();
    return this.directory.groups.find((g) => g.name.toLowerCase() === folded);
  }

  /** Groups the user belongs to, in fixture order. */
  groupsOf(accountId: string): DirectoryGroup[] {
    return this.directory.groups.filter((g) => g.members.includes(accountId));
  }

  /** Members of a group, in the group's member order; unknown ids skipped. */
  membersOf(groupId: string): DirectoryUser[] {
    const g = this.group(groupId);
    if (!g) return [];
    return g.members.map((id) => this.user(id)).filter((u): u is DirectoryUser => u !== undefined);
  }

  // ---- spaces ------------------------------------------------------------

  /** All spaces, sorted by id ascending (numeric), as v2 lists them. */
  spaces(): DirectorySpace[] {
    return [...this.directory.spaces].sort((a, b) => Number(a.id) - Number(b.id));
  }

  space(id: string): DirectorySpace | undefined {
    return this.directory.spaces.find((s) => s.id === id);
  }

  spaceByKey(key: string): DirectorySpace | undefined {
    const folded = key.toLowerCase();
    return this.directory.spaces.find((s) => s.key.toLowerCase() === folded);
  }

  /** The space's permission assignments (ids always set). */
  permissions(spaceId: string): PermissionAssignment[] {
    const s = this.space(spaceId);
    if (!s) return [];
    return s.permissions.map((p) => ({ ...p, id: p.id ?? '' }));
  }

  /** Does the user hold the operation in the space, directly or through a group? */
  holds(accountId: string, spaceId: string, op: Operation): boolean {
    return this.operationsOf(accountId, spaceId).some((o) => sameOperation(o, op));
  }

  /** The user's operations in the space (direct and through groups), without duplicates. */
  operationsOf(accountId: string, spaceId: string): Operation[] {
    const s = this.space(spaceId);
    if (!s || !this.user(accountId)) return [];
    const groupIds = new Set(this.groupsOf(accountId).map((g) => g.id));
    const out: Operation[] = [];
    for (const p of s.permissions) {
      const applies = p.subject.type === 'user' ? p.subject.id === accountId : groupIds.has(p.subject.id);
      const op = { key: p.operation.key, target: p.operation.target };
      if (applies && !out.some((o) => sameOperation(o, op))) out.push(op);
    }
    return out;
  }

  /** Space admin: holds administer/space directly or through a group. */
  isSpaceAdmin(accountId: string, spaceId: string): boolean {
    return this.holds(accountId, spaceId, { key: 'administer', target: 'space' });
  }

  /**
   * Can the caller see the space? Users need read/space (directly or through
   * a group); being a Confluence admin does not grant it. The app sees every
   * space; anonymous callers see none (the fixture has no anonymous access).
   */
  canView(caller: Caller, spaceId: string): boolean {
    if (!this.space(spaceId)) return false;
    if (caller.kind === 'app') return true;
    if (caller.kind === 'anonymous') return false;
    return this.holds(caller.accountId, spaceId, { key: 'read', target: 'space' });
  }

  /** The caller's operations in the space, as /spaces/{id}/operations reports them. */
  callerOperations(caller: Caller, spaceId: string): Operation[] {
    if (caller.kind === 'app') return this.space(spaceId) ? [{ key: 'read', target: 'space' }] : [];
    if (caller.kind === 'anonymous') return [];
    return this.operationsOf(caller.accountId, spaceId);
  }

  // ---- mutations (the grant/revoke endpoints and tests) ----

  /** Add an assignment; answers the existing one when it is already there. */
  grant(spaceId: string, subject: DirectoryPermission['subject'], operation: Operation): PermissionAssignment {
    const s = this.space(spaceId);
    if (!s) throw new Error(`no space with id ${spaceId}`);
    const known = subject.type === 'user' ? this.user(subject.id) : this.group(subject.id);
    if (!known) throw new Error(`no ${subject.type} with id ${subject.id}`);
    const existing = s.permissions.find(
      (p) =>
        p.subject.type === subject.type &&
        p.subject.id === subject.id &&
        p.operation.key === operation.key &&
        p.operation.target === operation.target,
    );
    if (existing) return { ...existing, id: existing.id ?? '' };
    const created: PermissionAssignment = {
      id: this.newPermissionId(),
      subject: { ...subject },
      operation: { key: operation.key, target: operation.target },
    };
    s.permissions.push(created);
    this.changes.push({ kind: 'grant', spaceId, permission: structuredClone(created) });
    return { ...created };
  }

  /** Remove an assignment by id; false when the space has no such assignment. */
  revoke(spaceId: string, permissionId: string): boolean {
    const s = this.space(spaceId);
    if (!s) return false;
    const index = s.permissions.findIndex((p) => p.id === permissionId);
    if (index < 0) return false;
    const [removed] = s.permissions.splice(index, 1);
    if (removed)
      this.changes.push({ kind: 'revoke', spaceId, permission: { ...structuredClone(removed), id: removed.id ?? '' } });
    return true;
  }
}
