export * from './app-identity';
export * from './call-recorder';
export * from './forge-fetch';
export * from './invocation';
export * from './web-triggers';
