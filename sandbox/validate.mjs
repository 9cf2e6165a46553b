// @ts-check
// Request validation driven by the OpenAPI component schemas, producing pydantic-style
// error entries ({type, loc, msg, input}) so 422 bodies look like FastAPI's.
import { readFileSync } from 'node:fs';
import { HttpError, requestValidationError } from './http.mjs';

const doc = JSON.parse(readFileSync(new URL('../openapi/polar-customer-portal.openapi.json', import.meta.url), 'utf8'));
/** @type {Record<string, any>} */
const schemas = doc.components.schemas;

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const RESERVED_TLDS = new Set(['test', 'invalid', 'local', 'localhost', 'onion', 'arpa']);
const DATETIME = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export const INVALID = Symbol('invalid');

/** @param {readonly unknown[]} values */
const listWords = (values) => {
  const q = values.map((v) => (typeof v === 'string' ? `'${v}'` : JSON.stringify(v)));
  return q.length > 1 ? `${q.slice(0, -1).join(', ')} or ${q[q.length - 1]}` : q[0];
};

/**
 * Pydantic's email check (email-validator), minus DNS: reserved TLDs are refused as
 * `EmailStrDNS` would refuse undeliverable domains.
 * @param {string} value
 */
export function emailProblem(value) {
  if ((value.match(/@/g) ?? []).length !== 1) return 'The email address is not valid. It must have exactly one @-sign.';
  if (!EMAIL.test(value)) return 'The part after the @-sign is not valid. It should have a period.';
  const tld = value.split('.').pop()?.toLowerCase() ?? '';
  if (RESERVED_TLDS.has(tld)) return 'The part after the @-sign is a special-use or reserved name that cannot be used with email.';
  return null;
}

/** @param {string} s */
export const isUuid = (s) => typeof s === 'string' && UUID.test(s);

/**
 * @param {any} schema
 * @param {unknown} value
 * @param {(string|number)[]} loc
 * @param {import('./http.mjs').FieldError[]} errors
 * @returns {unknown}
 */
