/**
 * Confluence's long-running tasks: deleting and copying page trees. Both
 * answer at once with a task, polled at `GET /wiki/rest/api/longtask/{id}`
 * (v1 "Long-running task": LongTaskStatusWithLinks) until `finished`.
 * Made as the app; the scripts check the user's own permission first.
 */
import { route } from '@forge/api';
import { z } from 'zod';
import { appGet, sendJson } from './send';

const TaskRef = z.object({ id: z.union([z.string(), z.number()]).transform(String) });

const Message = z.looseObject({
  key: z.string().optional(),
  translation: z.string().optional(),
  args: z.array(z.unknown()).optional(),
});

export const LongTaskStatus = z.looseObject({
  id: z.union([z.string(), z.number()]).transform(String),
  percentageComplete: z.number(),
  successful: z.boolean(),
  /** Absent on older answers: then a task is finished when it reaches 100 %. */
  finished: z.boolean().optional(),
  messages: z.array(Message).default([]),
  errors: z.array(Message).optional(),
});
export type LongTaskStatus = z.infer<typeof LongTaskStatus>;

export const isTaskFinished = (t: LongTaskStatus): boolean => t.finished ?? t.percentageComplete >= 100;

/**
 * Moves a page and every descendant to the trash
 * (v1 "Delete page tree": `DELETE /wiki/rest/api/content/{id}/pageTree`, 202 with a LongTask).
 * Scope: delete:content:confluence (granular: delete:page:confluence).
 */
export async function startDeletePageTree(pageId: string): Promise<string> {
  const answer = await sendJson('DELETE', route`/wiki/rest/api/content/${pageId}/pageTree`, undefined, TaskRef);
  return answer.data.id;
}

export interface CopyHierarchyRequest {
  destinationPageId: string;
  copyAttachments: boolean;
  copyPermissions: boolean;
  copyProperties: boolean;
  copyLabels: boolean;
  copyCustomContents: boolean;
  copyDescendants: boolean;
  titleOptions?: { prefix?: string; replace?: string; search?: string };
}

/**
 * Copies a page and its descendants under another page
 * (v1 "Copy page hierarchy": `POST /wiki/rest/api/content/{id}/pagehierarchy/copy`,
 * CopyPageHierarchyRequest; answers a LongTask). Scope: write:content:confluence.
 */
export async function startCopyPageHierarchy(pageId: string, request: CopyHierarchyRequest): Promise<string> {
  const answer = await sendJson('POST', route`/wiki/rest/api/content/${pageId}/pagehierarchy/copy`, request, TaskRef);
  return answer.data.id;
}

/** A task's status, or undefined when Confluence no longer knows it. Scope: read:content.metadata:confluence. */
export async function longTaskStatus(taskId: string): Promise<LongTaskStatus | undefined> {
  return appGet(route`/wiki/rest/api/longtask/${taskId}`, LongTaskStatus, { allowNotFound: true });
}
