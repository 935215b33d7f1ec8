import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { validate } from '@forge/manifest';
import { readManifest } from '../../local/host/manifest';

const ROOT = join(__dirname, '..', '..');

describe('manifest.yml', () => {
  it('passes the offline Forge manifest validator with no errors', async () => {
    const cwd = process.cwd();
    process.chdir(ROOT);
    try {
      const result = await validate(false, 'manifest.yml');
      expect(result.errors ?? []).toEqual([]);
      expect(result.success).toBe(true);
    } finally {
      process.chdir(cwd);
    }
  });

  it('declares the two pages, the relay web trigger and runtime nodejs22.x', () => {
    const manifest = readManifest(ROOT);
    expect(manifest.pages.map((p) => [p.moduleType, p.key])).toEqual([
      ['confluence:globalSettings', 'admin-page'],
      ['confluence:spaceSettings', 'space-settings'],
    ]);
    expect(manifest.webTriggers.map((w) => w.key)).toEqual(['relay-trigger']);
  });

  it('asks only for the scopes the code uses', () => {
    // Each scope and the calls that need it (see docs/architecture.md).
    expect(readManifest(ROOT).scopes.sort()).toEqual(
      [
        'storage:app', // rules, audit log
        'read:confluence-user', // current user's operations, users by id, a user's groups
        'read:confluence-groups', // group picker
        'read:space:confluence', // spaces by key, a user's operations in a space, a space's permission assignments
        'read:content-details:confluence', // user search for the picker
        'search:confluence', // space search for the picker
        'read:configuration:confluence', // the site's space role mode
        'read:space.permission:confluence', // the site's space roles, a space's role assignments
        // Built-in scripts (src/confluence/content.ts), each the narrowest granular scope of its endpoint:
        'read:page:confluence', // a space's pages and blog posts (current, trashed), a page, a page's labels
        'read:hierarchical-content:confluence', // a page's descendants (tree targets)
        'read:comment:confluence', // a page's footer and inline comments
        'read:attachment:confluence', // a page's attachments, an attachment's status
        'read:label:confluence', // with write: v1 add/remove labels
        'write:label:confluence', // v1 add/remove labels
        'delete:comment:confluence', // v2 delete footer/inline comment
        'delete:attachment:confluence', // v2 delete (and purge) attachment
        'delete:page:confluence', // v2 purge a trashed page
        'delete:blogpost:confluence', // v2 purge a trashed blog post
        'read:content.permission:confluence', // v1 check the run's user's permission on content
        // Tree scripts (src/confluence/long-tasks.ts, content-copy.ts): v1 pageTree delete and pagehierarchy
        // copy document only the classic scope; the rest the narrowest granular one.
        'write:confluence-content', // v1 delete page tree, copy page hierarchy (long tasks)
        'read:content.metadata:confluence', // v1 long task status
        'write:space:confluence', // v1 create space (Copy Space)
        'write:page:confluence', // v2 create and update pages and blog posts (Copy Space)
        'write:attachment:confluence', // v1 upload an attachment (Copy Space)
      ].sort(),
    );
  });

  it('points each Custom UI resource at a built folder holding index.html', () => {
    const manifest = readManifest(ROOT);
    for (const path of Object.values(manifest.resources)) {
      expect(existsSync(join(ROOT, path, 'index.html'))).toBe(true);
    }
  });
});