function check(schema, value, loc, errors) {
  if (schema.$ref) return check(schemas[schema.$ref.split('/').pop()], value, loc, errors);
  if (schema.anyOf || schema.oneOf) {
    const options = schema.anyOf ?? schema.oneOf;
    const nullable = options.some((/** @type {any} */ o) => o.type === 'null');
    if (value === null && nullable) return null;
    const rest = options.filter((/** @type {any} */ o) => o.type !== 'null');
    if (schema.discriminator && value && typeof value === 'object' && !Array.isArray(value)) {
      const prop = schema.discriminator.propertyName;
      const tag = /** @type {any} */ (value)[prop];
      const mapping = schema.discriminator.mapping;
      if (tag === undefined) {
        errors.push({ type: 'union_tag_not_found', loc, msg: `Unable to extract tag using discriminator '${prop}'`, input: value, ctx: { discriminator: `'${prop}'` } });
        return INVALID;
      }
      if (!mapping[tag]) {
        const expected = listWords(Object.keys(mapping));
        errors.push({ type: 'union_tag_invalid', loc, msg: `Input tag '${tag}' found using '${prop}' does not match any of the expected tags: ${expected}`, input: value, ctx: { discriminator: `'${prop}'`, tag: String(tag), expected_tags: expected } });
        return INVALID;
      }
      return check({ $ref: mapping[tag] }, value, [...loc, tag], errors);
    }
    if (rest.length === 1) return check(rest[0], value, loc, errors);
    /** @type {import('./http.mjs').FieldError[]} */
    const all = [];
    for (const option of rest) {
      /** @type {import('./http.mjs').FieldError[]} */
      const errs = [];
      const out = check(option, value, [...loc, option.$ref ? option.$ref.split('/').pop() : option.title ?? option.type], errs);
      if (errs.length === 0) return out;
      all.push(...errs);
    }
    errors.push(...all);
    return INVALID;
  }
  if ('const' in schema) {
    if (value !== schema.const) {
      errors.push({ type: 'literal_error', loc, msg: `Input should be ${listWords([schema.const])}`, input: value, ctx: { expected: listWords([schema.const]) } });
      return INVALID;
    }
    return value;
  }
  if (schema.enum) {
    if (!schema.enum.includes(value)) {
      errors.push({ type: 'enum', loc, msg: `Input should be ${listWords(schema.enum)}`, input: value, ctx: { expected: listWords(schema.enum) } });
      return INVALID;
    }
    return value;
  }
  switch (schema.type) {
    case 'object': {
      if (!value || typeof value !== 'object' || Array.isArray(value)) {
        errors.push({ type: schema.properties ? 'model_attributes_type' : 'dict_type', loc, msg: schema.properties ? 'Input should be a valid dictionary or object to extract fields from' : 'Input should be a valid dictionary', input: value });
        return INVALID;
      }
      const v = /** @type {Record<string, unknown>} */ (value);
      /** @type {Record<string, unknown>} */
      const out = {};
      if (!schema.properties && schema.additionalProperties && typeof schema.additionalProperties === 'object') {
        for (const [k, x] of Object.entries(v)) out[k] = check(schema.additionalProperties, x, [...loc, k], errors);
        return out;
      }
      const required = new Set(schema.required ?? []);
      for (const [k, prop] of Object.entries(schema.properties ?? {})) {
        if (!(k in v)) {
          if (required.has(k)) errors.push({ type: 'missing', loc: [...loc, k], msg: 'Field required', input: value });
          else if ('default' in /** @type {any} */ (prop)) out[k] = /** @type {any} */ (prop).default;
          continue;
        }
        out[k] = check(prop, v[k], [...loc, k], errors);
      }
      for (const k of Object.keys(v)) {
        if (schema.properties?.[k]) continue;
        if (schema.additionalProperties === false) errors.push({ type: 'extra_forbidden', loc: [...loc, k], msg: 'Extra inputs are not permitted', input: v[k] });
      }
      return out;
    }
    case 'array': {
      if (!Array.isArray(value)) {
        errors.push({ type: 'list_type', loc, msg: 'Input should be a valid list', input: value });
        return INVALID;
      }
      return value.map((x, i) => check(schema.items ?? {}, x, [...loc, i], errors));
    }
    case 'string': {
      if (typeof value !== 'string') {
        errors.push({ type: 'string_type', loc, msg: 'Input should be a valid string', input: value });
        return INVALID;
      }
      if (schema.format === 'uuid' || schema.format === 'uuid4') {
        if (!UUID.test(value)) {
          errors.push({ type: 'uuid_parsing', loc, msg: 'Input should be a valid UUID, invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-]', input: value, ctx: { error: 'invalid character' } });
          return INVALID;
        }
        return value.toLowerCase();
      }
      if (schema.format === 'email') {
        const problem = emailProblem(value);
        if (problem) {
          errors.push({ type: 'value_error', loc, msg: `value is not a valid email address: ${problem}`, input: value, ctx: { reason: problem } });
          return INVALID;
        }
      }
      if (schema.format === 'date-time' && (!DATETIME.test(value) || Number.isNaN(Date.parse(value)))) {
        errors.push({ type: 'datetime_from_date_parsing', loc, msg: 'Input should be a valid datetime or date, invalid character in year', input: value, ctx: { error: 'invalid character in year' } });
        return INVALID;
      }
      if (schema.format === 'uri') {
        try { new URL(value); } catch {
          errors.push({ type: 'url_parsing', loc, msg: 'Input should be a valid URL, relative URL without a base', input: value, ctx: { error: 'relative URL without a base' } });
          return INVALID;
        }
      }
      if (schema.minLength != null && value.length < schema.minLength) {
        errors.push({ type: 'string_too_short', loc, msg: `String should have at least ${schema.minLength} character${schema.minLength === 1 ? '' : 's'}`, input: value, ctx: { min_length: schema.minLength } });
        return INVALID;
      }
      if (schema.maxLength != null && value.length > schema.maxLength) {
        errors.push({ type: 'string_too_long', loc, msg: `String should have at most ${schema.maxLength} characters`, input: value, ctx: { max_length: schema.maxLength } });
        return INVALID;
      }
      return value;
    }
    case 'integer':
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value) || (schema.type === 'integer' && !Number.isInteger(value))) {
        const type = schema.type === 'integer' ? 'int' : 'float';
        errors.push({ type: typeof value === 'number' ? `${type}_from_float` : `${type}_type`, loc, msg: `Input should be a valid ${schema.type === 'integer' ? 'integer' : 'number'}`, input: value });
        return INVALID;
      }
      return bounds(schema, value, loc, errors);
    }
    case 'boolean':
      if (typeof value !== 'boolean') {
        errors.push({ type: 'bool_type', loc, msg: 'Input should be a valid boolean', input: value });
        return INVALID;
      }
      return value;
    case 'null':
      if (value !== null) {
        errors.push({ type: 'none_required', loc, msg: 'Input should be None', input: value });
        return INVALID;
      }
      return null;
    default:
      return value;
  }
}

