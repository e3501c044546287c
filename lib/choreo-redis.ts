import { AnnotationMetadataEntryType, Fn, Op, TerraformOutput, TerraformResource, Token } from 'cdktf';
import { Construct } from 'constructs';
import { importAdopted } from './backends/adoption';
import { IRedisBackend } from './backends/backend';
import { BACKEND_DEFINITIONS } from './backends/backend-definitions';
import { guardReplacement } from './backends/replacement-guard';
import { checkSameCdk } from './backends/runtime';
import { recordStagedChange, stagedStateOf } from './backends/staged-change';
import {
  AccessSupport, BackendAccess, ChoreoRedisAccess, ChoreoRedisAlerts, ChoreoRedisError, Cloud, EvictionPolicy,
  PASSWORD_NOT_READY, PromiseConformance, PropTypes, ServicePlan, Severity, checkPropTypes, conformanceList, propTypeFaults, throwWithValueFaults,
  withoutProps,
  maxConnectionsFor, memoryMb,
} from './plan';
import { assessDataStore, checkDataStoreValues } from './private/assess';
import { CHOREO_REDIS_PROP_TYPES } from './private/choreo-redis-props';
import { defineCredentialSecret } from './private/credential-secret';
import { formerPath, moveFrom, movedFromParts } from './private/moved-from';

/**
 * Props for a Choreo-managed Redis data store.
 */
export interface ChoreoRedisProps {
  /**
   * The service plan: node count, failover and backup history follow from it.
   */
  readonly plan: ServicePlan;

  /**
   * The managed service that runs the data store, from a `RedisBackend` factory.
   */
  readonly backend: IRedisBackend;

  /**
   * The data store's name on its cloud.
   *
   * @default - derived from the construct path: readable, unique, and the same on every synth
   */
  readonly name?: string;

  /**
   * Minimum memory per node, in GiB. The backend picks its smallest size that has at least this much.
   *
   * @default - derived from the plan (see docs/plans.md): 1, 2, 4 and 8 GiB for Hobbyist, Startup, Business and Premium
   */
  readonly memoryGib?: number;

  /**
   * IPv4 and IPv6 addresses and CIDR blocks that may connect. Entries are canonicalised, de-duplicated and
   * sorted; an address is taken as a single host. An empty list is an error.
   *
   * @default - every source may connect, as far as the backend's network allows (see docs/conformance.md)
   */
  readonly allowedCidrs?: string[];

  /**
   * Whether Lua scripting (EVAL, EVALSHA, FCALL, FUNCTION, SCRIPT and their read-only forms) is allowed.
   *
   * @default true
   */
  readonly luaScripting?: boolean;

  /**
   * Turns every promise the backend cannot keep from a synth warning into an error.
   *
   * @default false
   */
  readonly strict?: boolean;

  /**
   * Protects the data store from `terraform destroy` and from replacement (Terraform `prevent_destroy`). Removing the
   * construct from the stack takes `prevent_destroy` with it: only Memorystore for Valkey and Aiven then refuse the
   * delete themselves (README "Renaming, moving and removing the construct"); to rename or move the construct, see
   * `movedFrom`.
   *
   * @default - true for Business and Premium, false for Hobbyist and Startup
   */
  readonly deletionProtection?: boolean;

  /**
   * Tags (labels on GCP, tags on DigitalOcean) for every resource that takes them.
   *
   * @default - only `managed-by` and `choreo-plan`
   */
  readonly tags?: { [key: string]: string };

  /**
   * Alerts on the data store's memory, CPU, evictions, connections, replication, failovers and backups (and on
   * the export job that emulates backup history, where there is one), sent to targets of the backend's cloud.
   * A signal the backend cannot watch is a synth warning (an error under `strict`); see docs/alerts.md.
   *
   * @default - no alerts
   */
  readonly alerts?: ChoreoRedisAlerts;

