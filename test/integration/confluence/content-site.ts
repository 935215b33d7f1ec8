// A small site with content for the content-route tests: one space (TEAM)
// with a three-level tree, a restricted branch, trashed items, labels,
// comments and attachments; a second space (OPS) to copy into.
import type { SiteDirectoryInput } from '../../../local/confluence';
import { emulatorFor } from './helpers';

const T = (day: number): string =>
  `2025-0${1 + Math.floor(day / 28)}-${String(1 + (day % 28)).padStart(2, '0')}T09:00:00Z`;

export const contentSite = (): SiteDirectoryInput => ({
  users: [
    { accountId: 'u-ada', displayName: 'Ada', email: 'ada@example.com', apiToken: 'local-ada', siteAdmin: true },
    { accountId: 'u-bob', displayName: 'Bob', email: 'bob@example.com', apiToken: 'local-bob', canCreateSpace: true },
    { accountId: 'u-eve', displayName: 'Eve', email: 'eve@example.com', apiToken: 'local-eve' },
    { accountId: 'u-kim', displayName: 'Kim', email: 'kim@example.com', apiToken: 'local-kim' },
  ],
  groups: [
    { id: 'g-all', name: 'everyone', members: ['u-ada', 'u-bob', 'u-eve', 'u-kim'] },
    { id: 'g-legal', name: 'legal', members: ['u-kim'] },
  ],
  spaces: [
    {
      id: '2001',
      key: 'TEAM',
      name: 'Team',
      permissions: [
        { subject: { type: 'group', id: 'g-all' }, operation: { key: 'read', target: 'space' } },
        { subject: { type: 'group', id: 'g-all' }, operation: { key: 'create', target: 'page' } },
        { subject: { type: 'user', id: 'u-bob' }, operation: { key: 'delete', target: 'page' } },
        { subject: { type: 'user', id: 'u-bob' }, operation: { key: 'delete', target: 'blogpost' } },
        { subject: { type: 'user', id: 'u-bob' }, operation: { key: 'delete', target: 'comment' } },
        { subject: { type: 'user', id: 'u-bob' }, operation: { key: 'delete', target: 'attachment' } },
        { subject: { type: 'user', id: 'u-bob' }, operation: { key: 'create', target: 'attachment' } },
        { subject: { type: 'user', id: 'u-bob' }, operation: { key: 'administer', target: 'space' } },
      ],
      pages: [
        { id: '100', title: 'Home', authorId: 'u-ada', createdAt: T(0), labels: ['home'] },
        { id: '110', title: 'Guides', parentId: '100', position: 1, authorId: 'u-bob', createdAt: T(1) },
        {
          id: '120',
          title: 'Policies',
          parentId: '100',
          position: 0,
          authorId: 'u-bob',
          createdAt: T(2),
          labels: ['policy', 'hr'],
        },
        {
          id: '111',
          title: 'Setup',
          parentId: '110',
          authorId: 'u-bob',
          createdAt: T(3),
          body: '<p>Install it.</p>',
          attachments: [
            { id: 'att501', title: 'diagram.png', mediaType: 'image/png', fileSize: 2048, createdAt: T(3) },
            {
              id: 'att502',
              title: 'notes.txt',
              mediaType: 'text/plain',
              fileSize: 17,
              createdAt: T(4),
              authorId: 'u-eve',
            },
            {
              id: 'att503',
              title: 'old.pdf',
              mediaType: 'application/pdf',
              fileSize: 9000,
              createdAt: T(5),
              status: 'trashed',
            },
          ],
          comments: [
            { id: '601', kind: 'footer', authorId: 'u-eve', createdAt: T(4), body: '<p>Thanks</p>' },
            { id: '602', kind: 'inline', authorId: 'u-kim', createdAt: T(5), body: '<p>Typo here</p>' },
            { id: '603', kind: 'footer', authorId: 'u-ada', createdAt: T(6), body: '<p>Updated</p>' },
          ],
        },
        { id: '112', title: 'Usage', parentId: '110', authorId: 'u-bob', createdAt: T(4) },
        {
          id: '121',
          title: 'Legal hold',
          parentId: '120',
          authorId: 'u-kim',
          createdAt: T(5),
          restrictions: { read: { users: ['u-bob'], groups: ['g-legal'] } },
        },
        { id: '122', title: 'Contract', parentId: '121', authorId: 'u-kim', createdAt: T(6) },
        {
          id: '123',
          title: 'Frozen',
          parentId: '120',
          authorId: 'u-ada',
          createdAt: T(7),
          restrictions: { update: { users: ['u-ada'], groups: [] } },
        },
        { id: '130', title: 'Old plan', parentId: '100', authorId: 'u-ada', createdAt: T(8), status: 'trashed' },
      ],
      blogposts: [
        { id: '700', title: 'Kick-off', authorId: 'u-ada', createdAt: T(1), labels: ['news'] },
        { id: '701', title: 'Retired', authorId: 'u-ada', createdAt: T(2), status: 'trashed' },
      ],
    },
    {
      id: '2002',
      key: 'OPS',
      name: 'Operations',
      permissions: [
        { subject: { type: 'group', id: 'g-all' }, operation: { key: 'read', target: 'space' } },
        { subject: { type: 'user', id: 'u-bob' }, operation: { key: 'create', target: 'page' } },
      ],
      pages: [
        { id: '200', title: 'Ops home', authorId: 'u-ada', createdAt: T(0) },
        { id: '210', title: 'Setup', parentId: '200', authorId: 'u-ada', createdAt: T(1) },
      ],
    },
  ],
});

export const contentEmulator = () => emulatorFor(contentSite());

export const as = {
  ada: { kind: 'user', accountId: 'u-ada' },
  bob: { kind: 'user', accountId: 'u-bob' },
  eve: { kind: 'user', accountId: 'u-eve' },
  kim: { kind: 'user', accountId: 'u-kim' },
  app: { kind: 'app' },
  anonymous: { kind: 'anonymous' },
} as const;
