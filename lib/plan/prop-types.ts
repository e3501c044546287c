/**
 * Run-time checks of props, for callers the TypeScript compiler does not see (plain JavaScript, the other jsii
 * languages, and TypeScript run without type-checking): a key the props do not have, a required prop left out and
 * a value of the wrong type each become a `ChoreoRedisError` naming the prop, before any code uses it. Nothing a
 * caller writes is dropped: an unknown key is refused with the prop it probably meant.
 *
 * The declarations (`PropTypes<P>` tables) drive every check, nested objects and lists of objects included, so a
 * prop declared there is checked without further code.
 */
import { ChoreoRedisError } from './errors';
import { Failures } from './prop-rules';
import { closestMatch } from './regions';
import { renamedPropsOf } from './renamed-props';

/** The type a prop must have. */
export type PropType =
  | 'string'
  | 'number'
  | 'boolean'
  /** An array of strings. */
  | 'string-list'
  /** An object whose values are strings (its keys are the caller's own, such as tag names). */
  | 'string-map'
  /** An instance of a class, such as an engine version. */
  | InstanceType
  /** An object with props of its own. */
  | ShapeType
  /** An array whose every entry has the given type, such as a list of objects with props of their own. */
  | ListType
  /** Any one of several types, such as a typed object or the string form it replaces. */
  | OneOfType;

/** Any one of several types: the first that fits is checked. */
export interface OneOfType {
  readonly oneOf: readonly PropType[];
}

/** An instance of a class, such as an engine version. */
export interface InstanceType {
  readonly isInstance: (value: unknown) => boolean;
  /** The class, as errors name it. */
  readonly name: string;
  /** How a caller makes one, such as `ElastiCacheEngineVersion.VALKEY_8_0`. */
  readonly example: string;
}

/** An object with props of its own. */
export interface ShapeType {
  readonly shape: PropShape;
  /**
   * The interface the object's props belong to, such as `MemorystorePrivateDnsZone`: the renamed-props table is
   * read under this name.
   *
   * @default - no renamed props
   */
  readonly interfaceName?: string;
}

/** An array whose every entry has the given type. */
export interface ListType {
  readonly listOf: PropType;
}

/** A prop the caller must give. */
export interface RequiredProp {
  readonly required: PropType;
  /** The error code when the prop is missing. @default 'MissingProp' */
  readonly code?: string;
  /** What to give, for the error when it is missing, such as `the VPC's ID, "vpc-..."`. */
  readonly fix?: string;
}

/** A prop's declaration: its type, and whether it is required. */
export type PropSpec = PropType | RequiredProp;

/** The props of an object, by name. */
export type PropShape = Readonly<Record<string, PropSpec>>;

/**
 * The declaration of every prop of `P`, optional ones included: a prop left out of the table does not compile, and
 * a prop `P` requires must be declared with `required(...)`, an optional one without.
 */
export type PropTypes<P> = { readonly [K in keyof Required<P>]-?: {} extends Pick<P, K> ? PropType : RequiredProp };

/** Declares a required prop. */
export function required(type: PropType, missing: { readonly code?: string; readonly fix?: string } = {}): RequiredProp {
  return { required: type, ...missing };
}

/** Declares an object prop whose own props are checked, from a table that covers every member of `T`. */
export function shapeOf<T>(types: PropTypes<T>, interfaceName?: string): ShapeType {
  return { shape: types, interfaceName };
}

/** The type part of a declaration. */
export function typeOf(spec: PropSpec): PropType {
  return isRequired(spec) ? spec.required : spec;
}

/** Whether the declaration is of a required prop. */
export function isRequired(spec: PropSpec): spec is RequiredProp {
  return typeof spec === 'object' && 'required' in spec;
}

/** How a value reads in an error: its JavaScript type, and the value itself when short. */
function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  const type = typeof value;
  if (type === 'string') return `the string ${JSON.stringify(String(value).length > 40 ? `${String(value).slice(0, 40)}...` : value)}`;
  if (type === 'number' || type === 'boolean') return `the ${type} ${String(value)}`;
  if (type === 'object') return `an object (${(value as object).constructor?.name ?? 'Object'})`;
  return `a ${type}`;
}

