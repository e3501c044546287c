/**
 * The seam between a backend's pure half (identity, validation, planning) and its renderer. Internal: users
 * see only `IRedisBackend` and the `RedisBackend` factories.
 */
import type { TerraformResource } from 'cdktf';
import type { Construct } from 'constructs';
import type { Adoption, AdoptionConsequence, ResourceImport } from './adoption';
import type { RunningVersionReader } from './replacement-guard';
import type { StagedState } from './staged-change';
import { BackendAccess, BackendAlerts, ChangeTable, Cloud, ConformanceRecord, DataStoreRequest, IsUnresolved, PlanWarning, ProductPromise, PropShape, PropTypes, RegionTable } from '../plan';

/** The names a data store uses on its cloud. */
export interface BackendNames {
  /** The construct path, from which backends derive the names they need. */
  readonly path: string;
  /** The name the user gave, if any. */
  readonly name?: string;
}

/** What a backend decided for one data store, before defining any resource. `S` is what its renderer reads. */
export interface Planned<S> {
  readonly request: DataStoreRequest;
  /** The data store's name on the cloud. */
  readonly name: string;
  /** The size chosen: the service's identifier and memory per node in GiB. */
  readonly size: { readonly id: string; readonly memoryGib: number };
  /** Nodes the service runs: primary plus standbys. */
  readonly nodeCount: number;
  /** Days of backup history kept (0: none beyond the latest backup). */
  readonly backupRetentionDays: number;
  readonly engine: string;
  readonly engineVersion: string;
  readonly port: number;
  /** The connection limit the service applies per node, when it is known. */
  readonly serviceMaxConnections?: number;
  readonly conformance: ConformanceRecord;
  /**
   * Warnings about legal input that will not work as a reader might expect, shown at synth.
   *
   * @default - none
   */
  readonly warnings?: readonly PlanWarning[];
  /**
   * Where the data store stands in a move between plans that its service takes one update at a time, for the record
   * that stops such moves at plan time (staged-change.ts).
   *
   * @default - the data store's plan, with the stops its change table gives
   */
  readonly staged?: StagedState;
  /** Everything else the backend decided: every name, default and tier decision its renderer needs. */
  readonly settings: S;
}

/** What every backend's renderer returns: the same shape for every cloud. */
export interface RedisBinding {
  /** The primary resource: the Redis instance, cluster or replication group. */
  readonly resource: TerraformResource;
  /** Resources that hold data, protected from deletion when the data store is. */
  readonly statefulResources: readonly TerraformResource[];
  readonly host: string;
  readonly port: number;
  readonly user: string;
  /**
   * The password, a sensitive token; undefined where clients authenticate with their own identity's token instead.
   */
  readonly password?: string;
  /** The PEM certificate of the CA that signs the server's certificate, when clients must be given it. */
  readonly caCertificate?: string;
  /** The host name clients inside the data store's private network use, where the service has one. */
  readonly privateHost?: string;
  /** The user that authenticates identities instead of a password, where the backend defined one. */
  readonly identityUser?: string;
  /**
   * Admits `principal` to the data store by identity: defines, under `scope` with construct ID `id`, the grant the
   * service needs. Where undefined, the backend has no identity authentication (or it is off).
   */
  readonly grantConnect?: (scope: Construct, id: string, principal: string) => void;
  /**
   * Where the replacement guard reads the versions the data store runs now, for a backend whose provider replaces
   * the data store on a downgrade.
   */
  readonly runningVersions?: RunningVersionReader;
}

/** A name the backend gives a resource, and where the cloud requires it to be unique. */
export interface UniqueName {
  /** The resource and its name, such as `replication group ID`. */
  readonly name: string;
  /** Where it must be unique, such as `account and region`. */
  readonly scope: string;
  /** How the backend keeps it unique there. */
  readonly how: string;
}

