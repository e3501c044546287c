/**
 * What the stand-in provider does with each resource, free of the wire: plans computed attributes the
 * configuration leaves null as unknown, plans a replacement where the provider's replacement facts say, and on
 * apply fills each unknown with a value of the right type (a fixture where a stack needs a realistic shape).
 */
import { createHash } from 'crypto';
import { isObject, sameValue, UNKNOWN, Value } from './cty';
import { FIXTURES } from './fixtures';
import { REPLACEMENTS } from './replacements';
import { BlockSchema, blockType, CtyType, Nesting, ProviderSchema } from './schema/model';

function eachItem(nesting: Nesting, value: Value, fn: (item: Value) => Value): Value {
  if (value === null || value === UNKNOWN) return value;
  if (nesting === 'single') return fn(value);
  if (Array.isArray(value)) return value.map(fn);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fn(v)]));
}

/** The value with every computed attribute it leaves null made unknown, and write-only attributes null. */
function withUnknownComputed(block: BlockSchema, value: Value): Value {
  if (!isObject(value)) return value;
  const result: { [key: string]: Value } = { ...value };
  for (const attribute of block.attributes) {
    const current = result[attribute.name] ?? null;
    if (attribute.writeOnly === true) {
      result[attribute.name] = null;
    } else if (current === null && attribute.computed) {
      result[attribute.name] = UNKNOWN;
    } else if (attribute.nested !== undefined) {
      const inner: BlockSchema = { attributes: attribute.nested.attributes, blocks: [] };
      result[attribute.name] = eachItem(attribute.nested.nesting, current, (item) => withUnknownComputed(inner, item));
    }
  }
  for (const nested of block.blocks) {
    result[nested.name] = eachItem(nested.nesting, result[nested.name] ?? null, (item) => withUnknownComputed(nested.block, item));
  }
  return result;
}

function withoutWriteOnly(block: BlockSchema, value: Value): Value {
  if (!isObject(value)) return value;
  const result: { [key: string]: Value } = { ...value };
  for (const attribute of block.attributes) if (attribute.writeOnly === true) result[attribute.name] = null;
  return result;
}

/** Numbers the strings generated on apply, so that every generated ID is unique within a run. */
let generated = 0;

/**
 * A value of `type` for an attribute the provider would have filled: a fixture, or a plain one. Strings end in a
 * number unique within the run, or, for a data source, in a hash of its configuration, so that reading it again
 * gives the same values.
 */
class Filler {
  constructor(private readonly typeName: string, private readonly suffix: () => string = () => String(++generated)) {}

  fill(value: Value, type: CtyType, path: string): Value {
    if (value === UNKNOWN) return this.generate(type, path);
    if (value === null || typeof type === 'string') return value;
    const [kind, element] = type;
    if (kind === 'object') {
      const fields = value as { [key: string]: Value };
      return Object.fromEntries(Object.entries(element).map(([name, t]) => [name, this.fill(fields[name] ?? null, t, path === '' ? name : `${path}.${name}`)]));
    }
    if (kind === 'map') return Object.fromEntries(Object.entries(value as { [key: string]: Value }).map(([k, v]) => [k, this.fill(v, element, path)]));
    return (value as Value[]).map((v) => this.fill(v, element, path));
  }

  private generate(type: CtyType, path: string): Value {
    const fixture = FIXTURES[`${this.typeName}.${path}`];
    if (fixture !== undefined) return fixture;
    const name = path.split('.').pop() ?? path;
    if (type === 'string') return `${name.replace(/_/g, '-')}-${this.suffix()}`;
    if (type === 'number') return /port$/.test(name) ? 6379 : 1;
    if (type === 'bool') return false;
    if (type === 'dynamic') return null;
    const [kind, element] = type;
    if (kind === 'object') return Object.fromEntries(Object.entries(element).map(([n, t]) => [n, this.generate(t, `${path}.${n}`)]));
    if (kind === 'map') return {};
    // A list of objects gets one item, so that `[0]` of a computed block resolves, as it would on the real provider.
    return Array.isArray(element) && element[0] === 'object' ? [this.generate(element, path)] : [];
  }
}

export interface PlannedChange {
  readonly planned: Value;
  /** Top-level attributes whose change forces a new resource. */
  readonly requiresReplace: readonly string[];
}

type LiveObject = { [key: string]: Value };
/** Every applied object of a type that matches, as a cloud's lookup by name would find it. */
type Find = (type: string, match: (o: LiveObject) => boolean) => LiveObject[];

/**
 * Data sources that read a data store the stand-in applied, as the cloud would answer them: the replacement guard reads
 * the versions a data store runs through these, and Memorystore for Valkey the fields one update may change. Each gives the applied objects the configuration names.
 */
const LIVE_READS: Readonly<Record<string, (find: Find, config: LiveObject) => LiveObject[]>> = {
  google_redis_instance: (find, config) => find('google_redis_instance', (o) => o.name === config.name),
  google_memorystore_instance: (find, config) => find('google_memorystore_instance', (o) => o.instance_id === config.instance_id),
  aws_elasticache_replication_group: (find, config) => find('aws_elasticache_replication_group', (o) => o.replication_group_id === config.replication_group_id),
  // Every member cluster runs its group's engine and version, which a refresh sets in the group's state.
  aws_elasticache_cluster: (find, config) => find('aws_elasticache_replication_group', (o) => Array.isArray(o.member_clusters) && o.member_clusters.includes(config.cluster_id ?? null))
    .map((group) => ({ engine: group.engine ?? null, engine_version: group.engine_version ?? null })),
};

