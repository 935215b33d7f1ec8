import { z } from 'zod';
import { groupsOfUser } from '../confluence/groups';
import { callerAdministersSpace } from '../confluence/spaces';
import { resolverOf, spaceFunction } from './gate';
import { explainForCaller } from './explain';
import { searchPages } from './page-search';
import { searchPeople } from './people-search';
import { spaceScriptFunctions } from './scripts';

const GetMyScriptsPayload = z.strictObject({});

/**
 * getMyScripts: which built-in scripts the caller may run in the page's
 * space, and why. The user and the space come only from Forge's context.
 * Platform calls: the caller's operations in the space and their groups
 * (in parallel), then one storage batch read.
 */
const getMyScripts = spaceFunction(GetMyScriptsPayload, async (_payload, { accountId, space }) => {
  const [spaceAdmin, groups] = await Promise.all([callerAdministersSpace(space.id), groupsOfUser(accountId, 'user')]);
  return explainForCaller(accountId, space, groups, spaceAdmin);
});

export const spaceSettingsResolver = resolverOf({ getMyScripts, searchPages, searchPeople, ...spaceScriptFunctions });
