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
  v2Page: `${CLOUD}/v2/api-group-page/`,
  v2BlogPost: `${CLOUD}/v2/api-group-blog-post/`,
  v2Children: `${CLOUD}/v2/api-group-children/`,
  v2Descendants: `${CLOUD}/v2/api-group-descendants/`,
  v2Label: `${CLOUD}/v2/api-group-label/`,
  v2Comment: `${CLOUD}/v2/api-group-comment/`,
  v2Attachment: `${CLOUD}/v2/api-group-attachment/`,
  v1ContentLabels: `${CLOUD}/v1/api-group-content-labels/`,
  v1ContentPermissions: `${CLOUD}/v1/api-group-content-permissions/`,
  v1ContentDescendants: `${CLOUD}/v1/api-group-content-children-and-descendants/`,
  v1LongRunningTask: `${CLOUD}/v1/api-group-long-running-task/`,
  v1Space: `${CLOUD}/v1/api-group-space/`,
  v1Attachments: `${CLOUD}/v1/api-group-content---attachments/`,
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
  spacePermissionWrite: [['read:space.permission:confluence', 'write:space.permission:confluence']],
  // Content (local/confluence/content). v2 pages lists only granular scopes in its OpenAPI document.
  pageRead: [['read:page:confluence']],
  // The descendants endpoint's page names the hierarchical-content scope (from the current reference; not in our copy of the spec).
  hierarchyRead: [['read:hierarchical-content:confluence']],
  commentRead: [['read:comment:confluence']],
  attachmentRead: [['read:attachment:confluence']],
  pageWrite: [['write:page:confluence']],
  pageDelete: [['delete:page:confluence']],
  commentDelete: [['delete:comment:confluence']],
  attachmentDelete: [['delete:attachment:confluence']],
  labelWrite: [['write:confluence-content'], ['read:label:confluence', 'write:label:confluence']],
  contentPermissionCheck: [['read:confluence-content.permission'], ['read:content.permission:confluence']],
  contentWrite: [['write:confluence-content']],
  longTaskRead: [['read:confluence-space.summary'], ['read:content.metadata:confluence']],
  spaceCreate: [['write:confluence-space'], ['read:space:confluence', 'write:space:confluence']],
  attachmentUpload: [['write:confluence-file'], ['read:content-details:confluence', 'write:attachment:confluence']],
  attachmentDownload: [['readonly:content.attachment:confluence'], ['read:attachment:confluence']],
} as const satisfies Record<string, readonly (readonly string[])[]>;
