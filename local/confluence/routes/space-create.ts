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
import type { DirectorySpace } from '../schema';
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
    const m = model(ctx);
    const creatorId = ctx.caller.kind === 'user' ? ctx.caller.accountId : site.appUser().accountId;
    const nextId = site.spaces().reduce((max, s) => (BigInt(s.id) > max ? BigInt(s.id) : max), 0n) + 1n;
    const createdAt = m.nowIso();
    const space: DirectorySpace = {
      id: String(nextId),
      key,
      name,
      type: 'global',
      status: 'current',
      authorId: creatorId,
      createdAt,
      permissions: [],
      pages: [],
      blogposts: [],
    };
    site.directory.spaces.push(space);
    if (ctx.caller.kind === 'user') {
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
