/**
 * Copy Space: creates a new space and copies this one into it: the page
 * tree from the home page down (shape and order kept), blog posts, labels
 * and attachments as chosen, and the permissions as one queued
 * permission-change job. Confluence has no copy-space endpoint (DESIGN
 * section 7), so the run is made of work items, each idempotent:
 *
 *   `space`        creates the space as the app with the person as its admin
 *                  (copy-space/space.ts);
 *   `<page id>`    one per source page, in tree order, 100 a chunk; the home
 *                  page's copy is the new home page (copy-space/content.ts);
 *   `<post id>`    one per blog post;
 *   `permissions`  the permission job (copy-space/permissions.ts): individual
 *                  permissions, or role assignments on a site with space roles.
 *
 * What was copied from where stays: the new space's description names the
 * source and the run, the run's scratch maps every source id to its copy,
 * and the run links the new space and the job.
 */
import { rewritePage, spaceBlogposts, contentWithBody } from '../confluence/content-copy';
import { findSpaceById, findSpaceByKeyWithHome, spacePages } from '../confluence/page-tree';
import { fetchRoleMode, listRoles, spaceRoleAssignments } from '../confluence/roles';
import { spaceAssignments } from '../confluence/space-permissions';
import { userMayCreateSpaces } from '../confluence/space-rights';
import { CopySpaceInput, PREVIEW_ITEMS_SHOWN, PreviewItem, ScriptInput } from '../contract/scripts';
import { copyContent, ContentItemData, TargetSpace } from './copy-space/content';
import { forgetRun } from './copy-space/memory';
import { JOB_INFO_KEY, JOB_KEY, JobInfo, jobSentence, queuePermissions } from './copy-space/permissions';
import { copyKindFor, planPermissionCopy, planRoleJob } from './copy-space/permissions-plan';
import { CREATE_CONCURRENCY, creationWaves, MAX_BLOGPOSTS, MAX_PAGES, PAGES_PER_CHUNK } from './copy-space/plan';
import { createTargetSpace, TARGET_KEY } from './copy-space/space';
import { spaceOrder, TreeNode } from './tree/order';
import { loadItemPage, needScratch, saveItemPages } from './tree/run-support';
import { TargetError } from './targets';
import type { Discovery, ItemOutcome, JsonObject, ScriptContext, ScriptModule, WorkItem } from './types';

type Input = ScriptInput<'copy-space'>;

const PAGES = 'pg';
const POSTS = 'bp';

interface Cursor extends JsonObject {
  phase: 'pages' | 'blogposts' | 'permissions';
  page: number;
  pages: number;
  posts: number;
  total: number;
}

/** The new key, checked as Confluence checks it, before anything runs (format: the input schema). */
async function refuseUnusable(ctx: ScriptContext, input: Input): Promise<void> {
  const [taken, mayCreate] = await Promise.all([
    findSpaceByKeyWithHome(input.newSpaceKey),
    userMayCreateSpaces(ctx.scope.accountId),
  ]);
  if (taken) {
    throw new TargetError(
      `A space with key ${taken.key} already exists (${taken.name}): choose another key.`,
      'input.newSpaceKey',
      'BAD_REQUEST',
    );
  }
  if (!mayCreate) {
    throw new TargetError(
      'You may not create spaces on this site: Confluence needs the Create Space permission for that.',
      'input.newSpaceKey',
      'FORBIDDEN',
    );
  }
}

interface Source {
  order: TreeNode[];
  homepageId: string | undefined;
  posts: { id: string; title: string }[];
}

async function readSource(ctx: ScriptContext, input: Input): Promise<Source> {
  const [space, pages, posts] = await Promise.all([
    findSpaceById(ctx.scope.space.id),
    spacePages(ctx.scope.space.id),
    input.copyBlogPosts ? spaceBlogposts(ctx.scope.space.id) : Promise.resolve([]),
  ]);
  const homepageId = space?.homepageId ?? undefined;
  const order = spaceOrder(homepageId, pages);
  if (order.length > MAX_PAGES || posts.length > MAX_BLOGPOSTS) {
    throw new TargetError(
      `This space has ${order.length} pages and ${posts.length} blog posts; the largest a copy supports is ` +
        `${MAX_PAGES} pages and ${MAX_BLOGPOSTS} blog posts.`,
      'input.newSpaceKey',
    );
  }
  return { order, homepageId, posts };
}