/** What a data store's life on the backend involves beyond one synth, for docs/lifecycle.md. */
export interface BackendLifecycle {
  /** What `terraform destroy` deletes, for a data store without deletion protection. */
  readonly destroyDeletes: readonly string[];
  /** What outlives a destroy, deliberately, and how it is named so that a re-created data store can be destroyed again. */
  readonly destroyLeaves: readonly string[];
  /** Names that must be unique beyond the stack. */
  readonly uniqueNames: readonly UniqueName[];
  /** How allow-list entries that are Terraform tokens are brought into the form the service stores. */
  readonly tokenCidrs: string;
  /**
   * What removing the construct from the stack does (renaming or moving it without `movedFrom` does the same at its
   * old address): Terraform destroys every resource no longer in the configuration, and neither `prevent_destroy` nor
   * the replacement guard can stop it, as both leave with the configuration. Only a protection the cloud itself
   * enforces on delete stops it; this says which the pinned provider offers and what the library sets.
   */
  readonly removal: string;
}

/** Defines a planned data store's resources under `scope`. */
export type Renderer<S> = (scope: Construct, plan: Planned<S>) => RedisBinding;

/** What code that treats every backend alike reads of a definition, whatever its props and settings. */
/**
 * A setting a user asks for explicitly: an allow-list (`allowedCidrs`), or Lua switched off or on (`luaScripting`).
 */
/** A tag the backend writes in another form than given. */
export interface TagRewrite {
  /** The tag as given, such as `Owner: Team A`. */
  readonly given: string;
  /** The tag as written, such as `owner: team_a`. */
  readonly written: string;
}

export type ExplicitSetting = 'allow-list' | 'allow-list-ipv6' | 'lua-off' | 'lua-on';

export interface BackendSummary {
  /** The backend's identifier, the name of its folder, such as `elasticache`. */
  readonly id: string;
  /** The `RedisBackend` factory method, such as `elastiCache`. */
  readonly factory: string;
  readonly cloud: Cloud;
  /** The managed service's name, such as `ElastiCache`. */
  readonly service: string;
  readonly changes: ChangeTable;
  /** The US and EU regions the backend offers. */
  readonly regions: RegionTable;
  /** The prop that names the region, such as `region` or `location`. */
  readonly regionProp: string;
  /** The npm packages (name to version) its renderer imports. */
  readonly packages: Readonly<Record<string, string>>;
  /**
   * Promises the backend keeps (natively or emulated) on every plan and for every input it accepts. Other
   * backends' gaps name it as an alternative for these; a test checks the claim against the matrix.
   */
  readonly keeps: readonly ProductPromise[];
  /**
   * The settings a user can ask for explicitly that the backend enforces when asked, natively or emulated: other
   * backends' refusals of the same setting name it as an alternative (beside `keeps`, which is about the defaults).
   */
  readonly enforcesWhenAsked: readonly ExplicitSetting[];
  /**
   * What the first apply after adopting changes on the existing data store, and where adopting can only fail: warned
   * (or refused) at synth and listed in docs/adoption.md.
   *
   * @default - none
   */
  readonly adoptionConsequences?: readonly AdoptionConsequence<never>[];
  /**
   * What destroy deletes and leaves, which names are unique beyond the stack, and how token inputs are normalised.
   */
  readonly lifecycle?: BackendLifecycle;
  /**
   * The alert targets the backend notifies and how it watches each signal: docs/alerts.md, and the
   * warnings for signals it cannot watch.
   *
   * @default - the backend defines no alerts yet: the `alerts` prop is refused
   */
  readonly alerts?: BackendAlerts;
  /**
   * Where the password lives, what a rotation does, and whether identities can authenticate: docs/access.md, and
   * the warnings for access the backend cannot give.
   */
  readonly access: BackendAccess;
  /**
   * The tags the backend writes in another form than given (the cloud's character rules), each as given and as
   * written: a warning at synth names them, so no tag changes without a word.
   *
   * @default - every tag is written as given
   */
  readonly rewrittenTags?: (tags: Readonly<Record<string, string>>, isUnresolved: IsUnresolved) => readonly TagRewrite[];
  /**
   * The run-time declaration of every prop (type, and whether required; nested objects with their own props): the
   * factory refuses unknown keys, missing required props and wrong types from it before anything reads the props.
   */
  readonly propTypes: PropShape;
  /**
   * What `choreo-redis verify --backend <id>` expects of a running data store made for `request`.
   *
   * @default - the verifier does not take this backend
   */
  verifierExpectations?(request: DataStoreRequest): VerifierExpectations;
}

