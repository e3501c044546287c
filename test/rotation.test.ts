/**
 * Rotation against a real redis-server: the Terraform the library synthesizes for successive `access.rotation`
 * generations is applied the way Terraform would (a `random_password` is generated anew when its keepers change,
 * and kept otherwise; a service-generated password is made once, when its user is created), and the resulting
 * users and passwords are set on the server with ACL SETUSER, as ElastiCache's ModifyUser and Aiven's user API set
 * them. After each rotation the new credentials in the URI work, the previous ones still work, connections opened
 * before stay open, and the credentials of two generations ago are refused.
 */
import { randomBytes } from 'crypto';
import { TerraformStack, Testing } from 'cdktf';
import Redis from 'ioredis';
import { RedisServer, RedisServers } from './verify/redis-servers';
import { MATRIX_CLOUDS, matrixProps } from '../examples/matrix';
import { ChoreoRedis } from '../lib';

type Json = Record<string, any>;

/** What Terraform keeps between applies: each random_password's keepers and value, and each service-generated password. */
interface State {
  readonly randoms: Map<string, { keepers: string; value: string }>;
  readonly generated: Map<string, string>;
}

function synthesize(cloud: string, rotation: number): Json {
  const entry = MATRIX_CLOUDS.find((e) => e.cloud === cloud)!;
  const stack = new TerraformStack(Testing.app(), 'rotation');
  entry.configure(stack);
  entry.access(stack);
  new ChoreoRedis(stack, 'Redis', { ...matrixProps(entry, 'business', false), access: { rotation } }).addOutputs();
  return JSON.parse(Testing.synth(stack));
}

/** Applies the random passwords: new keepers (or a new resource) generate a new value; the rest keep theirs. */
function applyRandoms(json: Json, state: State): void {
  const wanted = json.resource.random_password ?? {};
  for (const id of [...state.randoms.keys()]) if (!(id in wanted)) state.randoms.delete(id);
  for (const [id, config] of Object.entries<Json>(wanted)) {
    const keepers = JSON.stringify(config.keepers ?? {});
    if (state.randoms.get(id)?.keepers !== keepers) state.randoms.set(id, { keepers, value: randomBytes(16).toString('hex') });
  }
}

/**
 * The value a reference stands for: a random_password's result; a resource's password attribute, which is the
 * password it was given or, given none, the one the service generated when it created the resource.
 */
function valueOf(reference: string, json: Json, state: State): string {
  const random = /^\$\{random_password\.(\w+)\.result\}$/.exec(reference);
  if (random !== null) return state.randoms.get(random[1])!.value;
  const attribute = /^\$\{(\w+)\.(\w+)\.password\}$/.exec(reference);
  if (attribute === null) throw new Error(`not a password reference: ${reference}`);
  const given = json.resource[attribute[1]][attribute[2]].password;
  if (given !== undefined) return valueOf(given, json, state);
  const key = `${attribute[1]}.${attribute[2]}`;
  if (!state.generated.has(key)) state.generated.set(key, randomBytes(16).toString('hex'));
  return state.generated.get(key)!;
}

/** Each application user and the passwords the service accepts for it, after applying `json`. */
function usersAfterApply(json: Json, state: State): Map<string, string[]> {
  applyRandoms(json, state);
  const elastiCacheUsers = Object.values<Json>(json.resource.aws_elasticache_user ?? {}).filter((u) => u.authentication_mode.type === 'password');
  if (elastiCacheUsers.length > 0) {
    return new Map(elastiCacheUsers.map((u) => [u.user_name, u.authentication_mode.passwords.map((p: string) => valueOf(p, json, state))]));
  }
  // Aiven: a user given no password gets one Aiven generates when the user is created.
  return new Map(Object.entries<Json>(json.resource.aiven_valkey_user).map(([id, u]) => [u.username, [valueOf(`\${aiven_valkey_user.${id}.password}`, json, state)]]));
}

/** The user and password the `uri` output hands on. */
function handedOn(json: Json, state: State): { user: string; password: string } {
  const uri: string = json.output.Redis_uri.value;
  const match = /^\$\{format\("rediss:\/\/%s:%s@%s:%s", "([^"]+)", urlencode\(([^)]+)\), /.exec(uri)!;
  return { user: match[1], password: valueOf(`\${${match[2]}}`, json, state) };
}

const servers = new RedisServers();
let server: RedisServer;
let admin: Redis;

beforeAll(async () => {
  server = await servers.start({ users: [['default', 'off']] });
  admin = await server.admin();
}, 30_000);

afterAll(() => servers.stop());

/** Sets each user's passwords, replacing the ones it had, and switches off users the apply removed. */
async function setUsers(users: Map<string, string[]>, known: Set<string>): Promise<void> {
  for (const name of known) if (!users.has(name)) await admin.call('acl', 'setuser', name, 'off', 'resetpass');
  for (const [name, passwords] of users) {
    known.add(name);
    await admin.call('acl', 'setuser', name, 'on', 'resetpass', ...passwords.map((p) => `>${p}`), '~*', '&*', '+@all');
  }
}

/** PONG when a new connection authenticates, otherwise the server's error code (such as WRONGPASS). */
async function authenticates(user: string, password: string): Promise<string> {
  const client = new Redis({
    host: '127.0.0.1', port: server.port, username: user, password, tls: { ca: servers.certs.ca }, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, disconnectTimeout: 200,
  });
  let refusal: Error | undefined;
  client.on('error', (error: Error) => { refusal = error; });
  try {
    await client.connect();
    return String(await client.call('ping'));
  } catch (error) {
    return (refusal ?? (error as Error)).message.split(' ')[0];
  } finally {
    client.disconnect();
  }
}

describe.each([['aws', 'ElastiCache: one user, two passwords'], ['aiven-aws', 'Aiven: two users taking turns']])('%s (%s)', (cloud) => {
  test('each rotation keeps the previous credentials working and connected clients connected; two generations back are refused', async () => {
    const state: State = { randoms: new Map(), generated: new Map() };
    const known = new Set<string>();
    const first = synthesize(cloud, 0);
    await setUsers(usersAfterApply(first, state), known);
    let previous = handedOn(first, state);
    expect(await authenticates(previous.user, previous.password)).toBe('PONG');
    const history = [previous];
    for (const generation of [1, 2, 3]) {
      const json = synthesize(cloud, generation);
      const connected = await server.connect(previous.user, previous.password);
      await setUsers(usersAfterApply(json, state), known);
      const current = handedOn(json, state);
      history.push(current);
      expect(current).not.toEqual(previous);
      // The overlap: the new credentials and the previous ones both work, and a client connected before stays connected.
      expect(await authenticates(current.user, current.password)).toBe('PONG');
      expect(await authenticates(previous.user, previous.password)).toBe('PONG');
      expect(String(await connected.call('ping'))).toBe('PONG');
      connected.disconnect();
      // Then only the new: the credentials two generations back are refused.
      if (generation >= 2) {
        const retired = history[generation - 2];
        expect(await authenticates(retired.user, retired.password)).toBe('WRONGPASS');
      }
      previous = current;
    }
  });
});