/**
 * One item per page, in creation waves (copy-space/plan.ts): every page
 * comes after its parent and its previous sibling, and the pages of a wave
 * do not wait for each other, so a chunk's lanes stay busy.
 */
function pageItems(source: Source): WorkItem[] {
  const previous = new Map<string, string | null>();
  const lastChild = new Map<string | null, string>();
  for (const node of source.order) {
    previous.set(node.id, lastChild.get(node.parentId) ?? null);
    lastChild.set(node.parentId, node.id);
  }
  return creationWaves(source.order)
    .flat()
    .map((node, index) => {
      const data: ContentItemData = {
        kind: 'page',
        chunk: Math.floor(index / PAGES_PER_CHUNK),
        parent: node.parentId,
        previous: previous.get(node.id) ?? null,
        home: node.id === source.homepageId,
      };
      return { id: node.id, title: node.title, data };
    });
}

const postItems = (source: Source): WorkItem[] =>
  source.posts.map((p) => ({
    id: p.id,
    title: p.title,
    data: { kind: 'blogpost', chunk: 0, parent: null, previous: null, home: false } satisfies ContentItemData,
  }));

function after(phase: Cursor['phase'], at: Cursor, input: Input): Cursor | undefined {
  const order: Cursor['phase'][] = ['pages', 'blogposts', 'permissions'];
  for (const next of order.slice(order.indexOf(phase) + 1)) {
    if (next === 'blogposts' && at.posts > 0) return { ...at, phase: next, page: 0 };
    if (next === 'permissions' && input.copyPermissions) return { ...at, phase: next, page: 0 };
  }
  return undefined;
}

/** The preview's sentence on the permission job, by the site's role mode; what cannot be copied goes to `warnings`. */
async function previewPermissions(ctx: ScriptContext, warnings: string[]): Promise<string> {
  const mode = await fetchRoleMode();
  const queued = "queued as one permission change, applied by the relay (the admin page's job list).";
  if (copyKindFor(mode) === 'role') {
    const [source, roles] = await Promise.all([spaceRoleAssignments(ctx.scope.space.id), listRoles()]);
    const plan = planRoleJob(source, [], ctx.scope.accountId, roles);
    if (plan.skipped.length) warnings.push(`Not copied: ${plan.skipped.slice(0, 5).join('; ')}.`);
    if (mode === 'ROLES_TRANSITION')
      warnings.push(
        'This site has both space roles and individual permissions and prefers roles: role assignments are copied, individual permissions no role gives are not.',
      );
    return ` ${plan.rows.length} role assignments are ${queued}${plan.keptRunner ? ' Yours is left out: you are the new space’s admin already.' : ''}`;
  }
  const plan = planPermissionCopy(await spaceAssignments(ctx.scope.space.id), {
    id: '0',
    key: '',
    name: '',
    assignments: [],
  });
  if (plan.skipped.length)
    warnings.push(`Not copied (only users and groups can be): ${plan.skipped.slice(0, 5).join('; ')}.`);
  return ` ${plan.rows.length} space permissions are ${queued}`;
}

/** The new space, read once per run and process (it never changes once created). */
const targets = new Map<string, TargetSpace>();

async function loadTarget(ctx: ScriptContext): Promise<TargetSpace> {
  const known = targets.get(ctx.runId!);
  if (known) return known;
  const target = await needScratch(ctx.scratch).get<TargetSpace>(TARGET_KEY);
  if (!target) throw new TargetError('The new space was not created, so nothing was copied.', 'input.newSpaceKey');
  if (targets.size > 20) targets.delete(targets.keys().next().value!);
  targets.set(ctx.runId!, target);
  return target;
}

