/** Shapes shared by the emulator's modules and its public interface. */

export interface KvsEntityIndexDefinition {
  name: string;
  /** `{attribute}` or, as written in manifest.yml, a one-element list of attribute names. */
  range: { attribute: string } | string[];
  partition?: string[];
}

export type KvsAttributeType = 'string' | 'integer' | 'float' | 'boolean' | 'any';

export interface KvsEntityDefinition {
  name: string;
  attributes: Record<string, { type: KvsAttributeType }>;
  indexes?: (string | KvsEntityIndexDefinition)[];
}

export interface KvsHttpResponse {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

/** One stored value. Times are epoch milliseconds from the emulator's clock. */
export interface StoredRecord {
  value: unknown;
  createdAt: number;
  updatedAt: number;
  expiresAt?: number;
}

export type JsonObject = Record<string, unknown>;
