// `@casl/ability` declares its types only through package.json "exports", which
// this project's `moduleResolution: node` does not read; point the import at them.
declare module '@casl/ability' {
  export * from '@casl/ability/dist/types/index';
}
