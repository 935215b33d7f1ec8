/** The data `exportConfig` and `importConfig` answer with (src/contract/admin-page.ts). Pure. */
export type { ExportAnswer, ImportAnswer } from '../../../../src/contract/admin-page';
