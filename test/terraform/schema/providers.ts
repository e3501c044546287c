/**
 * The providers the stand-in serves: where each one's schema comes from, and the schema of the types a run asks for.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { deriveBlock, BindingKind } from './bindings';
import { BlockSchema, ProviderSchema } from './model';
import { applyOverlay } from './overlay';

/**
 * The binding module of a type, in the provider's prebuilt binding `@cdktf/provider-<provider>`:
 * `aws_elasticache_user` is `lib/elasticache-user`, its data source `lib/data-aws-elasticache-user`.
 */
function modulePath(provider: string, kind: BindingKind, type: string): string | undefined {
  const rest = type.slice(provider.length + 1).replace(/_/g, '-');
  const dir = kind === 'provider' ? 'provider' : kind === 'data' ? `data-${provider}-${rest}` : rest;
  try {
    return require.resolve(`@cdktf/provider-${provider}/lib/${dir}/index.js`);
  } catch {
    return undefined;
  }
}

export interface SchemaRequest {
  readonly resources: readonly string[];
  readonly dataSources: readonly string[];
}

/**
 * The schema of provider `provider` (its local name: `aws`, `aiven`, ...) for the resource and data source types
 * asked for. A type the provider does not have is left out, so Terraform reports it as it would for the real
 * provider ("Invalid resource type").
 */
export function schemaFor(provider: string, request: SchemaRequest): ProviderSchema {
  if (provider === 'aiven') return aivenSchema(request);
  const derive = (kind: BindingKind, type: string): BlockSchema | undefined => {
    const path = modulePath(provider, kind, type);
    return path === undefined ? undefined : applyOverlay(kind, type, deriveBlock(path, kind));
  };
  const collect = (kind: BindingKind, types: readonly string[]) => Object.fromEntries(types
    .filter((t) => t.startsWith(`${provider}_`))
    .flatMap((t) => { const block = derive(kind, t); return block === undefined ? [] : [[t, block] as const]; }));
  const config = derive('provider', provider);
  if (config === undefined) throw new Error(`no schema for provider "${provider}": install its binding, @cdktf/provider-${provider}`);
  return {
    provider: config,
    resources: collect('resource', request.resources),
    dataSources: collect('data', request.dataSources),
  };
}

interface AivenSchemaFile {
  readonly provider: BlockSchema;
  readonly resources: Readonly<Record<string, BlockSchema>>;
  readonly dataSources: Readonly<Record<string, BlockSchema>>;
}

/** Aiven's schema, written from the provider's documentation at the pinned version by aiven-docs.ts. */
function aivenSchema(request: SchemaRequest): ProviderSchema {
  const aiven = JSON.parse(readFileSync(join(__dirname, 'aiven.json'), 'utf8')) as AivenSchemaFile;
  const pick = (blocks: Readonly<Record<string, BlockSchema>>, types: readonly string[]) =>
    Object.fromEntries(types.filter((t) => blocks[t] !== undefined).map((t) => [t, blocks[t]!]));
  return { provider: aiven.provider, resources: pick(aiven.resources, request.resources), dataSources: pick(aiven.dataSources, request.dataSources) };
}