/** Computed values the cloud derives from the configuration, where a plain filler value would not do. */
const DERIVED: Readonly<Record<string, (object: { [key: string]: Value }) => { [key: string]: Value }>> = {
  // ElastiCache names a replication group's member clusters <group>-001, -002 and so on.
  aws_elasticache_replication_group: (o) => (Array.isArray(o.member_clusters) && o.member_clusters.length > 0 ? o : {
    ...o,
    member_clusters: Array.from({ length: typeof o.num_cache_clusters === 'number' ? o.num_cache_clusters : 1 }, (_, i) => `${String(o.replication_group_id)}-00${i + 1}`),
  }),
};

export class StandInProvider {
  /** The objects applied and not destroyed, by type: what the data sources of LIVE_READS read. */
  private readonly live = new Map<string, LiveObject[]>();

  constructor(readonly schema: ProviderSchema) {}

  resource(type: string): BlockSchema {
    const block = this.schema.resources[type];
    if (block === undefined) throw new Error(`resource type ${type} is not served`);
    return block;
  }

  dataSource(type: string): BlockSchema {
    const block = this.schema.dataSources[type];
    if (block === undefined) throw new Error(`data source ${type} is not served`);
    return block;
  }

  /**
   * The planned state of a change. Terraform's proposed new state already carries over the prior state's
   * computed values; a create (or the create half of a replacement, which Terraform plans with no prior state)
   * leaves computed attributes unknown. A resource just imported holds only its ID (the stand-in has no cloud to
   * read it from): its first plan takes the configuration as the real object's, replacing nothing.
   */
  plan(type: string, prior: Value, proposed: Value, imported = false): PlannedChange {
    const block = this.resource(type);
    if (proposed === null) return { planned: null, requiresReplace: [] };
    if (prior === null || imported) return { planned: withUnknownComputed(block, proposed), requiresReplace: [] };
    const planned = withoutWriteOnly(block, proposed);
    return { planned, requiresReplace: this.replacing(type, prior, planned) };
  }

  /** The state of an imported resource: its ID, where the type has an `id` attribute, and nothing else known. */
  imported(type: string, id: string): Value {
    const block = this.resource(type);
    return Object.fromEntries(block.attributes.map((a) => [a.name, a.name === 'id' ? id : null]));
  }

  private replacing(type: string, prior: Value, planned: Value): string[] {
    const facts = REPLACEMENTS[type];
    if (facts === undefined || !isObject(prior) || !isObject(planned)) return [];
    const changed = (name: string) => !sameValue(prior[name] ?? null, planned[name] ?? null);
    const always = facts.always.filter(changed);
    const conditional = Object.entries(facts.when ?? {})
      .filter(([name, test]) => changed(name) && (planned[name] === UNKNOWN || test(prior[name] ?? null, planned[name] ?? null)))
      .map(([name]) => name);
    return [...always, ...conditional];
  }

  /** The new state after apply: the planned state with every unknown filled. */
  apply(type: string, planned: Value, prior: Value = null): Value {
    const objects = (this.live.get(type) ?? []).filter((o) => !isObject(prior) || o.id !== prior.id);
    this.live.set(type, objects);
    if (planned === null) return null;
    const filled = new Filler(type).fill(planned, blockType(this.resource(type)), '');
    const derive = DERIVED[type];
    const applied = derive !== undefined && isObject(filled) ? derive(filled) : filled;
    if (isObject(applied)) objects.push(applied);
    return applied;
  }

  /**
   * A data source's state: its configuration with every computed attribute filled; for a data source of LIVE_READS,
   * from the object applied under the name it asks for, and an error, as the cloud's, when there is none. Where
   * several objects hold the name at once (the plan-change walk's modules, which no cloud would allow), only the
   * values they agree on are read; the others are filled as for any other data source.
   */
  read(type: string, config: Value): Value {
    const block = this.dataSource(type);
    const hash = createHash('sha256').update(type).update(JSON.stringify(config)).digest('hex').slice(0, 8);
    const live = LIVE_READS[type];
    let known = config;
    if (live !== undefined && isObject(config)) {
      const found = live((t, match) => (this.live.get(t) ?? []).filter(match), config);
      if (found.length === 0) throw new Error(`${type} ${JSON.stringify(config)}: not found`);
      const names = new Set(block.attributes.map((a) => a.name));
      const agreed = Object.entries(found[0]!).filter(([name, v]) => names.has(name) && found.every((o) => sameValue(o[name] ?? null, v)));
      known = { ...Object.fromEntries(agreed), ...Object.fromEntries(Object.entries(config).filter(([, v]) => v !== null)) };
    }
    return new Filler(type, () => hash).fill(withUnknownComputed(block, known), blockType(block), '');
  }
}

