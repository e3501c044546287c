/**
 * The stand-in provider servers: one gRPC server per provider on 127.0.0.1, speaking Terraform's plugin protocol 6
 * (`tfplugin6.proto`), plus go-plugin's controller and gRPC's health service, which Terraform calls when it
 * disconnects. Terraform attaches to them through `TF_REATTACH_PROVIDERS` and downloads nothing.
 */
import { join } from 'path';
import * as grpc from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { decodeValue, encodeValue, Value } from './cty';
import { attributeType, AttributeSchema, BlockSchema, blockType, Nesting, ProviderSchema } from './schema/model';
import { StandInProvider } from './stand-in';

const NESTING: Readonly<Record<Nesting, number>> = { single: 1, list: 2, set: 3, map: 4 };

interface DynamicValue { msgpack?: Buffer; json?: Buffer }
interface Diagnostic { severity: number; summary: string; detail?: string }

function protoAttribute(attribute: AttributeSchema): object {
  const base = {
    name: attribute.name,
    required: attribute.required,
    optional: attribute.optional,
    computed: attribute.computed,
    sensitive: attribute.sensitive,
    write_only: attribute.writeOnly === true,
  };
  if (attribute.nested !== undefined) {
    return { ...base, nested_type: { attributes: attribute.nested.attributes.map(protoAttribute), nesting: NESTING[attribute.nested.nesting] } };
  }
  return { ...base, type: Buffer.from(JSON.stringify(attributeType(attribute))) };
}

function protoBlock(block: BlockSchema): object {
  return {
    attributes: block.attributes.map(protoAttribute),
    block_types: block.blocks.map((b) => ({
      type_name: b.name,
      block: protoBlock(b.block),
      nesting: NESTING[b.nesting],
      min_items: b.minItems,
      max_items: b.maxItems,
    })),
  };
}

function protoSchemas(blocks: Readonly<Record<string, BlockSchema>>): Record<string, object> {
  return Object.fromEntries(Object.entries(blocks).map(([type, block]) => [type, { version: 0, block: protoBlock(block) }]));
}

/** The private state of a resource just imported. */
const IMPORTED = Buffer.from('stand-in:imported');

function error(summary: string, detail = ''): Diagnostic {
  return { severity: 1, summary, detail };
}

type Handler = (request: Record<string, unknown>) => object;

/** Wraps a handler: a thrown error becomes an error diagnostic naming the stand-in, never a crashed server. */
function unary(handler: Handler): grpc.handleUnaryCall<Record<string, unknown>, object> {
  return (call, callback) => {
    try {
      callback(null, handler(call.request));
    } catch (e) {
      callback(null, { diagnostics: [error('Stand-in provider error', e instanceof Error ? e.stack ?? e.message : String(e))] });
    }
  };
}