  /**
   * What the data store does when its memory is full (Redis `maxmemory-policy`), written explicitly on every backend
   * so that no service default decides. A backend that cannot write the policy chosen fails at synth.
   *
   * @default EvictionPolicy.NO_EVICTION - writes that need more memory are refused; no key is dropped silently
   */
  readonly evictionPolicy?: EvictionPolicy;

  /**
   * How applications get in: the credentials written to a secret store with explicit readers, their rotation, and
   * identity authentication where the service offers it. What each backend can do is in docs/access.md.
   *
   * @default - no secret, no rotation, password authentication (identity only where the service has nothing else)
   */
  readonly access?: ChoreoRedisAccess;

  /**
   * Lets Terraform replace the data store once: the digest of the replacement you accept, as the plan-time stop
   * names it. A change that would replace the data store (another name, region or tier, say) stops at plan time
   * with the backend's steps to keep the data; where the backend restores at creation (ElastiCache
   * `restoreFromSnapshot`, Memorystore for Valkey `restoreFromBackup`, Aiven `forkFrom`), the new data store is
   * created from the old one's data, and otherwise whatever was not moved is lost. Keep the value while the data
   * store keeps the attributes it accepts: a later replacement has another digest and is stopped again.
   *
   * @default - every replacement of the data store is stopped at plan time
   */
  readonly acceptReplacement?: string;

  /**
   * The construct path below the stack (such as `Cache` or `Team/Cache`) this data store had before you renamed the
   * construct or moved it to another parent in the same stack. Terraform addresses, and the names derived from the
   * path, follow the construct path: without this, a rename makes Terraform destroy the data store with its data and
   * create an empty one under the new address. With it, every name is derived from the old path as before, and every
   * resource gets a Terraform `moved` block from the address it had, so the plan moves state and changes nothing.
   * Keep it while the construct stays where it is now (the derived names keep following it).
   *
   * @default - the data store has always been at this construct path
   */
  readonly movedFrom?: string;
}

/** Names the outputs that `addOutputs()` defines. */
export interface ChoreoRedisOutputOptions {
  /**
   * A prefix for the output names, such as `cache`.
   *
   * @default - the construct path within its stack, such as `Cache` or `Team_Cache`
   */
  readonly prefix?: string;
}

/** Where each backend prop belongs, for a backend prop given to ChoreoRedis by mistake. */
function backendPropsElsewhere(): Record<string, string> {
  const elsewhere: Record<string, string> = {};
  for (const definition of BACKEND_DEFINITIONS) {
    for (const key of Object.keys(definition.propTypes)) {
      if (key in CHOREO_REDIS_PROP_TYPES) continue;
      const factories = elsewhere[key] === undefined ? [] : [elsewhere[key]];
      elsewhere[key] = [...factories, `RedisBackend.${definition.factory}({ ${key} })`].join(', ');
    }
  }
  return Object.fromEntries(Object.entries(elsewhere).map(([key, where]) => [key, `it is a prop of the backend: ${where}`]));
}

/** The run-time types of `addOutputs()`'s options. */
const OUTPUT_OPTION_TYPES: PropTypes<ChoreoRedisOutputOptions> = { prefix: 'string' };

/**
 * Data stores per app, by cloud, service, name scope (region or account) and name, to catch two that would collide:
 * stacks of one app are often deployed to the same account, where the service's names must be unique.
 */
const NAMES_IN_USE = new WeakMap<object, Map<string, string>>();

/**
 * A Choreo-managed Redis data store: a service plan kept on one cloud's managed Redis service.
 *
 * The backend decides which resources are defined (see `RedisBackend`). Every promise of the plan is kept
 * natively, emulated with extra resources, or reported: an error at synth for node count, failover and
 * settings you asked for explicitly; a warning for anything else (an error under `strict`).
 *
 * A data store is stateful: Business and Premium are protected from deletion by default.
 */
