/**
 * What a CONFLICT from saveConfig or importConfig tells the admin: who saved
 * a newer version and when. Pure, unit-tested.
 */
import { isRecord } from '../../../shared/resolverResult';
import { formatDateTime } from '../formatDateTime';
import type { Person } from '../types';

export interface ConflictDetails {
  currentVersion?: number;
  updatedAt?: string;
  updatedBy?: Person;
}

function isPerson(value: unknown): value is Person {
  return isRecord(value) && typeof value.accountId === 'string';
}

export function readConflictDetails(details: unknown): ConflictDetails {
  if (!isRecord(details)) return {};
  return {
    ...(typeof details.currentVersion === 'number' ? { currentVersion: details.currentVersion } : {}),
    ...(typeof details.updatedAt === 'string' ? { updatedAt: details.updatedAt } : {}),
    ...(isPerson(details.updatedBy) ? { updatedBy: details.updatedBy } : {}),
  };
}

/**
 * "Ada Lovelace changed the rules on 24 Nov 2026, 19:53, after you started
 * editing." Falls back to the server's own message when it gave no details.
 */
export function describeConflict(
  details: ConflictDetails,
  serverMessage: string,
  locale?: string,
  timeZone?: string,
): string {
  if (!details.updatedBy && !details.updatedAt) return serverMessage;
  const who = details.updatedBy?.displayName?.trim() || details.updatedBy?.accountId || 'Someone';
  const when = details.updatedAt ? ` on ${formatDateTime(details.updatedAt, locale, timeZone)}` : '';
  return `${who} changed the rules${when}, after you started editing.`;
}
