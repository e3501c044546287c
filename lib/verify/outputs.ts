/**
 * Every data store in `terraform output -json`, found by the verify output `addOutputs()` writes for each:
 * `<prefix>_verify`, next to `<prefix>_uri` and, where the backend has one, `<prefix>_ca_certificate`.
 */
import { UsageError } from './errors';
import { ALL_PLANS, ServicePlan } from '../plan/service-plan';

/** The suffix of the non-sensitive output that tells the verifier what to expect of a data store. */
export const VERIFY_OUTPUT = '_verify';

/** One data store of a stack, as its outputs describe it. */
export interface OutputsDataStore {
  /** The outputs' prefix, such as `Redis` or `Team_Cache`. */
  readonly name: string;
  /** The value of `<prefix>_uri`, with its credentials. */
  readonly uri: string;
  /**
   * The PEM value of `<prefix>_ca_certificate`.
   *
   * @default - none: the backend's certificate chains to a public CA (or `--ca` names one)
   */
  readonly ca?: string;
  readonly backend: string;
  readonly plan: ServicePlan;
  readonly luaScripting: boolean;
  /** The eviction policy the data store was made with; undefined when the output leaves it out (the product's noeviction applies). */
  readonly evictionPolicy?: string;
  /** The connection limit the construct promised; undefined when the output leaves it out. */
  readonly maxConnections?: number;
  /** Nodes the construct planned; undefined when the output leaves it out. */
  readonly nodeCount?: number;
}

/** `terraform output -json` gives `{ "<name>": { "value": ..., "type": ..., "sensitive": ... } }`. */
function valueOf(outputs: Record<string, unknown>, name: string): unknown {
  const entry = outputs[name];
  return typeof entry === 'object' && entry !== null && 'value' in entry ? (entry as { value: unknown }).value : undefined;
}

type FieldType = 'string' | 'boolean' | 'number';

/** A field of a verify output, checked against `type`; undefined when absent. */
function optional<T>(record: Record<string, unknown>, key: string, type: FieldType, output: string): T | undefined {
  const value = record[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== type) throw new UsageError(`output ${output} has "${key}": ${JSON.stringify(value)}, which is not a ${type}`);
  return value as T;
}

function required<T>(record: Record<string, unknown>, key: string, type: FieldType, output: string): T {
  const value = optional<T>(record, key, type, output);
  if (value === undefined) throw new UsageError(`output ${output} has no "${key}"; run terraform apply with a version of the library whose addOutputs() writes it`);
  return value;
}

/** Reads the data stores of `terraform output -json` text; `source` names it in errors. */
export function parseOutputs(text: string, source: string): OutputsDataStore[] {
  let outputs: unknown;
  try {
    outputs = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--outputs ${source} is not JSON (${(error as Error).message}); write it with terraform output -json > outputs.json`);
  }
  if (typeof outputs !== 'object' || outputs === null || Array.isArray(outputs)) {
    throw new UsageError(`--outputs ${source} is not an object of outputs; write it with terraform output -json > outputs.json`);
  }
  const all = outputs as Record<string, unknown>;
  const names = Object.keys(all).filter((name) => name.endsWith(VERIFY_OUTPUT)).sort();
  if (names.length === 0) {
    const uris = Object.keys(all).filter((name) => name.endsWith('_uri'));
    throw new UsageError(`--outputs ${source} names no data store: no output ends in "${VERIFY_OUTPUT}"`
      + (uris.length > 0 ? ` (${uris.join(', ')} ${uris.length === 1 ? 'has' : 'have'} no ${VERIFY_OUTPUT} output next to ${uris.length === 1 ? 'it' : 'them'})` : '')
      + '; call addOutputs() on each ChoreoRedis and run terraform apply');
  }
  return names.map((output) => {
    const name = output.slice(0, -VERIFY_OUTPUT.length);
    let verify = valueOf(all, output);
    // A verify value written with jsonencode() arrives as text.
    if (typeof verify === 'string') {
      try {
        verify = JSON.parse(verify);
      } catch {
        throw new UsageError(`output ${output} is not an object: ${JSON.stringify(verify)}`);
      }
    }
    if (typeof verify !== 'object' || verify === null || Array.isArray(verify)) {
      throw new UsageError(`output ${output} is not an object like { "backend": "elasticache", "plan": "business", "lua_scripting": true, ... }`);
    }
    const record = verify as Record<string, unknown>;
    const plan = required<string>(record, 'plan', 'string', output).toLowerCase();
    if (!ALL_PLANS.includes(plan as ServicePlan)) throw new UsageError(`output ${output} has "plan": "${plan}", which is not a plan; one of ${ALL_PLANS.join(', ')}`);
    const uri = valueOf(all, `${name}_uri`);
    if (typeof uri !== 'string' || uri === '') {
      throw new UsageError(`output ${name}_uri is missing or empty; addOutputs() writes it next to ${output}, and terraform output -json shows it although it is sensitive`);
    }
    const ca = valueOf(all, `${name}_ca_certificate`);
    return {
      name,
      uri,
      ca: typeof ca === 'string' && ca.trim() !== '' ? ca : undefined,
      backend: required<string>(record, 'backend', 'string', output),
      plan: plan as ServicePlan,
      luaScripting: required<boolean>(record, 'lua_scripting', 'boolean', output),
      evictionPolicy: optional<string>(record, 'eviction_policy', 'string', output),
      maxConnections: optional<number>(record, 'max_connections', 'number', output),
      nodeCount: optional<number>(record, 'node_count', 'number', output),
    };
  });
}
