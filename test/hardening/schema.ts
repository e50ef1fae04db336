import fc from 'fast-check';
import * as v from 'valibot';

// Reads a route's valibot schema (shared/api) to make bodies: a valid sample, and hostile variants of it.
// Only the schema kinds the route table uses are known; anything else is sampled as a string.

type Schema = v.GenericSchema & { type: string; pipe?: readonly { kind: string; type: string; requirement?: unknown }[]; [k: string]: unknown };

const base = (s: Schema): Schema => (s.pipe ? (s.pipe[0] as Schema) : s);
const actions = (s: Schema) => (s.pipe ? s.pipe.slice(1) : []);
const requirement = (s: Schema, type: string) => actions(s).find((a) => a.type === type)?.requirement;

const STRING_CANDIDATES = ['测试', 'abc', 'a@example.org', '2020-01-01', '0591-12345678', 'city', 'a'.repeat(64).replace(/^a{64}$/, 'ab1'), 'application/pdf', 'a'.repeat(64)];

/** A value the schema accepts, when one of the simple candidates does (else the closest try). */
export function sample(schema: v.GenericSchema): unknown {
  const s = schema as Schema;
  const b = base(s);
  switch (b.type) {
    case 'object': {
      const entries = b.entries as Record<string, Schema>;
      return Object.fromEntries(Object.entries(entries).map(([k, e]) => [k, sample(e)]));
    }
    case 'optional':
    case 'nullable':
    case 'exact_optional':
    case 'nullish':
      return sample(b.wrapped as Schema);
    case 'picklist':
      return (b.options as unknown[])[0];
    case 'boolean':
      return true;
    case 'number': {
      const min = requirement(s, 'min_value') as number | undefined;
      const multiple = requirement(s, 'multiple_of') as number | undefined;
      const n = min ?? 1;
      return multiple ? Math.ceil(n / multiple) * multiple : n;
    }
    case 'array': {
      const min = (requirement(s, 'min_length') as number | undefined) ?? 0;
      return Array.from({ length: min }, () => sample(b.item as Schema));
    }
    case 'record':
      return {};
    case 'string': {
      const regex = requirement(s, 'regex') as RegExp | undefined;
      const max = requirement(s, 'max_length') as number | undefined;
      const candidates = [...STRING_CANDIDATES, '0'.repeat(64), '01J' + '0'.repeat(23)];
      for (const c of candidates) if (v.is(schema, c)) return c;
      if (regex?.source.includes('0-9a-f')) return '0'.repeat(64);
      return 'x'.repeat(Math.min(3, max ?? 3));
    }
    default:
      return 'x';
  }
}

/** The paths (as key lists) of every field the schema names, nested objects included. */
export function fieldPaths(schema: v.GenericSchema, prefix: string[] = []): string[][] {
  const b = base(schema as Schema);
  if (b.type === 'optional' || b.type === 'nullable' || b.type === 'nullish') return fieldPaths(b.wrapped as Schema, prefix);
  if (b.type !== 'object') return [];
  const out: string[][] = [];
  for (const [k, e] of Object.entries(b.entries as Record<string, Schema>)) {
    out.push([...prefix, k]);
    out.push(...fieldPaths(e, [...prefix, k]));
  }
  return out;
}

/** Strings a form field should never take as they are: control characters, lone surrogates, markup, bidi overrides, huge. */
export const hostileString = fc.oneof(
  fc.constantFrom('', ' ', '\u0000', '\u0007bell', 'a\u202Egnp.exe', '\uD800', 'x\uDFFFy', '<script>alert(1)</script>', "' OR '1'='1", '{{7*7}}', '${7*7}', '../../etc/passwd', '%00', '\r\n\r\nX-Injected: 1'),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer({ min: 257, max: 60_000 }).map((n) => '長'.repeat(n)),
);

/** Any JSON value of the wrong kind, or one at the edge. */
const hostileValue = fc.oneof(
  hostileString,
  fc.constantFrom(null, true, false, 0, -1, -0, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 101, 3, [], {}, [null], { __proto__: { admin: true } }, { constructor: { prototype: { x: 1 } } }),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.array(fc.string(), { maxLength: 5 }),
  fc.letrec((tie) => ({ deep: fc.oneof({ depthSize: 'small' }, fc.constant({}), fc.record({ a: tie('deep') })) })).deep,
);