/** The type, as an error states what was expected. */
export function expectedOf(type: PropType): string {
  if (typeof type === 'string') {
    return { 'string': 'a string', 'number': 'a number', 'boolean': 'a boolean (true or false)', 'string-list': 'an array of strings', 'string-map': 'an object of string values' }[type];
  }
  if ('isInstance' in type) return `${/^[AEIOU]/.test(type.name) ? 'an' : 'a'} ${type.name}, such as ${type.example}`;
  if ('listOf' in type) return `an array, each entry ${expectedOf(type.listOf)}`;
  if ('oneOf' in type) return type.oneOf.map(expectedOf).join(' or ');
  return `an object with ${Object.keys(type.shape).join(', ')}`;
}

function fits(value: unknown, type: PropType): boolean {
  switch (type) {
    case 'string': return typeof value === 'string';
    case 'number': return typeof value === 'number';
    case 'boolean': return typeof value === 'boolean';
    case 'string-list': return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 'string-map': return typeof value === 'object' && value !== null && !Array.isArray(value)
      && Object.values(value).every((v) => typeof v === 'string');
    default:
      if ('isInstance' in type) return type.isInstance(value);
      if ('listOf' in type) return Array.isArray(value);
      if ('oneOf' in type) return type.oneOf.some((member) => fits(value, member));
      return typeof value === 'object' && value !== null && !Array.isArray(value);
  }
}

/** How one object's props are checked. */
export interface PropCheckOptions {
  /**
   * How props are named in errors, `%s` standing for the prop, such as `RedisBackend.elastiCache({ %s })`.
   *
   * @default '%s'
   */
  readonly owner?: string;
  /**
   * The interface the props belong to, such as `ElastiCacheBackendProps`: its renamed props (the Changelog's
   * table, `RENAMED_PROPS`) get the new name in the error.
   *
   * @default - no renamed props
   */
  readonly interfaceName?: string;
  /**
   * Keys that belong elsewhere, with where: another object's props that callers put here by mistake, such as
   * `{ allowedCidrs: 'a prop of ChoreoRedis, not of the backend: new ChoreoRedis(scope, id, { allowedCidrs })' }`.
   *
   * @default - none
   */
  readonly elsewhere?: Readonly<Record<string, string>>;
  /**
   * The keys of `elsewhere` that a misspelt key is matched against too (only exact keys are matched against the others):
   * the props a caller confuses with these, rather than another object's that merely look alike.
   *
   * @default - every key of `elsewhere`
   */
  readonly nearElsewhere?: readonly string[];
}

/** The error for a key the props do not declare: its new name, where it belongs, or the closest declared name. */
function unknownKey(key: string, shape: PropShape, prop: string, options: PropCheckOptions): ChoreoRedisError {
  const of = options.interfaceName === undefined ? 'a known prop' : `a prop of ${options.interfaceName}`;
  const renamed = renamedPropsOf(options.interfaceName).find((r) => r.before === key);
  if (renamed !== undefined) {
    return new ChoreoRedisError('RenamedProp',
      `${prop} is no longer ${of}: it was renamed to ${renamed.now}${renamed.note === undefined ? '' : ` (${renamed.note})`}; write ${renamed.now} instead.`);
  }
  const declared = Object.keys(shape);
  const elsewhere = options.elsewhere ?? {};
  const suggestion = closestMatch(key, declared);
  const other = suggestion !== undefined ? undefined
    : key in elsewhere ? key : closestMatch(key, [...options.nearElsewhere ?? Object.keys(elsewhere)]);
  const hint = suggestion !== undefined ? `did you mean ${suggestion}?`
    : other === undefined ? `its props are ${declared.join(', ')}.`
      : other === key ? `${elsewhere[other]}.` : `did you mean ${other}? ${elsewhere[other]}.`;
  return new ChoreoRedisError('UnknownProp', `${prop} is not ${of}; ${hint}`);
}

/**
 * Checks props against their declarations: every key is declared, every required prop is given, and every given
 * prop has its type, nested objects and lists of objects included. `undefined` stands for an omitted prop.
 *
 * @param owner how the props are named in errors (see `PropCheckOptions.owner`), or the options
 */
export function checkPropTypes(props: unknown, types: PropShape, owner: string | PropCheckOptions = '%s'): void {
  propTypeFaults(props, types, owner).failures.throwAny();
}

/** The faults `checkPropTypes` finds, and the props they are about (unknown, of a wrong type or missing). */
export interface PropTypeFaults {
  readonly failures: Failures;
  readonly props: ReadonlySet<string>;
}

/**
 * What `checkPropTypes` would throw, without throwing: the faults, and the props they name, so that the caller can
 * run its value checks on the other props and report every fault in one error.
 *
 * @throws ChoreoRedisError `InvalidType` when `props` is not an object at all
 */