export class ChoreoRedis extends Construct {
  /** Host name (or address) clients connect to. @attribute */
  public readonly host: string;
  /** TCP port clients connect to, always over TLS. @attribute */
  public readonly port: number;
  /** User name for AUTH. @attribute */
  public readonly user: string;
  /**
   * Password for AUTH: a sensitive Terraform value.
   *
   * Undefined where the service takes no password and each client authenticates with its own identity's access
   * token (Memorystore for Valkey; see docs/access.md).
   */
  public readonly password?: string;
  /**
   * `rediss://user:password@host:port`, password URL-encoded, built by Terraform: sensitive. Where the service
   * takes no password, `rediss://host:port`, which carries no credential. @attribute
   */
  public readonly uri: string;
  /** The CA certificate (PEM) clients need to verify the server, where the service uses a private CA. */
  public readonly caCertificate?: string;
  /**
   * The host name clients inside the data store's private network use, where the service gives one besides
   * `host` (DigitalOcean Managed Valkey's VPC host).
   */
  public readonly privateHost?: string;
  /**
   * `rediss://user:password@privateHost:port`, password URL-encoded, built by Terraform: sensitive. Defined
   * where the service has a private host.
   */
  public readonly privateUri?: string;
  /**
   * The user that authenticates identities instead of a password, where `access.identityAuth` defined one
   * (ElastiCache's IAM-authenticated user); clients sign a token for it. Admit roles with `grantConnect()`.
   */
  public readonly identityUser?: string;
  /** Whether clients must use TLS: always true. */
  public readonly tlsEnabled = true;
  /** Simultaneous connections the plan promises: max(10000, 4 x memory in MB). */
  public readonly maxConnections: number;
  /**
   * Connections per node the service itself allows, where the service states it.
   *
   * Undefined where the service applies a limit it does not publish (Azure Managed Redis).
   */
  public readonly serviceMaxConnections?: number;
  /** Nodes the service runs: the primary plus standbys. */
  public readonly nodeCount: number;
  /** Days of backups the service keeps. */
  public readonly backupRetentionDays: number;
  /** The service's size identifier, such as `cache.m7g.large`. */
  public readonly size: string;
  /** Memory per node of that size, in GiB. */
  public readonly memoryGib: number;
  /** The engine, such as `valkey` or `redis`. */
  public readonly engine: string;
  /** The engine version. */
  public readonly engineVersion: string;
  /** The data store's name on its cloud. */
  public readonly name: string;
  /** The plan this data store keeps. */
  public readonly plan: ServicePlan;
  /** The backend's identifier, such as `elasticache`, as `choreo-redis verify --backend` takes it. */
  public readonly backendId: string;
  /** Whether Lua scripting is allowed. */
  public readonly luaScripting: boolean;
  /** The eviction policy the backend writes (Redis `maxmemory-policy`). */
  public readonly evictionPolicy: EvictionPolicy;
  /** How the backend keeps each promise of the plan. */
  public readonly conformance: PromiseConformance[];
  /** The primary resource, for `addOverride` and other escape hatches. */
  public readonly resource: TerraformResource;
  private readonly backendAccess: BackendAccess;
  private readonly grant?: (scope: Construct, id: string, principal: string) => void;
  private readonly grants = new Set<string>();

