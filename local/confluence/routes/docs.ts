// Reference pages each endpoint was checked against.
const CLOUD = 'https://developer.atlassian.com/cloud/confluence/rest';

export const DOCS = {
  v1Users: `${CLOUD}/v1/api-group-users/`,
  v1Group: `${CLOUD}/v1/api-group-group/`,
  v1Search: `${CLOUD}/v1/api-group-search/`,
  v2Space: `${CLOUD}/v2/api-group-space/`,
  v2SpacePermissions: `${CLOUD}/v2/api-group-space-permissions/`,
  v2Operation: `${CLOUD}/v2/api-group-operation/`,
  v1SpacePermissions: `${CLOUD}/v1/api-group-space-permissions/`,
  v2SpaceRoles: `${CLOUD}/v2/api-group-space-roles/`,
} as const;

/** Scope sets (any one set; every scope in it), copied from the reference pages. */
export const SCOPES = {
  userRead: [['read:confluence-user'], ['read:content-details:confluence']],
  anonymousUser: [['read:confluence-user'], ['read:user:confluence']],
  memberOf: [['read:confluence-user'], ['read:user:confluence', 'read:group:confluence']],
  groupRead: [['read:confluence-groups'], ['read:group:confluence']],
  groupMembers: [['read:confluence-groups'], ['read:group:confluence', 'read:user:confluence']],
  searchUser: [['read:content-details:confluence']],
  search: [['search:confluence'], ['read:content-details:confluence']],
  spaceRead: [['read:space:confluence']],
  // The reference lists both granular scopes; apps are refused anyway (see space-permission-writes.ts).
  // Space roles (v2 OpenAPI document): the mode needs read:configuration, the roles and assignments read:space.permission.
  roleMode: [['read:configuration:confluence']],
  spacePermissionRead: [['read:space.permission:confluence']],
  roleAssignmentWrite: [['write:space.permission:confluence']],
  spacePermissionWrite: [['read:space.permission:confluence', 'write:space.permission:confluence']],
} as const satisfies Record<string, readonly (readonly string[])[]>;
