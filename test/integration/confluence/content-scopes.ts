// The scope sets of the content routes, as their reference pages list them
// (scopes.test.ts checks every route against its table).
const PAGE_READ = [['read:page:confluence']];
const COMMENT_READ = [['read:comment:confluence']];
const ATTACHMENT_READ = [['read:attachment:confluence']];

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
];