/**
 * The pure half of a backend. Each backend folder's `definition.ts` exports one; its `render.ts`, loaded
 * only when a data store is rendered, holds the resources.
 */
export interface BackendDefinition<P, S> extends BackendSummary {
  /**
   * The adoption consequences, typed by the backend's props.
   *
   * @default - none
   */
  readonly adoptionConsequences?: readonly AdoptionConsequence<P>[];
  /** The run-time type of every prop, checked first for callers outside TypeScript. */
  readonly propTypes: PropTypes<P>;
  /** The cloud region the props name. */
  regionOf(props: P): string;
  /**
   * Where names must be unique.
   *
   * @default - the region
   */
  nameScopeOf?(props: P): string;
  /** Checks the backend's own props (the region is checked before), throwing `ChoreoRedisError` for bad input. */
  validate(props: P, isUnresolved: IsUnresolved, skipped?: ReadonlySet<string>): void;
  /**
   * The existing data store the props adopt (their `adopt` prop), and the resources to import for `request`.
   *
   * @default - the backend cannot adopt an existing data store
   */
  adoptionOf?(props: P, request: DataStoreRequest): Adoption | undefined;
  /** Decides everything about one data store without defining a resource. */
  plan(props: P, request: DataStoreRequest, names: BackendNames, isUnresolved: IsUnresolved): Planned<S>;
  /** Loads the renderer, and with it the provider bindings. */
  loadRenderer(): Renderer<S>;
}

/** What the verifier checks a running data store of one backend against, for one request. */
export interface VerifierExpectations {
  /** How the backend keeps each promise: the record its plan gives the construct. */
  readonly conformance: ConformanceRecord;
  /** Nodes the service runs: primary plus standbys. */
  readonly nodeCount: number;
  /** The engine and version the backend runs by default, such as `valkey` and `8.0`. */
  readonly engine: string;
  readonly engineVersion: string;
  /** The connection limit the service applies per node, when it is known. */
  readonly serviceMaxConnections?: number;
  /**
   * Where the restricted-commands promise is a gap: the restricted commands the service still refuses, every
   * subcommand of each, from the catalog constants the conformance row is worded from.
   *
   * @default - every restricted command
   */
  readonly refusedCommands?: readonly string[];
}

/**
 * `verifierExpectations` from the backend's own plan, made with `props` that need no cloud account: only what a
 * client can check (TLS, authentication, commands, Lua, connections, nodes) is read from it.
 */
export function plannedExpectations<P, S>(plan: BackendDefinition<P, S>['plan'], props: P,
  refusedCommands?: readonly string[]): (request: DataStoreRequest) => VerifierExpectations {
  return (request) => {
    const planned = plan(props, request, { path: 'choreo-redis-verify/DataStore' }, () => false);
    return {
      conformance: planned.conformance,
      nodeCount: planned.nodeCount,
      engine: planned.engine,
      engineVersion: planned.engineVersion,
      serviceMaxConnections: planned.serviceMaxConnections,
      refusedCommands,
    };
  };
}

/**
 * What a backend defines for one data store to keep its service plan (the backend's design, not the service plan
 * itself), its settings sealed inside `render`.
 */
export interface DataStoreDesign extends Omit<Planned<unknown>, 'settings'> {
  /** Existing resources the data store adopts, by Terraform import blocks: none unless the backend's `adopt` prop is given. */
  readonly imports: readonly ResourceImport[];
  /** Defines the data store's resources under `scope`, loading the provider bindings on first use. */
  render(scope: Construct): RedisBinding;
}