  constructor(scope: Construct, id: string, props: ChoreoRedisProps) {
    super(scope, id);
    checkSameCdk(this);
    const typeFaults = propTypeFaults(props, CHOREO_REDIS_PROP_TYPES, { interfaceName: 'ChoreoRedisProps', elsewhere: backendPropsElsewhere() });
    const { backend } = props;
    // movedFrom is checked with the other props (one error names every fault); the names follow the path it gives.
    let moved: string[] | undefined;
    const movedFromCheck = (checked: ChoreoRedisProps) => () => { moved = movedFromParts(this, checked.movedFrom); };
    // Unknown keys and wrong types in one error with the value faults of the other props (which need the plan).
    throwWithValueFaults(typeFaults, () => {
      const checked = withoutProps(props, typeFaults.props);
      checkDataStoreValues(checked, [movedFromCheck(checked)]);
    }, ['plan']);
    const { request, design, findings, alertFindings, accessFindings } = assessDataStore(backend, props,
      () => (moved === undefined ? this.node.path : formerPath(this, moved)), [movedFromCheck(props)]);
    this.claimName(backend, design.name);
    // The warning `Annotations.addWarning` would add, without its stack trace: the message names the construct, and
    // a full stack trace per warning cost about a tenth of synth time and most of the memory above hand-written cdktf
    // for 1,000 data stores (docs/performance.md).
    [...findings, ...alertFindings, ...accessFindings].filter((f) => f.severity === Severity.WARNING).forEach((f) => this.node.addMetadata(AnnotationMetadataEntryType.WARN, `[${f.code}] ${f.message}`));
    (design.warnings ?? []).forEach((w) => this.node.addMetadata(AnnotationMetadataEntryType.WARN, `[${w.code}] ${w.message}`));

    const binding = design.render(this);
    importAdopted(this, binding.resource, design.imports);
    // Moves between plans the service cannot take as one update (or at all) stop at plan time; see staged-change.ts.
    const staged = stagedStateOf(backend._changes, backend.service, request.plan, design.staged);
    if (staged !== undefined) recordStagedChange(this, binding.resource, backend._changes, staged);
    guardReplacement(this, binding.resource, backend._changes, {
      service: backend.service, accept: props.acceptReplacement, running: binding.runningVersions,
    });
    if (moved !== undefined) moveFrom(this, moved);
    if (request.deletionProtection) {
      binding.statefulResources.forEach((r) => { r.lifecycle = { ...r.lifecycle, preventDestroy: true }; });
    }

    this.resource = binding.resource;
    this.host = binding.host;
    this.port = binding.port;
    this.user = binding.user;
    this.password = binding.password;
    this.caCertificate = binding.caCertificate;
    const { password } = binding;
    const uriTo = (host: string) => (password === undefined ? Fn.format('rediss://%s:%s', [host, binding.port])
      : Fn.format('rediss://%s:%s@%s:%s', [binding.user, Fn.urlencode(password), host, binding.port]));
    this.uri = uriTo(binding.host);
    this.privateHost = binding.privateHost;
    this.privateUri = binding.privateHost === undefined ? undefined : uriTo(binding.privateHost);
    this.plan = request.plan;
    this.backendId = backend.backendId;
    this.luaScripting = request.luaScripting;
    this.evictionPolicy = request.evictionPolicy;
    this.name = design.name;
    this.size = design.size.id;
    this.memoryGib = design.size.memoryGib;
    this.maxConnections = maxConnectionsFor(memoryMb(design.size.memoryGib));
    this.serviceMaxConnections = design.serviceMaxConnections;
    this.nodeCount = design.nodeCount;
    this.backupRetentionDays = design.backupRetentionDays;
    this.engine = design.engine;
    this.engineVersion = design.engineVersion;
    this.conformance = conformanceList(design.conformance);
    this.backendAccess = backend._access;
    this.identityUser = binding.identityUser;
    this.grant = binding.grantConnect;
    if (request.access?.secret !== undefined) {
      defineCredentialSecret(new Construct(this, 'CredentialSecret'), request.access.secret, {
        uri: this.uri,
        host: this.host,
        port: this.port,
        user: this.user,
        password: this.password,
        caCertificate: this.caCertificate,
        name: this.name,
        awsRegion: backend.cloud === Cloud.AWS ? backend.region : undefined,
      });
    }
  }

  /**
   * Admits an identity to the data store without a password: on ElastiCache (with `access.identityAuth`), an IAM
   * role by name, given `elasticache:Connect` on the replication group and `identityUser`; on Memorystore for
   * Valkey, an IAM member such as `serviceAccount:app@my-project.iam.gserviceaccount.com`, granted
   * `roles/memorystore.dbConnectionUser`. Elsewhere it throws `IdentityAuthNotAvailable` with the fix.
   *
   * @param principal the IAM role name (ElastiCache) or IAM member (Memorystore for Valkey)
   */
  public grantConnect(principal: string): void {
    if (this.grant === undefined) {
      throw new ChoreoRedisError('IdentityAuthNotAvailable', `grantConnect("${principal}") on ${this.node.path}: ${this.identityHint()}`);
    }
    const key = Token.isUnresolved(principal) ? `token-${this.grants.size}` : principal;
    if (this.grants.has(key)) return;
    this.grants.add(key);
    this.grant(this, `Connect${this.grants.size - 1}`, principal);
  }

