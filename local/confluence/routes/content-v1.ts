// v1 content labels and the content permission check:
//   POST   /wiki/rest/api/content/{id}/label           add labels (array of {prefix, name}, or one)
//   DELETE /wiki/rest/api/content/{id}/label/{label}   remove one (no "/" in the name)
//   DELETE /wiki/rest/api/content/{id}/label?name=     remove one (any name)
//   POST   /wiki/rest/api/content/{id}/permission/check
import { z } from 'zod';
import type { Refusal } from '../content/access';
import { jsonBody } from '../content/body';
import type { ContainerRecord } from '../content/records';
import { model, readableContent, v1ContentId } from '../content/route-support';
import { v1LabelJson } from '../content/shapes';
import { ApiError, badRequest, json, notFound } from '../http';
import { v1Links } from '../paging';
import { requiredParam } from '../query';
import type { Route, RouteContext } from '../router';
import { DOCS, SCOPES } from './docs';

/** Confluence's label rules: at most 255 characters, no spaces and none of these characters. */
export const MAX_LABEL_LENGTH = 255;
export const LABEL_FORBIDDEN = /[\s!#&()*,.:;<>?@[\]^]/;
const LABEL_PREFIXES = ['global', 'my', 'team'] as const;

const LabelCreate = z.object({ prefix: z.string().default('global'), name: z.string() });
const LabelBody = z.union([z.array(LabelCreate), LabelCreate]);

/** Checked and folded to lower case, as Confluence stores label names. */
export function checkLabelName(raw: string): string {
  const name = raw.trim().toLowerCase();
  if (name === '') throw badRequest('Label name must not be empty.');
  if (name.length > MAX_LABEL_LENGTH) {
    throw badRequest(`Label '${raw}' is too long: label names may have at most ${MAX_LABEL_LENGTH} characters.`);
  }
  if (LABEL_FORBIDDEN.test(name)) {
    throw badRequest(
      `Label '${raw}' contains an invalid character: labels may not contain spaces or !#&()*,.:;<>?@[]^`,
    );
  }
  return name;
}

/** Label edits need edit permission: 404 when the caller cannot see the content, 403 when they cannot edit it. */
function editable(ctx: RouteContext): ContainerRecord {
  const record = readableContent(ctx, v1ContentId(ctx.params.id));
  if (!model(ctx).access.canUpdate(ctx.caller, record)) {
    throw new ApiError(403, `User not permitted to edit content with id: ${record.id}`);
  }
  return record;
}

const addLabels: Route = {
  method: 'POST',
  pattern: '/wiki/rest/api/content/{id}/label',
  family: 'v1',
  scopes: SCOPES.labelWrite,
  doc: `${DOCS.v1ContentLabels}#api-wiki-rest-api-content-id-label-post`,
  handle(ctx) {
    const record = editable(ctx);
    const raw = jsonBody(ctx, LabelBody);
    const items = Array.isArray(raw) ? raw : [raw];
    // Every label is checked before any is added: bad input changes nothing.
    const names = items.map((item) => {
      if (!(LABEL_PREFIXES as readonly string[]).includes(item.prefix)) {
        throw badRequest(`Label prefix '${item.prefix}' is not valid: use global, my or team.`);
      }
      return checkLabelName(item.name);
    });
    const store = model(ctx).store;
    for (const name of names) store.addLabel(record, name);
    return json(200, {
      results: record.labels.map((n) => v1LabelJson(store, n)),
      start: 0,
      limit: 200,
      size: record.labels.length,
      _links: v1Links(ctx),
    });
  },
};

function removeLabel(
  ctx: RouteContext,
  raw: string,
): { status: number; headers: Record<string, string>; body: string } {
  const record = editable(ctx);
  const name = raw.trim().toLowerCase();
  if (!model(ctx).store.removeLabel(record, name)) {
    throw notFound(`Label '${raw}' is not on content with id: ${record.id}`);
  }
  return { status: 204, headers: {}, body: '' };
}

const removeByPath: Route = {
  method: 'DELETE',
  pattern: '/wiki/rest/api/content/{id}/label/{label}',
  family: 'v1',
  scopes: SCOPES.labelWrite,
  doc: `${DOCS.v1ContentLabels}#api-wiki-rest-api-content-id-label-label-delete`,
  handle(ctx) {
    const label = ctx.params.label ?? '';
    if (label.includes('/')) throw badRequest(`Label '${label}' has a "/": remove it with ?name= instead.`);
    return removeLabel(ctx, label);
  },
};

const removeByQuery: Route = {
  method: 'DELETE',
  pattern: '/wiki/rest/api/content/{id}/label',
  family: 'v1',
  scopes: SCOPES.labelWrite,
  doc: `${DOCS.v1ContentLabels}#api-wiki-rest-api-content-id-label-delete`,
  handle: (ctx) => removeLabel(ctx, requiredParam(ctx.query, 'name')),
};

const PermissionRequest = z.object({
  subject: z.object({ type: z.enum(['user', 'group']), identifier: z.string().min(1) }),
  operation: z.enum(['read', 'update', 'delete']),
});

const checkPermission: Route = {
  method: 'POST',
  pattern: '/wiki/rest/api/content/{id}/permission/check',
  family: 'v1',
  scopes: SCOPES.contentPermissionCheck,
  doc: `${DOCS.v1ContentPermissions}#api-wiki-rest-api-content-id-permission-check-post`,
  handle(ctx) {
    const id = v1ContentId(ctx.params.id);
    const { subject, operation } = jsonBody(ctx, PermissionRequest);
    const self = ctx.caller.kind === 'user' && subject.type === 'user' && subject.identifier === ctx.caller.accountId;
    // Checking someone else needs Confluence admin; the app may check anyone (that is what apps call it for).
    if (!self && ctx.caller.kind === 'user' && !ctx.site.isSiteAdmin(ctx.caller.accountId)) {
      throw new ApiError(
        403,
        'Checking the permission of another user or a group requires the Confluence Administrator global permission.',
      );
    }
    const record = model(ctx).store.container(id);
    if (!record) throw notFound(`No content found with id: ${id}`);
    let answer: { hasPermission: boolean; refusal?: Refusal };
    if (subject.type === 'user') {
      if (subject.identifier === 'anonymous') {
        answer = { hasPermission: false, refusal: 'Anonymous user does not have permission to the space' };
      } else {
        if (!ctx.site.user(subject.identifier)) throw badRequest(`No user found with accountId ${subject.identifier}`);
        answer = model(ctx).access.check({ type: 'user', accountId: subject.identifier }, record, operation);
      }
    } else {
      if (!ctx.site.group(subject.identifier)) throw badRequest(`No group found with id ${subject.identifier}`);
      answer = model(ctx).access.check({ type: 'group', groupId: subject.identifier }, record, operation);
    }
    return json(200, {
      hasPermission: answer.hasPermission,
      errors: answer.refusal === undefined ? [] : [{ translation: answer.refusal, args: [] }],
      _links: v1Links(ctx),
    });
  },
};

export const contentV1Routes: Route[] = [addLabels, removeByPath, removeByQuery, checkPermission];
