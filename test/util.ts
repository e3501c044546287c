import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App, TerraformOutput, TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import type { BackendDefinition, Planned } from '../lib/backends/definition';
import {
  ConformanceFinding, DataStoreInput, IsUnresolved, conformanceList, judgeConformance, resolveRequest, validateRegion,
} from '../lib/plan';

/**
 * The output directory of every app testStack makes in this test file: Testing.synth writes its own directory, and
 * these apps are never synthesized whole, so one directory serves them all rather than a new one per stack.
 */
let testOutdir: string | undefined;

/** A fresh stack in a test app; `configure` adds the providers the backend under test needs. */
export function testStack(configure: (stack: TerraformStack) => void = () => {}, id = 'test'): TerraformStack {
  testOutdir ??= mkdtempSync(join(tmpdir(), 'cdktf.outdir.'));
  const app: App = Testing.app({ outdir: testOutdir });
  const stack = new TerraformStack(app, id);
  configure(stack);
  return stack;
}

/** The synthesized stack as JSON, with cdktf's validations (such as provider presence) run. */
export function synthJson(stack: TerraformStack): { resource: Record<string, Record<string, any>>; output?: Record<string, any> } {
  return JSON.parse(Testing.synth(stack, true));
}

/** The resources of one Terraform type, by logical ID. */
export function resourcesOf(stack: TerraformStack, type: string): Record<string, any> {
  return synthJson(stack).resource[type] ?? {};
}

/** Warnings that `Annotations` attached to a construct. */
export function warningsOf(construct: Construct): string[] {
  return construct.node.metadata.filter((m) => m.type === '@cdktf/warn' || m.type === 'aws:cdk:warning').map((m) => String(m.data));
}

/** What a token becomes in the synthesized Terraform: the value of a throw-away output. */
export function resolved(stack: TerraformStack, value: unknown): unknown {
  const id = `probe${stack.node.children.length}`;
  new TerraformOutput(stack, id, { value });
  return JSON.parse(Testing.synth(stack)).output[id].value;
}

/** The `code` of the error `fn` throws, or undefined when it throws none. */
export function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
}

/** Token text as cdktf writes it, for plan tests that pass tokens without a stack. */
export const TOKEN = '${TfToken[TOKEN.1]}';

/** Tells tokens from literal values the way the plan tests need: any value holding cdktf's token text. */
export const isTokenText = (value: unknown): boolean => typeof value === 'string' && value.includes('${TfToken');

/**
 * A backend's plan for one data store, without synthesis: the request resolved from `input` and planned with
 * the definition's own validation, as `RedisBackend` and `ChoreoRedis` would, minus the rendering.
 *
 * @param path the construct path names are derived from
 */
export function planWith<P, S>(definition: BackendDefinition<P, S>, props: P, input: DataStoreInput & { readonly name?: string },
  path = 'app/stack/Cache', isUnresolved: IsUnresolved = isTokenText): Planned<S> {
  if (!isUnresolved(definition.regionOf(props))) {
    validateRegion(definition.regions, definition.regionOf(props), `RedisBackend.${definition.factory}({ ${definition.regionProp} })`);
  }
  definition.validate(props, isUnresolved);
  return definition.plan(props, resolveRequest(input, isUnresolved), { path, name: input.name }, isUnresolved);
}

/** The policy's findings for a plan, as `ChoreoRedis` judges them. */
export function findingsOf<S>(definition: Pick<BackendDefinition<unknown, S>, 'cloud' | 'service'>, planned: Planned<S>): ConformanceFinding[] {
  const { request } = planned;
  return judgeConformance(conformanceList(planned.conformance), {
    plan: request.plan, cloud: definition.cloud, service: definition.service, strict: request.strict, explicit: request.explicit,
  });
}

/**
 * A value passed where the compiler expects another type, as plain JavaScript and other jsii languages can:
 * for tests of the run-time type checks.
 */
export function asIfFromJavaScript<T>(value: unknown): T {
  return value as T;
}
