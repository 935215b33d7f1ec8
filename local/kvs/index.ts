/**
 * Local emulation of the Forge Key-Value Store and Custom Entity Store
 * service, answering the calls the @forge/kvs SDK makes through
 * `global.__forge_fetch__({type: 'kvs'}, path, init)`. See docs/local-kvs.md.
 */
export { KvsEmulator, toFetchResponse } from './emulator';
export type { KvsEmulatorOptions } from './emulator';
export { DEFAULT_KVS_LIMITS } from './limits';
export type { KvsLimits } from './limits';
export { KvsErrorCode } from './errors';
export type { KvsErrorCodeName } from './errors';
export type { KvsAttributeType, KvsEntityDefinition, KvsEntityIndexDefinition, KvsHttpResponse } from './types';
