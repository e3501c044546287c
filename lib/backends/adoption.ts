/**
 * Adopting an existing data store: the resources a backend's `adopt` prop names are brought under the construct by
 * Terraform import blocks (Terraform 1.5 or later), so that the first plan updates them in place to meet the plan.
 */
import type { TerraformResource } from 'cdktf';
import type { Construct } from 'constructs';
import { ChoreoRedisError, DataStoreRequest, IsUnresolved, PlanWarning, PropRule } from '../plan';

/** One existing resource, imported under the data store's construct. */
export interface ResourceImport {
  /** The construct ID of the resource under the data store, such as `Resource`. */
  readonly constructId: string;
  /** The ID the provider imports it by. */
  readonly importId: string;
}

/** What adopting an existing data store decides before anything is rendered. */
export interface Adoption {
  /**
   * The existing data store's name, which the construct must use: the name is part of its identity, so another one
   * would replace it.
   *
   * @default - the import ID does not carry the name: `name` must be given (DigitalOcean imports by UUID)
   */
  readonly name?: string;
  /** The prop the name comes from, for errors, such as `adopt.replicationGroupId`. */
  readonly source: string;
  /**
   * Whether the service compares names without case (ElastiCache stores IDs in lower case).
   *
   * @default false
   */
  readonly ignoreCase?: boolean;
  readonly imports: readonly ResourceImport[];
  /**
   * What adopting leaves as it is, for the person reading synth output.
   *
   * @default - none
   */
  readonly warnings?: readonly PlanWarning[];
}

/**
 * The data store's name when it adopts an existing one: the name in the import ID, or the one given when the ID
 * carries none.
 *
 * @param given the `name` prop, if any
 */
export function adoptedName(adoption: Adoption, given: string | undefined, factory: string, isUnresolved: IsUnresolved): string {
  const fold = (name: string) => (adoption.ignoreCase === true ? name.toLowerCase() : name);
  if (adoption.name === undefined) {
    if (given === undefined || isUnresolved(given)) {
      throw new ChoreoRedisError('AdoptionNeedsName',
        `RedisBackend.${factory}({ ${adoption.source} }) imports by an ID that does not carry the data store's name; set name on the ChoreoRedis construct to the existing data store's name exactly, as another name would replace it.`);
    }
    return given;
  }
  if (given !== undefined && !isUnresolved(given) && fold(given) !== fold(adoption.name)) {
    throw new ChoreoRedisError('AdoptedNameMismatch',
      `name "${given}" differs from "${adoption.name}", the name in RedisBackend.${factory}({ ${adoption.source} }); the name is the data store's identity, so another one would replace it. Omit name, or set it to "${adoption.name}".`);
  }
  return adoption.name;
}

/**
 * Imports each adopted resource, and sets `prevent_destroy` on the primary resource while adopting: a plan that would
 * replace the existing data store (a force-new attribute the props set differently from what the data store has)
 * stops with Terraform's own error instead of deleting it.
 */
export function importAdopted(scope: Construct, primary: TerraformResource, imports: readonly ResourceImport[]): void {
  for (const { constructId, importId } of imports) {
    const resource = scope.node.tryFindChild(constructId) as TerraformResource | undefined;
    if (resource === undefined) throw new Error(`${scope.node.path} defines no ${constructId} to import ${importId} into`);
    resource.importFrom(importId);
  }
  if (imports.length > 0) primary.lifecycle = { ...primary.lifecycle, preventDestroy: true };
}

/** One ID format a provider imports by: a pattern with named groups, and how to write it. */
export interface ImportIdFormat {
  readonly pattern: RegExp;
  /** The format as the provider's documentation writes it, such as `projects/{project}/locations/{region}/instances/{name}`. */
  readonly format: string;
  /** The provider version and file (or page) the format is taken from. */
  readonly source: string;
}

/**
 * The named parts of an adopted resource's import ID, or an `InvalidImportId` error naming the prop, the value and
 * the format. IDs must be literal: they fix the name, region and project the construct writes, which it checks at synth.
 */
