/**
 * Terraform values as they cross the plugin protocol: cty's msgpack encoding, in which an unknown value is the
 * msgpack extension type 0 (Terraform 1.11 may send a refined unknown as extension type 12, read here as a
 * plain unknown). Encoding follows the schema's type, so every object carries all of its attributes.
 */
import { decode, encode, ExtData, ExtensionCodec } from '@msgpack/msgpack';
import { CtyType } from './schema/model';

/** A value Terraform will only know after apply. */
export const UNKNOWN: unique symbol = Symbol('unknown');

export type Value = null | string | number | boolean | typeof UNKNOWN | Value[] | { [key: string]: Value };

const codec = new ExtensionCodec();
for (const type of [0, 12]) codec.register({ type, encode: () => null, decode: () => UNKNOWN });

export function isObject(value: Value): value is { [key: string]: Value } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function decodeValue(bytes: Uint8Array | undefined): Value {
  if (bytes === undefined || bytes.length === 0) return null;
  return decode(bytes, { extensionCodec: codec }) as Value;
}

/** Shapes a value to its type: objects with every attribute, dynamic values as `[type, value]`. */
function shape(value: Value, type: CtyType): unknown {
  if (value === null) return null;
  if (value === UNKNOWN) return new ExtData(0, new Uint8Array([0]));
  if (type === 'dynamic') return [Buffer.from(JSON.stringify(typeOfValue(value))), shape(value, typeOfValue(value))];
  if (typeof type === 'string') return value;
  const [kind, element] = type;
  if (kind === 'object') {
    const fields = value as { [key: string]: Value };
    return Object.fromEntries(Object.entries(element).map(([name, t]) => [name, shape(fields[name] ?? null, t)]));
  }
  if (kind === 'map') return Object.fromEntries(Object.entries(value as { [key: string]: Value }).map(([k, v]) => [k, shape(v, element)]));
  return (value as Value[]).map((v) => shape(v, element));
}

export function encodeValue(value: Value, type: CtyType): Uint8Array {
  return encode(shape(value, type), { extensionCodec: codec });
}

/** The type of a value with no schema type to follow (a dynamic attribute). */
function typeOfValue(value: Value): CtyType {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return ['list', value.length === 0 ? 'dynamic' : typeOfValue(value[0])];
  if (isObject(value)) return ['object', Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeOfValue(v)]))];
  return 'dynamic';
}

/** Whether two values are equal, unknowns included (an unknown equals nothing known). */
export function sameValue(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameValue(v, b[i]!));
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => sameValue(a[k] ?? null, b[k] ?? null));
  }
  return false;
}