/** @param {any} schema @param {number} value @param {(string|number)[]} loc @param {import('./http.mjs').FieldError[]} errors */
function bounds(schema, value, loc, errors) {
  const rules = [
    ['minimum', (/** @type {number} */ m) => value >= m, 'greater_than_equal', 'greater than or equal to', 'ge'],
    ['exclusiveMinimum', (/** @type {number} */ m) => value > m, 'greater_than', 'greater than', 'gt'],
    ['maximum', (/** @type {number} */ m) => value <= m, 'less_than_equal', 'less than or equal to', 'le'],
    ['exclusiveMaximum', (/** @type {number} */ m) => value < m, 'less_than', 'less than', 'lt'],
  ];
  for (const [key, ok, type, words, ctxKey] of rules) {
    const m = schema[/** @type {string} */ (key)];
    if (m != null && !(/** @type {Function} */ (ok))(m)) {
      errors.push({ type: /** @type {string} */ (type), loc, msg: `Input should be ${words} ${m}`, input: value, ctx: { [/** @type {string} */ (ctxKey)]: m } });
      return INVALID;
    }
  }
  return value;
}

/**
 * Validate a JSON body against a component schema; throws the FastAPI 422 on failure.
 * @param {string} schemaName
 * @param {unknown} body parsed body, `undefined` when empty
 * @returns {any}
 */
export function validateBody(schemaName, body) {
  if (body === undefined) throw requestValidationError([{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }]);
  /** @type {import('./http.mjs').FieldError[]} */
  const errors = [];
  const out = check({ $ref: `#/components/schemas/${schemaName}` }, body, ['body'], errors);
  if (errors.length) throw requestValidationError(errors);
  return out;
}

/**
 * Validate an ad-hoc schema (used for bodies outside the customer-portal contract).
 * @param {any} schema
 * @param {unknown} body
 * @returns {any}
 */
export function validateWith(schema, body) {
  if (body === undefined) throw requestValidationError([{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }]);
  /** @type {import('./http.mjs').FieldError[]} */
  const errors = [];
  const out = check(schema, body, ['body'], errors);
  if (errors.length) throw requestValidationError(errors);
  return out;
}

/**
 * Typed query-string access that collects FastAPI-style errors.
 */
export class Query {
  /** @param {URLSearchParams} params */
  constructor(params) {
    this.params = params;
    /** @type {import('./http.mjs').FieldError[]} */
    this.errors = [];
  }

  /** @param {string} name @param {number} fallback */
  positiveInt(name, fallback) {
    const raw = this.params.get(name);
    if (raw === null) return fallback;
    if (!/^[+-]?\d+$/.test(raw.trim())) {
      this.errors.push({ type: 'int_parsing', loc: ['query', name], msg: 'Input should be a valid integer, unable to parse string as an integer', input: raw });
      return fallback;
    }
    const n = Number(raw);
    if (n <= 0) {
      this.errors.push({ type: 'greater_than', loc: ['query', name], msg: 'Input should be greater than 0', input: raw, ctx: { gt: 0 } });
      return fallback;
    }
    return n;
  }

  /** @param {string} name */
  uuidList(name) {
    return this.params.getAll(name).filter((raw, i) => {
      if (isUuid(raw)) return true;
      this.errors.push({ type: 'uuid_parsing', loc: ['query', name, i], msg: 'Input should be a valid UUID, invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-]', input: raw, ctx: { error: 'invalid character' } });
      return false;
    }).map((s) => s.toLowerCase());
  }

