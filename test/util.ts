import { App, TerraformOutput, TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';

/** A fresh stack in a test app; `configure` adds the providers the backend under test needs. */
export function testStack(configure: (stack: TerraformStack) => void = () => {}, id = 'test'): TerraformStack {
  const app: App = Testing.app();
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