export function propTypeFaults(props: unknown, types: PropShape, owner: string | PropCheckOptions = '%s'): PropTypeFaults {
  const options: PropCheckOptions = typeof owner === 'string' ? { owner } : owner;
  const name = options.owner ?? '%s';
  if (typeof props !== 'object' || props === null || Array.isArray(props)) {
    throw new ChoreoRedisError('InvalidType', `${name.replace('%s', 'props')} is ${describe(props)}; pass an object of props.`);
  }
  // Every key is checked, so that one error names each fault of the object: unknown keys, then wrong types (a caller
  // who wrote a prop learns what is wrong with it first), then missing props.
  const failures = new Failures();
  const faulty = new Set<string>();
  const attempt = (key: string, check: () => void) => {
    const before = failures.count;
    failures.attempt(check);
    if (failures.count > before) faulty.add(key);
  };
  for (const key of Object.keys(props)) {
    if (Object.prototype.hasOwnProperty.call(types, key)) continue;
    attempt(key, () => { throw unknownKey(key, types, name.replace('%s', key), options); });
    // The prop it was likely meant to be is reported too (as missing, or by the unknown key's error): its checks are skipped.
    const meant = renamedPropsOf(options.interfaceName).find((r) => r.before === key)?.now ?? closestMatch(key, Object.keys(types));
    if (meant !== undefined && Object.prototype.hasOwnProperty.call(types, meant)) faulty.add(meant);
  }
  const given = Object.entries(types).filter(([key]) => (props as Record<string, unknown>)[key] !== undefined);
  for (const [key, spec] of given) {
    attempt(key, () => checkValue((props as Record<string, unknown>)[key], typeOf(spec), name, key));
  }
  for (const [key, spec] of Object.entries(types)) {
    if ((props as Record<string, unknown>)[key] === undefined && isRequired(spec)) {
      attempt(key, () => {
        throw new ChoreoRedisError(spec.code ?? 'MissingProp',
          `${name.replace('%s', key)} is missing; it is required: give ${spec.fix ?? expectedOf(spec.required)}.`);
      });
    }
  }
  return { failures, props: faulty };
}

/**
 * Throws the type faults, if any, with the faults `valueChecks` finds in the other props, in one error: unknown keys,
 * wrong types and missing props first, then the value faults. The value checks are skipped when a prop in `needed`
 * is at fault (they cannot run without it); a check that fails otherwise than with `ChoreoRedisError` is left out,
 * as it read what a type fault already names.
 */
export function throwWithValueFaults(faults: PropTypeFaults, valueChecks: () => void, needed: readonly string[] = []): void {
  if (!faults.failures.any) return;
  if (!needed.some((prop) => faults.props.has(prop))) {
    const values = new Failures();
    try {
      values.attempt(valueChecks);
    } catch {
      // Left out: see above.
    }
    faults.failures.join(values);
  }
  faults.failures.throwAny();
}

/** The props without those named, for checks that must not read a value of the wrong type. */
export function withoutProps<P>(props: P, names: ReadonlySet<string>): P {
  return Object.fromEntries(Object.entries(props as object).filter(([key]) => !names.has(key))) as P;
}

/** Checks one value against its type, and an object's or list's members against theirs; `path` is the value's place in `owner`. */
function checkValue(value: unknown, type: PropType, owner: string, path: string): void {
  if (!fits(value, type)) {
    const list = type === 'string-list' && typeof value === 'string' ? ` Wrap a single entry in a list: [${JSON.stringify(value)}].`
      : typeof type === 'object' && 'listOf' in type && fits(value, type.listOf) ? ' Wrap a single entry in a list: [entry].' : '';
    throw new ChoreoRedisError('InvalidType', `${owner.replace('%s', path)} is ${describe(value)}, but must be ${expectedOf(type)}.${list}`);
  }
  if (typeof type !== 'object') return;
  if ('oneOf' in type) {
    checkValue(value, type.oneOf.find((member) => fits(value, member)) ?? type.oneOf[0], owner, path);
    return;
  }
  if ('shape' in type) checkPropTypes(value, type.shape, { owner: owner.replace('%s', `${path}.%s`), interfaceName: type.interfaceName });
  if ('listOf' in type) (value as unknown[]).forEach((entry, i) => checkValue(entry, type.listOf, owner, `${path}[${i}]`));
}