export function parseImportId(value: unknown, id: ImportIdFormat, prop: string, isUnresolved: IsUnresolved): Record<string, string> {
  if (typeof value === 'string' && isUnresolved(value)) {
    throw new ChoreoRedisError('InvalidImportId',
      `${prop} is a Terraform token; give the existing resource's ID as a literal string (${id.format}), which the construct checks against its other props at synth.`);
  }
  const match = typeof value === 'string' ? id.pattern.exec(value) : null;
  if (match === null) {
    throw new ChoreoRedisError('InvalidImportId',
      `${prop} ${JSON.stringify(value)} is not an import ID of the form ${id.format} (${id.source}); copy the existing resource's ID in that form.`);
  }
  return { ...match.groups };
}

/** A rule that the value the import ID carries for a prop equals the prop, when both are given. */
export function sameAsProp(prop: string, given: string | undefined, carried: string, idProp: string, isUnresolved: IsUnresolved): void {
  if (given === undefined || isUnresolved(given) || given === carried) return;
  throw new ChoreoRedisError('AdoptedIdMismatch',
    `${prop} "${given}" differs from "${carried}" in ${idProp}; the existing data store is there, and the construct would write the other value and replace it. Set ${prop} to "${carried}", or check the ID.`);
}

/**
 * The prop rules of an `adopt` prop, run with the backend's own rules only when `adopt` is given; `reads` names the
 * other props the check compares with the import ID, so that it is skipped when one of them is already reported.
 */
export function adoptionRules<P extends { readonly adopt?: unknown }>(check: (props: P, isUnresolved: IsUnresolved) => void,
  reads: ReadonlyArray<keyof P & string> = []): PropRule<P> {
  return {
    props: ['adopt' as keyof P & string, ...reads],
    check: (props, isUnresolved) => {
      if (props.adopt !== undefined) check(props, isUnresolved);
    },
  };
}

/**
 * One thing the first apply after adopting changes on the existing data store, or a reason the adoption can only
 * fail: announced as a warning at synth (an error when `refused`), and listed in docs/adoption.md from the same data.
 */
export interface AdoptionConsequence<P> {
  readonly code: string;
  /** What the first apply changes, and what that does to the data store or its clients. */
  readonly changes: string;
  /** What the user can set or do to avoid it. */
  readonly fix: string;
  /**
   * When it applies: a description for docs/adoption.md and the test on the props and request.
   *
   * @default - on every adoption
   */
  readonly when?: { readonly text: string; readonly applies: (props: P, request: DataStoreRequest | undefined) => boolean };
  /**
   * Whether the adoption can only fail: an error at synth instead of a warning. A refusal's `applies` sees the props
   * alone (the request is undefined), as it is checked with the backend's props.
   *
   * @default false
   */
  readonly refused?: boolean;
}

function consequenceText<P>(c: AdoptionConsequence<P>, source: string): string {
  return `adopting ${source}: ${c.changes}. Fix: ${c.fix}.`;
}

/** The warnings of the consequences that apply to adopting with these props and request. */
export function adoptionWarnings<P>(
  consequences: readonly AdoptionConsequence<P>[], props: P, request: DataStoreRequest, source: string): PlanWarning[] {
  return consequences.filter((c) => c.refused !== true && (c.when === undefined || c.when.applies(props, request)))
    .map((c) => ({ code: c.code, message: consequenceText(c, source) }));
}

/** Throws the first refusal that applies to the props. */
export function refuseAdoption<P>(consequences: readonly AdoptionConsequence<P>[], props: P, source: string): void {
  const refusal = consequences.find((c) => c.refused === true && (c.when === undefined || c.when.applies(props, undefined)));
  if (refusal !== undefined) throw new ChoreoRedisError(refusal.code, consequenceText(refusal, source));
}

/** A `when` for a consequence that applies while one of the props is omitted, so that the default is written. */
export function whileOmitted<P>(...props: Array<keyof P & string>): AdoptionConsequence<P>['when'] {
  return {
    text: `${props.map((p) => `\`${p}\``).join(' or ')} omitted`,
    applies: (given) => props.some((p) => given[p] === undefined),
  };
}

/** A `when` on the data store's `allowedCidrs`: given or omitted. */
export function withAllowList<P>(given: boolean): AdoptionConsequence<P>['when'] {
  return {
    text: given ? 'with `allowedCidrs`' : 'without `allowedCidrs`',
    applies: (_props, request) => request !== undefined && (request.allowedCidrs !== undefined) === given,
  };
}
