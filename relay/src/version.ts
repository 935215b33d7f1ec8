export const RELAY_VERSION = '1.0.0';
