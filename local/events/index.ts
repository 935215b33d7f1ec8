export * from './emulator';
export * from './limits';
export type { PushedEvent, PushRequest } from './validate';