  /**
   * Defines Terraform outputs for the connection: host, port, user, and the sensitive password and URI; the
   * CA certificate where the backend has one; the private host and sensitive private URI where the backend has
   * one; and `<prefix>_verify`, a non-sensitive object that tells `choreo-redis verify --outputs` what to check
   * (backend, plan, Lua setting, eviction policy, promised connection limit, nodes). Output names are unique per data store;
   * credentials are always `sensitive`.
   */
  public addOutputs(options: ChoreoRedisOutputOptions = {}): TerraformOutput[] {
    checkPropTypes(options, OUTPUT_OPTION_TYPES, { owner: `${this.node.path}.addOutputs({ %s })`, interfaceName: 'ChoreoRedisOutputOptions' });
    const prefix = options.prefix ?? this.node.path.split('/').slice(1).join('_');
    const outputs: Array<[string, unknown, boolean]> = [
      ['host', this.host, false],
      ['port', this.port, false],
      ['user', this.user, false],
      ...(this.password === undefined ? [] : [['password', this.password, true]] as Array<[string, unknown, boolean]>),
      ['uri', this.uri, true],
    ];
    if (this.caCertificate !== undefined) outputs.push(['ca_certificate', this.caCertificate, false]);
    if (this.privateHost !== undefined) outputs.push(['private_host', this.privateHost, false]);
    if (this.privateUri !== undefined) outputs.push(['private_uri', this.privateUri, true]);
    outputs.push(['verify', {
      backend: this.backendId,
      plan: this.plan,
      lua_scripting: this.luaScripting,
      eviction_policy: this.evictionPolicy,
      max_connections: this.maxConnections,
      node_count: this.nodeCount,
    }, false]);
    // A password the service generates can be read back before it exists: no credential output is ever empty. (cdktf
    // 0.21 does not write an output's `precondition` option: the block is added as an override.)
    const password = this.password;
    const ready = password === undefined ? undefined : [{ condition: Op.gte(Fn.lengthOf(password), 1), error_message: PASSWORD_NOT_READY }];
    return outputs.map(([key, value, sensitive]) => {
      const output = new TerraformOutput(this, `${key}-output`, {
        value,
        sensitive,
        description: key === 'verify' ? `What choreo-redis verify checks for ${this.node.path}` : `Redis ${key.replace('_', ' ')} of ${this.node.path}`,
      });
      if (sensitive && ready !== undefined) output.addOverride('precondition', ready);
      output.overrideLogicalId(`${prefix}_${key}`.replace(/[^A-Za-z0-9_-]/g, '_'));
      return output;
    });
  }

  /** Why identities cannot be admitted, and the fix. */
  private identityHint(): string {
    const { identity } = this.backendAccess;
    return identity.support === AccessSupport.UNAVAILABLE
      ? `${identity.detail}; ${identity.fix}.`
      : 'identity authentication is off; set access: { identityAuth: true } to define the identity user first.';
  }

  private claimName(backend: IRedisBackend, name: string): void {
    if (Token.isUnresolved(name)) return;
    const app = this.node.root;
    const inUse = NAMES_IN_USE.get(app) ?? new Map<string, string>();
    NAMES_IN_USE.set(app, inUse);
    const key = `${backend.cloud}/${backend.service}/${backend._nameScope}/${name.toLowerCase()}`;
    const other = inUse.get(key);
    if (other !== undefined) {
      throw new ChoreoRedisError('NameCollision',
        `name "${name}" of ${this.node.path} is already used by ${other} for ${backend.service} in ${backend._nameScope}; give one of them a different name, or omit name to derive a unique one.`);
    }
    inUse.set(key, this.node.path);
  }
}
