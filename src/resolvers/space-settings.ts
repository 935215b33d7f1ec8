import Resolver from '@forge/resolver';
import { z } from 'zod';
import { groupsOfUser } from '../confluence/groups';
import { callerAdministersSpace } from '../confluence/spaces';
import { AppError, enveloped } from './envelope';
import { callerAccountId, ResolverContext, ResolverRequest, validPayload } from './context';
import { explainFor } from './explain';

const GetMyScriptsPayload = z.strictObject({});

function spaceOfPage(context: ResolverContext): { id: string; key: string } {
  const space = context.extension?.space;
  if (!space?.id || !space.key) throw new AppError('BAD_REQUEST', "This page must be opened from a space's settings.");
  return { id: String(space.id), key: space.key };
}

/**
 * getMyScripts: which built-in scripts the caller may run in the page's
 * space, and why. The user and the space come only from Forge's context.
 * Platform calls: the caller's operations in the space and their groups
 * (in parallel), then one storage batch read.
 */
export async function getMyScripts({ payload, context }: ResolverRequest) {
  return enveloped(async () => {
    validPayload(GetMyScriptsPayload, payload);
    const accountId = callerAccountId(context);
    const space = spaceOfPage(context);
    const [spaceAdmin, groups] = await Promise.all([callerAdministersSpace(space.id), groupsOfUser(accountId, 'user')]);
    return explainFor(accountId, space, groups, spaceAdmin);
  });
}

const resolver = new Resolver();
resolver.define('getMyScripts', (request) => getMyScripts(request as ResolverRequest));

export const spaceSettingsResolver = resolver.getDefinitions();
