// The scope sets of the content routes, as their reference pages list them
// (scopes.test.ts checks every route against its table).
const PAGE_READ = [['read:page:confluence']];
const COMMENT_READ = [['read:comment:confluence']];
const ATTACHMENT_READ = [['read:attachment:confluence']];
const LABEL_WRITE = [['write:confluence-content'], ['read:label:confluence', 'write:label:confluence']];
const LONG_TASK = [['read:confluence-space.summary'], ['read:content.metadata:confluence']];
const DOWNLOAD = [['readonly:content.attachment:confluence'], ['read:attachment:confluence']];

export const CONTENT_SCOPES: [string, string, string[][]][] = [
  ['GET', '/wiki/api/v2/spaces/1001/pages', PAGE_READ],
  ['GET', '/wiki/api/v2/pages', PAGE_READ],
  ['GET', '/wiki/api/v2/pages/1001', PAGE_READ],
  ['GET', '/wiki/api/v2/spaces/1001/blogposts', PAGE_READ],
  ['GET', '/wiki/api/v2/blogposts/1001', PAGE_READ],
  ['GET', '/wiki/api/v2/pages/1001/children', PAGE_READ],
  ['GET', '/wiki/api/v2/pages/1001/descendants', [['read:hierarchical-content:confluence']]],
  ['GET', '/wiki/api/v2/pages/1001/labels', PAGE_READ],
  ['GET', '/wiki/api/v2/blogposts/1001/labels', PAGE_READ],
  ['GET', '/wiki/api/v2/pages/1001/footer-comments', COMMENT_READ],
  ['GET', '/wiki/api/v2/pages/1001/inline-comments', COMMENT_READ],
  ['GET', '/wiki/api/v2/blogposts/1001/footer-comments', COMMENT_READ],
  ['GET', '/wiki/api/v2/blogposts/1001/inline-comments', COMMENT_READ],
  ['GET', '/wiki/api/v2/pages/1001/attachments', ATTACHMENT_READ],
  ['GET', '/wiki/api/v2/blogposts/1001/attachments', ATTACHMENT_READ],
  ['GET', '/wiki/api/v2/attachments/1001', ATTACHMENT_READ],
  ['DELETE', '/wiki/api/v2/pages/1001', [['delete:page:confluence']]],
  ['DELETE', '/wiki/api/v2/blogposts/1001', [['delete:page:confluence']]],
  ['DELETE', '/wiki/api/v2/attachments/1001', [['delete:attachment:confluence']]],
  ['DELETE', '/wiki/api/v2/footer-comments/1001', [['delete:comment:confluence']]],
  ['DELETE', '/wiki/api/v2/inline-comments/1001', [['delete:comment:confluence']]],
  ['POST', '/wiki/api/v2/pages', [['write:page:confluence']]],
  ['PUT', '/wiki/api/v2/pages/1001', [['write:page:confluence']]],
  ['POST', '/wiki/api/v2/blogposts', [['write:page:confluence']]],
  ['POST', '/wiki/rest/api/content/1001/label', LABEL_WRITE],
  ['DELETE', '/wiki/rest/api/content/1001/label/1001', LABEL_WRITE],
  ['DELETE', '/wiki/rest/api/content/1001/label', LABEL_WRITE],
  [
    'POST',
    '/wiki/rest/api/content/1001/permission/check',
    [['read:confluence-content.permission'], ['read:content.permission:confluence']],
  ],
  ['DELETE', '/wiki/rest/api/content/1001/pageTree', [['write:confluence-content']]],
  ['POST', '/wiki/rest/api/content/1001/pagehierarchy/copy', [['write:confluence-content']]],
  ['GET', '/wiki/rest/api/longtask/1001', LONG_TASK],
  ['GET', '/wiki/rest/api/longtask', LONG_TASK],
  ['POST', '/wiki/rest/api/space', [['write:confluence-space'], ['read:space:confluence', 'write:space:confluence']]],
  [
    'POST',
    '/wiki/rest/api/content/1001/child/attachment',
    [['write:confluence-file'], ['read:content-details:confluence', 'write:attachment:confluence']],
  ],
  ['GET', '/wiki/rest/api/content/1001/child/attachment/1001/download', DOWNLOAD],
  ['GET', '/wiki/download/attachments/1001/1001', DOWNLOAD],
];
