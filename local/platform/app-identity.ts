/** The identity of the app installation the local host pretends to be. */
export interface AppIdentity {
  appId: string;
  environmentId: string;
  environmentType: 'DEVELOPMENT';
  installationId: string;
  cloudId: string;
  /** Scopes from manifest.yml: product calls outside them are refused. */
  scopes: readonly string[];
  /** Base URL of the emulated site, e.g. http://127.0.0.1:8000 */
  siteUrl: string;
}

export const installContextOf = (app: AppIdentity): string => `ari:cloud:confluence::site/${app.cloudId}`;
