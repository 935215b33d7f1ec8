// The relay reports its version to the app; relay/package.json is the one
// place it is written (the bundle inlines this field only).
import relayPackage from '../package.json';

export const RELAY_VERSION: string = relayPackage.version;