  /** @param {string} name */
  uuid(name) {
    const raw = this.params.get(name);
    if (raw === null || raw === '') return null;
    if (!isUuid(raw)) {
      this.errors.push({ type: 'uuid_parsing', loc: ['query', name], msg: 'Input should be a valid UUID, invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-]', input: raw, ctx: { error: 'invalid character' } });
      return null;
    }
    return raw.toLowerCase();
  }

  /** @param {string} name @param {readonly string[]} allowed */
  enumList(name, allowed) {
    return this.params.getAll(name).filter((raw, i) => {
      if (allowed.includes(raw)) return true;
      this.errors.push({ type: 'enum', loc: ['query', name, i], msg: `Input should be ${listWords(allowed)}`, input: raw, ctx: { expected: listWords(allowed) } });
      return false;
    });
  }

  /** @param {string} name */
  bool(name) {
    const raw = this.params.get(name);
    if (raw === null) return null;
    const v = raw.toLowerCase();
    if (['true', '1', 'yes', 'on', 't', 'y'].includes(v)) return true;
    if (['false', '0', 'no', 'off', 'f', 'n'].includes(v)) return false;
    this.errors.push({ type: 'bool_parsing', loc: ['query', name], msg: 'Input should be a valid boolean, unable to interpret input', input: raw });
    return null;
  }

  /** @param {string} name */
  string(name) {
    return this.params.get(name);
  }

  /**
   * Polar's `sorting` parameter: repeatable, `-` for descending, invalid → enum error.
   * @param {readonly string[]} fields
   * @param {string[]} fallback
   * @returns {[string, boolean][]} [field, descending]
   */
  sorting(fields, fallback) {
    const raw = this.params.getAll('sorting');
    const values = raw.length ? raw : fallback;
    /** @type {[string, boolean][]} */
    const out = [];
    for (const v of values) {
      const desc = v.startsWith('-');
      const field = desc ? v.slice(1) : v;
      if (!fields.includes(field)) {
        this.errors.push({ type: 'enum', loc: ['query', 'sorting'], msg: 'Invalid sorting criterion.', input: v });
        continue;
      }
      out.push([field, desc]);
    }
    return out;
  }

  /** Polar pagination: page/limit > 0, limit silently capped at 100. */
  pagination() {
    const page = this.positiveInt('page', 1);
    const limit = Math.min(this.positiveInt('limit', 10), 100);
    return { page, limit };
  }

  /** Throw the collected errors as one 422. */
  done() {
    if (this.errors.length) throw requestValidationError(this.errors);
  }
}

/**
 * `{items, pagination}` for a sorted list.
 * @template T, U
 * @param {T[]} all
 * @param {{page: number, limit: number}} p
 * @param {(x: T) => U} serialize
 */
export function paginate(all, { page, limit }, serialize) {
  const items = all.slice(limit * (page - 1), limit * page).map(serialize);
  return { items, pagination: { total_count: all.length, max_page: Math.ceil(all.length / limit) } };
}

/**
 * Compare by several keys. `keys` maps a sorting field to a value getter.
 * @template T
 * @param {[string, boolean][]} sorting
 * @param {Record<string, (x: T) => any>} keys
 */
export function comparator(sorting, keys) {
  return (/** @type {T} */ a, /** @type {T} */ b) => {
    for (const [field, desc] of sorting) {
      const x = keys[field](a);
      const y = keys[field](b);
      if (x === y) continue;
      if (x == null) return 1; // nulls last, like Postgres ASC
      if (y == null) return -1;
      const c = x < y ? -1 : 1;
      return desc ? -c : c;
    }
    return 0;
  };
}

/**
 * Validate a uuid path parameter (FastAPI 422 with loc ["path", name]).
 * @param {string} name @param {string} value
 */
export function pathUuid(name, value) {
  if (!isUuid(value)) {
    throw requestValidationError([{ type: 'uuid_parsing', loc: ['path', name], msg: 'Input should be a valid UUID, invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-]', input: value, ctx: { error: 'invalid character' } }]);
  }
  return value.toLowerCase();
}

export { HttpError };