export const copySpace: ScriptModule<typeof CopySpaceInput> = {
  key: 'copy-space',
  input: CopySpaceInput,
  permanent: () => false,
  chunkSize: PAGES_PER_CHUNK,
  concurrency: CREATE_CONCURRENCY,

  async checkStart(ctx, input) {
    await refuseUnusable(ctx, input);
  },

  async preview(ctx, input) {
    await refuseUnusable(ctx, input);
    const source = await readSource(ctx, input);
    const items: PreviewItem[] = source.order.slice(0, PREVIEW_ITEMS_SHOWN).map((n) => ({
      id: n.id,
      kind: 'page',
      title: n.title,
      depth: n.depth,
      reason: n.id === source.homepageId ? 'the home page' : n.depth === 0 ? 'a top-level page' : 'a page of the tree',
      action:
        n.id === source.homepageId ? `becomes the home page of ${input.newSpaceKey}` : `copy into ${input.newSpaceKey}`,
    }));
    const warnings = ['Copies are new content: their authors and dates are yours and today’s, not the originals’.'];
    const permissionWords = input.copyPermissions ? await previewPermissions(ctx, warnings) : '';
    const extras = [input.copyLabels && 'labels', input.copyAttachments && 'attachments'].filter(Boolean).join(' and ');
    return {
      scriptKey: 'copy-space',
      total: source.order.length + source.posts.length,
      items,
      permanent: false,
      summary:
        `Creates the space ${input.newSpaceName} (${input.newSpaceKey}) with you as its admin, and copies ` +
        `${source.order.length} pages (tree shape and order kept)` +
        (input.copyBlogPosts ? ` and ${source.posts.length} blog posts` : '') +
        (extras ? `, with their ${extras}.` : '.') +
        permissionWords,
      warnings,
    };
  },

  async discover(ctx, input, cursor): Promise<Discovery> {
    const scratch = needScratch(ctx.scratch);
    if (!cursor) {
      const source = await readSource(ctx, input);
      const pages = await saveItemPages(scratch, PAGES, pageItems(source), PAGES_PER_CHUNK);
      const posts = await saveItemPages(scratch, POSTS, postItems(source), PAGES_PER_CHUNK);
      const total = 1 + source.order.length + source.posts.length + (input.copyPermissions ? 1 : 0);
      const next: Cursor = { phase: 'pages', page: 0, pages, posts, total };
      return { items: [{ id: 'space', title: `${input.newSpaceName} (${input.newSpaceKey})` }], next, total };
    }
    const at = cursor as Cursor;
    await loadTarget(ctx); // no space, no copy: the run ends here with the reason
    if (at.phase === 'permissions')
      return { items: [{ id: 'permissions', title: 'Space permissions' }], total: at.total };
    const list = at.phase === 'pages' ? PAGES : POSTS;
    const count = at.phase === 'pages' ? at.pages : at.posts;
    const items = count > 0 ? await loadItemPage(scratch, list, at.page) : [];
    const next = at.page + 1 < count ? { ...at, page: at.page + 1 } : after(at.phase, at, input);
    return { items, total: at.total, ...(next ? { next } : {}) };
  },

  async apply(ctx, input, item): Promise<ItemOutcome> {
    if (item.id === 'space') return createTargetSpace(ctx, input, item);
    if (item.id === 'permissions') return queuePermissions(ctx, await loadTarget(ctx), item);
    const data = item.data as unknown as ContentItemData;
    const scratch = needScratch(ctx.scratch);
    return copyContent(
      ctx,
      () => loadTarget(ctx),
      item,
      input,
      async () => (await loadItemPage(scratch, data.kind === 'page' ? PAGES : POSTS, data.chunk)).map((i) => i.id),
      async (title, body) => {
        const target = await loadTarget(ctx);
        const home = await contentWithBody('page', target.homepageId);
        await rewritePage(target.homepageId, title, body, home?.version ?? 1);
      },
    );
  },

  async finish(ctx, _input, progress) {
    const scratch = needScratch(ctx.scratch);
    forgetRun(ctx.runId!);
    const [target, jobId, jobInfo] = await Promise.all([
      scratch.get<TargetSpace>(TARGET_KEY),
      scratch.get<string>(JOB_KEY),
      scratch.get<JobInfo>(JOB_INFO_KEY),
    ]);
    if (!target) return { message: 'The new space was not created, so nothing was copied (see the failure).' };
    return {
      message:
        `Copied into the new space ${target.name} (${target.key}): ${progress.done} of ${progress.total} steps done` +
        (progress.failed ? `, ${progress.failed} not copied (each with the reason).` : '.') +
        (jobId ? jobSentence(jobInfo) : ''),
      links: { spaceKey: target.key, ...(jobId ? { permissionJobId: jobId } : {}) },
    };
  },
};
