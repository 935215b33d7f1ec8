/**
 * The space settings page's resolver functions (module `space-settings`).
 * The user and the space always come from Forge's context, never from a
 * payload. The page imports these as types only.
 */
import type { z } from 'zod';
import type { AccessExplanation } from './access';
import type { PageSearchResult, SearchPagesPayload } from './page-search';
import type { PeopleSearchResult, SearchPeoplePayload } from './people-search';
import type {
  ListSpaceRunsPayload,
  PreviewScriptPayload,
  RunRefPayload,
  ScriptPreview,
  ScriptRun,
  ScriptRunPage,
  StartScriptPayload,
} from './scripts';

type Fn<P extends z.ZodType, A> = { payload: z.input<P>; answer: A };

export interface SpaceSettingsFunctions {
  getMyScripts: { payload: Record<string, never>; answer: AccessExplanation };
  previewScript: Fn<typeof PreviewScriptPayload, ScriptPreview>;
  startScript: Fn<typeof StartScriptPayload, { runId: string }>;
  getScriptRun: Fn<typeof RunRefPayload, ScriptRun>;
  listScriptRuns: Fn<typeof ListSpaceRunsPayload, ScriptRunPage>;
  cancelScriptRun: Fn<typeof RunRefPayload, ScriptRun>;
  searchPages: Fn<typeof SearchPagesPayload, PageSearchResult>;
  searchPeople: Fn<typeof SearchPeoplePayload, PeopleSearchResult>;
}
