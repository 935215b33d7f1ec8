/**
 * The Custom Entity Store's schema: entities declared in manifest.yml
 * (app.storage.entities), their typed attributes and their indexes.
 */
import { badRequest, invalidBody, KvsErrorCode } from './errors';
import type { KvsLimits } from './limits';
import { isObject } from './request';
import type { KvsAttributeType, KvsEntityDefinition, KvsEntityIndexDefinition } from './types';

/** The manifest schema's entity name pattern (@forge/manifest). */
const ENTITY_NAME_PATTERN = /^(?![_.-])(?!.*\.{2})[a-z0-9:\-_.]*(?<![.])$/;
const ATTRIBUTE_NAME_PATTERN = /^[a-zA-Z][a-zA-Z0-9_]*$/;
const ATTRIBUTE_TYPES: readonly KvsAttributeType[] = ['string', 'integer', 'float', 'boolean', 'any'];

export interface EntityIndex {
  name: string;
  range: string;
  partition: string[];
}

export interface EntitySchema {
  name: string;
  attributes: ReadonlyMap<string, KvsAttributeType>;
  indexes: ReadonlyMap<string, EntityIndex>;
}

function rangeAttribute(index: KvsEntityIndexDefinition, entity: string): string {
  const range = index.range;
  if (Array.isArray(range)) {
    if (range.length !== 1 || typeof range[0] !== 'string') {
      throw new Error(`Entity ${entity}: index ${index.name} must name exactly one range attribute`);
    }
    return range[0];
  }
  if (!range || typeof range.attribute !== 'string') {
    throw new Error(`Entity ${entity}: index ${index.name} has no range attribute`);
  }
  return range.attribute;
}

/** Turns a manifest definition into a schema; a bad definition is a configuration error. */
function compile(def: KvsEntityDefinition, limits: KvsLimits): EntitySchema {
  const name = def.name;
  if (
    typeof name !== 'string' ||
    name.length < limits.minEntityNameLength ||
    name.length > limits.maxEntityNameLength ||
    !ENTITY_NAME_PATTERN.test(name)
  ) {
    throw new Error(`Entity name ${JSON.stringify(name)} is not valid in app.storage.entities`);
  }
  const attributes = new Map<string, KvsAttributeType>();
  for (const [attr, spec] of Object.entries(def.attributes ?? {})) {
    if (!ATTRIBUTE_NAME_PATTERN.test(attr)) throw new Error(`Entity ${name}: attribute name ${attr} is not valid`);
    if (!spec || !ATTRIBUTE_TYPES.includes(spec.type)) {
      throw new Error(`Entity ${name}: attribute ${attr} needs a type out of ${ATTRIBUTE_TYPES.join(', ')}`);
    }
    attributes.set(attr, spec.type);
  }
  const indexes = new Map<string, EntityIndex>();
  for (const raw of def.indexes ?? []) {
    const index: EntityIndex =
      typeof raw === 'string'
        ? { name: raw, range: raw, partition: [] }
        : { name: raw.name, range: rangeAttribute(raw, name), partition: [...(raw.partition ?? [])] };
    for (const attr of [index.range, ...index.partition]) {
      if (!attributes.has(attr))
        throw new Error(`Entity ${name}: index ${index.name} uses undeclared attribute ${attr}`);
    }
    if (indexes.has(index.name)) throw new Error(`Entity ${name}: index ${index.name} is declared twice`);
    indexes.set(index.name, index);
  }
  return { name, attributes, indexes };
}

function matchesType(value: unknown, type: KvsAttributeType): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'float':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'any':
      return value !== undefined;
  }
}

export class EntityRegistry {
  private readonly schemas = new Map<string, EntitySchema>();

  constructor(
    definitions: readonly KvsEntityDefinition[] | undefined,
    private readonly limits: KvsLimits,
  ) {
    for (const def of definitions ?? []) {
      const schema = compile(def, limits);
      if (this.schemas.has(schema.name)) throw new Error(`Entity ${schema.name} is declared twice`);
      this.schemas.set(schema.name, schema);
    }
  }

  /** The declared entity for a request's entityName, with the documented errors. */
  resolve(entityName: unknown): EntitySchema {
    if (entityName === undefined) throw invalidBody('entityName is required');
    if (typeof entityName !== 'string') throw invalidBody('entityName must be a string');
    if (entityName.length < this.limits.minEntityNameLength) {
      throw badRequest(
        KvsErrorCode.ENTITY_TYPE_TOO_SHORT,
        `The provided entity name needs to be at least ${this.limits.minEntityNameLength} characters.`,
      );
    }
    if (entityName.length > this.limits.maxEntityNameLength) {
      throw badRequest(
        KvsErrorCode.ENTITY_TYPE_TOO_LARGE,
        `The provided entity name has exceeded the maximum ${this.limits.maxEntityNameLength} characters.`,
      );
    }
    if (!ENTITY_NAME_PATTERN.test(entityName)) {
      throw badRequest(
        KvsErrorCode.INVALID_ENTITY_TYPE,
        `The provided entity name does not match the regex: ${ENTITY_NAME_PATTERN.source}`,
      );
    }
    const schema = this.schemas.get(entityName);
    if (!schema) {
      throw badRequest(
        KvsErrorCode.INVALID_ENTITY_TYPE,
        `Entity '${entityName}' is not declared in manifest.yml (app.storage.entities).`,
      );
    }
    return schema;
  }

  /** An entity value is an object whose every attribute is declared and of its declared type. */
  validateValue(schema: EntitySchema, value: unknown): void {
    if (!isObject(value)) {
      throw badRequest(
        KvsErrorCode.INVALID_ENTITY_VALUE,
        `A value of entity '${schema.name}' must be an object of its attributes.`,
      );
    }
    for (const [attr, attrValue] of Object.entries(value)) {
      const type = schema.attributes.get(attr);
      if (!type) {
        throw badRequest(
          KvsErrorCode.INVALID_ENTITY_VALUE,
          `Attribute '${attr}' is not declared for entity '${schema.name}'.`,
        );
      }
      if (!matchesType(attrValue, type)) {
        throw badRequest(
          KvsErrorCode.INVALID_ENTITY_VALUE,
          `Attribute '${attr}' of entity '${schema.name}' must be of type ${type}, got ${JSON.stringify(attrValue)}.`,
        );
      }
    }
  }

  index(schema: EntitySchema, indexName: unknown): EntityIndex {
    if (typeof indexName !== 'string') throw invalidBody('indexName must be a string');
    const index = schema.indexes.get(indexName);
    if (!index) {
      throw badRequest(
        KvsErrorCode.INVALID_ENTITY_INDEX,
        `Index '${indexName}' is not declared for entity '${schema.name}' (declared: ${[...schema.indexes.keys()].join(', ') || 'none'}).`,
      );
    }
    return index;
  }
}