function setAt(body: unknown, path: readonly string[], value: unknown, remove: boolean): unknown {
  if (path.length === 0) return value;
  const copy: Record<string, unknown> = body && typeof body === 'object' && !Array.isArray(body) ? { ...(body as Record<string, unknown>) } : {};
  const [head, ...rest] = path as [string, ...string[]];
  if (rest.length === 0 && remove) delete copy[head];
  else copy[head] = setAt(copy[head], rest, value, remove);
  return copy;
}

const MAX_JSON = 1024 * 1024;
const NOT_JSON = Symbol('not JSON');
function parsed(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return NOT_JSON;
  }
}

/** A hostile body for the schema: one field (or the whole body) replaced, removed, or the body not even JSON. */
export interface HostileBody {
  readonly raw?: string;
  readonly json?: unknown;
  readonly contentType?: string;
  readonly what: string;
}

/** Hostile bodies the schema refuses (each one must come back 400/413/415 with a code and both languages, having written nothing). */
export function hostileBodies(schema: v.GenericSchema): fc.Arbitrary<HostileBody> {
  const valid = sample(schema);
  const paths = fieldPaths(schema);
  const mutated = fc
    .record({ path: paths.length ? fc.constantFrom(...paths) : fc.constant([] as string[]), value: hostileValue, remove: fc.boolean() })
    .map(({ path, value, remove }) => ({ json: setAt(valid, path, value, remove), what: `${path.join('.') || 'body'} ${remove ? 'removed' : `= ${JSON.stringify(value)?.slice(0, 40)}`}` }));
  const whole = hostileValue.map((value) => ({ json: value, what: `whole body = ${JSON.stringify(value)?.slice(0, 40)}` }));
  const raw = fc.oneof(
    fc.constantFrom('{', '{"a":', 'null', '\uFEFF{}', '[1,2', '{"__proto__":{"admin":true}}', '{"a":1,"a":2}', 'NaN', "{'a':1}"),
    fc.string({ maxLength: 30 }),
  ).map((text) => ({ raw: text, what: `raw ${JSON.stringify(text).slice(0, 40)}` }));
  const wrongType = fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp').map((contentType) => ({ raw: JSON.stringify(valid), contentType, what: `content-type ${contentType}` }));
  const tooLarge = fc.constant({ raw: JSON.stringify({ ...(valid as object), pad: 'x'.repeat(1024 * 1024 + 10) }), what: 'body over 1 MiB' });
  return fc
    .oneof({ arbitrary: mutated, weight: 12 }, { arbitrary: whole, weight: 3 }, { arbitrary: raw, weight: 3 }, { arbitrary: wrongType, weight: 1 }, { arbitrary: tooLarge, weight: 1 })
    .filter((h: HostileBody) => h.contentType !== undefined || h.raw?.length! > MAX_JSON || !v.is(schema, h.raw !== undefined ? parsed(h.raw) : h.json));
}

/** Path segments a route's parameter should never take as they are. */
export const HOSTILE_SEGMENTS = ['..', '%2e%2e', '..%2f..%2fetc', '%00', '%ED%A0%80', '%F0%9F%92%A9', '%', '%zz', 'a'.repeat(3000), '__proto__', 'constructor', 'CON', '%3Cscript%3E', "'%20OR%201=1", '-1', '1e999', '%E2%80%AE', 'ROUND%23x', 'SESSION%23x'] as const;

/** Path segments a route's parameter should never take as they are: the known ones, then random ones. */
export const hostileSegment = fc.oneof(
  fc.string({ minLength: 1, maxLength: 30 }).map((s) => encodeURIComponent(s)),
);

/** Query strings a list route should never trip over. */
export const hostileQuery = fc.oneof(
  fc.constantFrom('limit=-1', 'limit=1e9', 'limit=abc', 'after=-5', 'after=%00', 'roundId=', 'roundId=%ED%A0%80', 'q=%25', 'q=' + 'x'.repeat(5000), 'status=__proto__', 'roundId=a&roundId=b', 'district=%3Cb%3E', '%=%', 'a[b]=c'),
  fc.dictionary(fc.constantFrom('roundId', 'limit', 'after', 'q', 'status', 'district', 'industry'), fc.string({ maxLength: 20 }), { maxKeys: 3 }).map((d) => new URLSearchParams(d).toString()),
);