function serviceImplementation(provider: StandInProvider): grpc.UntypedServiceImplementation {
  const { schema } = provider;
  const capabilities = { plan_destroy: false, get_provider_schema_optional: false };
  // Every Terraform run asks for the schema: build the response once.
  const schemaResponse = {
    provider: { version: 0, block: protoBlock(schema.provider) },
    resource_schemas: protoSchemas(schema.resources),
    data_source_schemas: protoSchemas(schema.dataSources),
    server_capabilities: capabilities,
  };
  const value = (dv: unknown): Value => decodeValue((dv as DynamicValue | undefined)?.msgpack);
  const encode = (v: Value, block: BlockSchema) => ({ msgpack: Buffer.from(encodeValue(v, blockType(block))) });
  const empty = () => ({ diagnostics: [] });
  return {
    GetMetadata: unary(() => ({
      server_capabilities: capabilities,
      resources: Object.keys(schema.resources).map((type_name) => ({ type_name })),
      data_sources: Object.keys(schema.dataSources).map((type_name) => ({ type_name })),
    })),
    GetProviderSchema: unary(() => schemaResponse),
    ValidateProviderConfig: unary(empty),
    ValidateResourceConfig: unary(empty),
    ValidateDataResourceConfig: unary(empty),
    ConfigureProvider: unary(empty),
    // The state Terraform wrote is already in the current schema: hand its JSON back.
    UpgradeResourceState: unary((r) => ({ upgraded_state: { json: (r.raw_state as { json?: Buffer } | undefined)?.json ?? Buffer.from('null') } })),
    ReadResource: unary((r) => ({ new_state: r.current_state, private: r.private })),
    PlanResourceChange: unary((r) => {
      const type = r.type_name as string;
      const imported = IMPORTED.equals((r.prior_private as Buffer | undefined) ?? Buffer.alloc(0));
      const { planned, requiresReplace } = provider.plan(type, value(r.prior_state), value(r.proposed_new_state), imported);
      return {
        planned_state: encode(planned, provider.resource(type)),
        requires_replace: requiresReplace.map((name) => ({ steps: [{ attribute_name: name }] })),
        planned_private: Buffer.alloc(0),
        legacy_type_system: true,
      };
    }),
    ApplyResourceChange: unary((r) => {
      const type = r.type_name as string;
      const applied = provider.apply(type, value(r.planned_state), value(r.prior_state));
      return { new_state: encode(applied, provider.resource(type)), private: Buffer.alloc(0), legacy_type_system: true };
    }),
    // An import block: the resource's ID, marked in its private state until its first plan (stand-in.ts, plan).
    ImportResourceState: unary((r) => {
      const type = r.type_name as string;
      const state = provider.imported(type, r.id as string);
      return { imported_resources: [{ type_name: type, state: encode(state, provider.resource(type)), private: IMPORTED }] };
    }),
    ReadDataSource: unary((r) => {
      const type = r.type_name as string;
      return { state: encode(provider.read(type, value(r.config)), provider.dataSource(type)) };
    }),
    GetFunctions: unary(empty),
    CallFunction: unary((r) => ({ error: { text: `the stand-in provider has no function ${String(r.name)}` } })),
    StopProvider: unary(() => ({})),
  };
}

const PROTOCOL = (() => {
  const definition = loadSync(join(__dirname, 'tfplugin6.proto'), { keepCase: true, longs: Number, enums: Number, defaults: false, oneofs: true });
  const provider = (grpc.loadPackageDefinition(definition).tfplugin6 as grpc.GrpcObject).Provider;
  if (typeof provider !== 'function' || !('service' in provider)) throw new Error('tfplugin6.proto defines no Provider service');
  return provider.service;
})();

/** A method whose request and response are empty messages, or fixed bytes: go-plugin's and gRPC's own services. */
function fixedMethod(path: string, response: Buffer): grpc.MethodDefinition<unknown, unknown> {
  return {
    path,
    requestStream: false,
    responseStream: false,
    requestSerialize: () => Buffer.alloc(0),
    requestDeserialize: () => ({}),
    responseSerialize: () => response,
    responseDeserialize: () => ({}),
  };
}

const CONTROLLER = { Shutdown: fixedMethod('/plugin.GRPCController/Shutdown', Buffer.alloc(0)) };
// HealthCheckResponse { status: SERVING }.
const HEALTH = { Check: fixedMethod('/grpc.health.v1.Health/Check', Buffer.from([0x08, 0x01])) };
const answer: grpc.handleUnaryCall<unknown, unknown> = (_call, callback) => callback(null, {});

export interface RunningProviders {
  /** The value of `TF_REATTACH_PROVIDERS` for these providers. */
  readonly reattach: string;
  stop(): Promise<void>;
}

/**
 * Starts one stand-in server per provider address (`registry.terraform.io/hashicorp/aws` -> its schema) on
 * 127.0.0.1, each on a port of the system's choosing.
 */
export async function startProviders(schemas: ReadonlyMap<string, ProviderSchema>): Promise<RunningProviders> {
  const servers: grpc.Server[] = [];
  const reattach: Record<string, object> = {};
  for (const [address, schema] of schemas) {
    const server = new grpc.Server();
    server.addService(PROTOCOL, serviceImplementation(new StandInProvider(schema)));
    server.addService(CONTROLLER, { Shutdown: answer });
    server.addService(HEALTH, { Check: answer });
    const port = await new Promise<number>((resolve, reject) => {
      server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (e, p) => (e === null ? resolve(p) : reject(e)));
    });
    servers.push(server);
    reattach[address] = { Protocol: 'grpc', ProtocolVersion: 6, Pid: process.pid, Test: true, Addr: { Network: 'tcp', String: `127.0.0.1:${port}` } };
  }
  return {
    reattach: JSON.stringify(reattach),
    stop: async () => {
      await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.tryShutdown(() => resolve()))));
    },
  };
}
