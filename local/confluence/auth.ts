// Basic auth as Confluence Cloud takes it: base64(email:apiToken).
import { timingSafeEqual } from 'node:crypto';
import type { Caller, Site } from './site';

const sameSecret = (a: string, b: string): boolean => {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * Missing header -> anonymous. A Basic header naming a fixture user's email
 * and API token -> that user. Anything else (other scheme, bad encoding,
 * unknown email, wrong token) -> null, which the caller answers with 401.
 */
export function authenticate(site: Site, header: string | undefined): Caller | null {
  if (header === undefined || header.trim() === '') return { kind: 'anonymous' };
  const match = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header.trim());
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return null;
  const email = decoded.slice(0, colon);
  const token = decoded.slice(colon + 1);
  const user = site.userByEmail(email);
  if (!user || !sameSecret(user.apiToken, token)) return null;
  return { kind: 'user', accountId: user.accountId };
}
