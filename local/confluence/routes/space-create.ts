// v1 POST /wiki/rest/api/space: create a space. Needs the "Create Space(s)"
// global permission (fixture: siteAdmin or canCreateSpace). The creator gets
// every space permission Confluence gives a space's creator, and the space
// gets a home page. There is no copy-space endpoint: a copy creates the space
// here, then copies pages into it.
import { z } from 'zod';
import { jsonBody } from '../content/body';
import { model } from '../content/route-support';
import { ApiError, badRequest, json } from '../http';
import type { Route } from '../router';
import { spaceSchema, type DirectorySpace } from '../schema';
import { v1SpaceJson } from '../shapes';
import { DOCS, SCOPES } from './docs';
import { GRANTABLE } from './space-permission-writes';

/** Space keys: letters and digits only, at most 255 characters; names at most 200 (SpaceCreate.name maxLength). */
export const MAX_SPACE_KEY_LENGTH = 255;
export const MAX_SPACE_NAME_LENGTH = 200;

const SpaceCreate = z.object({
  key: z.string({ message: 'key is required' }),
  name: z.string({ message: 'name is required' }),
  description: z
    .object({ plain: z.object({ value: z.string(), representation: z.string().optional() }) })
    .nullable()
    .optional(),
  permissions: z.array(z.unknown()).nullable().optional(),
});

/**
 * The v1 SpacePermission entries of a create request: `{subjects: {user: {results: [{accountId}]},
 * group: {results: [{id}]}}, operation: {operation, targetType}}`. Undefined when none are given.
 */
const SpacePermissionEntry = z.object({
  subjects: z.object({
    user: z.object({ results: z.array(z.object({ accountId: z.string() })) }).optional(),
    group: z.object({ results: z.array(z.object({ id: z.string() })) }).optional(),
  }),
  operation: z.object({ operation: z.string(), targetType: z.string() }),
});

function requestedPermissions(
  ctx: Parameters<Route['handle']>[0],
  raw: unknown[] | null | undefined,
): { subject: { type: 'user' | 'group'; id: string }; operation: (typeof GRANTABLE)[number] }[] | undefined {
  if (!raw || raw.length === 0) return undefined;
  const out: { subject: { type: 'user' | 'group'; id: string }; operation: (typeof GRANTABLE)[number] }[] = [];
  raw.forEach((entry, index) => {
    const parsed = SpacePermissionEntry.safeParse(entry);
    if (!parsed.success)
      throw badRequest(`permissions[${index}] is not a SpacePermission: ${parsed.error.issues[0]?.message}`);
    const { operation, targetType } = parsed.data.operation;
    const op = GRANTABLE.find((o) => o.key === operation && o.target === targetType);
    if (!op) throw badRequest(`permissions[${index}]: ${operation}/${targetType} is not a space permission.`);
    for (const u of parsed.data.subjects.user?.results ?? []) {
      if (!ctx.site.user(u.accountId))
        throw badRequest(`permissions[${index}]: no user with accountId ${u.accountId}.`);
      out.push({ subject: { type: 'user', id: u.accountId }, operation: op });
    }
    for (const g of parsed.data.subjects.group?.results ?? []) {
      if (!ctx.site.group(g.id)) throw badRequest(`permissions[${index}]: no group with id ${g.id}.`);
      out.push({ subject: { type: 'group', id: g.id }, operation: op });
    }
  });
  return out;
}

const create: Route = {
  method: 'POST',
  pattern: '/wiki/rest/api/space',
  family: 'v1',
  scopes: SCOPES.spaceCreate,
  doc: `${DOCS.v1Space}#api-wiki-rest-api-space-post`,
  handle(ctx) {
    const site = ctx.site;
    if (ctx.caller.kind === 'user') {
      const user = site.user(ctx.caller.accountId);
      if (!user || (!user.siteAdmin && user.canCreateSpace !== true)) {
        throw new ApiError(
          403,
          'User does not have permission to create a space: the Create Space(s) global permission is needed.',
        );
      }
    }
    const input = jsonBody(ctx, SpaceCreate);
    const key = input.key.trim();
    const name = input.name.trim();
    if (key === '') throw badRequest('Space key must not be empty.');
    if (key.length > MAX_SPACE_KEY_LENGTH) {
      throw badRequest(`Space key is too long: it may have at most ${MAX_SPACE_KEY_LENGTH} characters.`);
    }
    if (!/^[A-Za-z0-9]+$/.test(key)) throw badRequest(`Space key '${key}' is invalid: use only letters and digits.`);
    if (name === '') throw badRequest('Space name must not be empty.');
    if (name.length > MAX_SPACE_NAME_LENGTH) {
      throw badRequest(`Space name is too long: it may have at most ${MAX_SPACE_NAME_LENGTH} characters.`);
    }
    if (site.spaceByKey(key)) throw badRequest(`A space with key ${key} already exists.`);
    const given = requestedPermissions(ctx, input.permissions);
    const m = model(ctx);
    const creatorId = ctx.caller.kind === 'user' ? ctx.caller.accountId : site.appUser().accountId;
    const nextId = site.spaces().reduce((max, s) => (BigInt(s.id) > max ? BigInt(s.id) : max), 0n) + 1n;
    const createdAt = m.nowIso();
    // Through the fixture schema, so the new space gets every default a fixture space gets.
    const space: DirectorySpace = spaceSchema.parse({ id: String(nextId), key, name, authorId: creatorId, createdAt });
    site.directory.spaces.push(space);
    // "If permissions are provided, the space is created with only the provided set of
    // permissions, not including the default space permissions" (v1 Create space, `permissions`).
    if (given) {
      for (const { subject, operation } of given) site.grant(space.id, subject, operation);
    } else if (ctx.caller.kind === 'user') {
      for (const op of GRANTABLE) site.grant(space.id, { type: 'user', id: ctx.caller.accountId }, op);
    }
    // A guess at the title: "<name> Home", as Confluence names a new space's home page.
    const home = m.store.createPage({
      spaceId: space.id,
      parentId: null,
      title: `${name} Home`,
      body: '',
      authorId: creatorId,
      createdAt,
    });
    space.homepageId = home.id;
    m.store.changes.push({ kind: 'space-create', spaceId: space.id, key });
    return json(200, {
      ...v1SpaceJson(ctx, space),
      description: { plain: { value: input.description?.plain.value ?? '', representation: 'plain' } },
      homepage: { id: home.id, type: 'page', status: 'current', title: home.title },
    });
  },
};

export const spaceCreateRoutes: Route[] = [create];
