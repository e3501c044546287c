/**
 * Real redis-server processes on 127.0.0.1 for the verifier and ACL tests: free ports, TLS certificates
 * made with openssl, and a stop() that ends every process started here.
 */
import { ChildProcess, execFileSync, spawn, spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { createServer } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import Redis from 'ioredis';

const INSTALL_HINT = "redis-server and redis-tools are required for the real-Redis tests: run 'sudo apt-get install -y redis-server redis-tools' "
  + "(or 'bash scripts/ensure-redis-server.sh' as root). The tests never skip without them.";

/** Fails with how to install redis-server when it is missing; never skips. */
export function requireRedisServer(command = 'redis-server'): void {
  const probe = spawnSync(command, ['--version'], { encoding: 'utf8' });
  if (probe.error !== undefined || probe.status !== 0) throw new Error(INSTALL_HINT);
  const major = Number(/v=(\d+)/.exec(probe.stdout)?.[1]);
  if (!(major >= 7)) throw new Error(`redis-server 7 or later is required (ACL DRYRUN, TLS); found: ${probe.stdout.trim()}. ${INSTALL_HINT}`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

/** A CA and a server certificate for 127.0.0.1 and localhost, in `dir`. */
export interface Certificates {
  readonly caFile: string;
  readonly certFile: string;
  readonly keyFile: string;
  readonly ca: string;
}

function makeCertificates(dir: string): Certificates {
  const file = (name: string): string => join(dir, name);
  const openssl = (...args: string[]): void => {
    execFileSync('openssl', args, { stdio: 'pipe' });
  };
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl('req', '-x509', ...ec, '-keyout', file('ca.key'), '-out', file('ca.crt'), '-days', '2', '-subj', '/CN=choreo-redis test CA');
  openssl('req', ...ec, '-keyout', file('server.key'), '-out', file('server.csr'), '-subj', '/CN=localhost');
  writeFileSync(file('server.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth,clientAuth\n');
  openssl('x509', '-req', '-in', file('server.csr'), '-CA', file('ca.crt'), '-CAkey', file('ca.key'), '-CAcreateserial',
    '-out', file('server.crt'), '-days', '2', '-extfile', file('server.ext'));
  return { caFile: file('ca.crt'), certFile: file('server.crt'), keyFile: file('server.key'), ca: readFileSync(file('ca.crt'), 'utf8') };
}

/** The password of the `admin` user every test server has (all commands), for the tests' own checks. */
export const ADMIN_PASSWORD = 'admin-secret';

export interface ServerOptions {
  /** Serve TLS only (`--port 0 --tls-port`). @default true */
  readonly tls?: boolean;
  /** `user` lines: name and rule words, such as ['app', 'on', '>pw', '~*', '+@all']. */
  readonly users?: readonly (readonly string[])[];
  /** Replicate this server (over TLS when the server uses TLS), authenticating as admin. */
  readonly replicaOf?: RedisServer;
  /** Extra `--name value` arguments. */
  readonly args?: readonly string[];
}

export interface RedisServer {
  readonly port: number;
  readonly tls: boolean;
  /** A RESP2 connection as `username`, closed by RedisServers.stop() if the test does not close it. */
  connect(username: string, password: string): Promise<Redis>;
  /** A connection as `admin`. */
  admin(): Promise<Redis>;
}

/** Starts and stops test servers; one per test file. */
export class RedisServers {
  private readonly dir = mkdtempSync(join(tmpdir(), 'choreo-redis-verify-'));
  private readonly processes: ChildProcess[] = [];
  private readonly clients: Redis[] = [];
  private certificates?: Certificates;

  constructor() {
    requireRedisServer();
  }

  /** The CA and server certificate, made once. */
  public get certs(): Certificates {
    this.certificates ??= makeCertificates(this.dir);
    return this.certificates;
  }

  public async start(options: ServerOptions = {}): Promise<RedisServer> {
    const useTls = options.tls ?? true;
    const port = await freePort();
    const users = [['admin', 'on', `>${ADMIN_PASSWORD}`, '~*', '&*', '+@all'], ...(options.users ?? [['default', 'off']])];
    const args = [
      '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', this.dir, '--dbfilename', `dump-${port}.rdb`,
      '--maxmemory', '100mb', '--loglevel', 'notice', '--logfile', '',
      // A primary starts a replica's full sync at once, rather than wait 5 s (the default) for more replicas to join it.
      '--repl-diskless-sync-delay', '0',
      ...(useTls
        ? ['--port', '0', '--tls-port', String(port), '--tls-cert-file', this.certs.certFile, '--tls-key-file', this.certs.keyFile,
          '--tls-ca-cert-file', this.certs.caFile, '--tls-auth-clients', 'no', '--tls-replication', 'yes']
        : ['--port', String(port)]),
      ...(options.replicaOf ? ['--replicaof', '127.0.0.1', String(options.replicaOf.port), '--masteruser', 'admin', '--masterauth', ADMIN_PASSWORD] : []),
      ...users.flatMap((user) => ['--user', ...user]),
      ...(options.args ?? []),
    ];
    const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.processes.push(child);
    await new Promise<void>((resolve, reject) => {
      let log = '';
      const timer = setTimeout(() => reject(new Error(`redis-server on port ${port} did not start:\n${log}`)), 10_000);
      const onData = (data: Buffer): void => {
        log += data.toString();
        if (/Ready to accept connections/.test(log)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server on port ${port} exited with ${code}:\n${log}`));
      });
    });
    const connectAs = async (username: string, password: string): Promise<Redis> => {
      const client = new Redis({
        host: '127.0.0.1',
        port,
        username,
        password,
        protocol: 2,
        lazyConnect: true,
        tls: useTls ? { ca: this.certs.ca } : undefined,
        maxRetriesPerRequest: 0,
        retryStrategy: () => null,
        disconnectTimeout: 200,
      });
      this.clients.push(client);
      await client.connect();
      return client;
    };
    const server: RedisServer = { port, tls: useTls, connect: connectAs, admin: () => connectAs('admin', ADMIN_PASSWORD) };
    return server;
  }

  /** Waits until `primary` shows `count` online replicas. */
  public async waitForReplicas(primary: RedisServer, count: number): Promise<void> {
    const admin = await primary.admin();
    for (let i = 0; i < 200; i++) {
      const info = String(await admin.call('info', 'replication'));
      if ((info.match(/state=online/g) ?? []).length >= count) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`port ${primary.port} has fewer than ${count} online replica(s)`);
  }

  /** Ends every client and process started here, and removes the temporary directory. */
  public async stop(): Promise<void> {
    this.clients.forEach((client) => client.disconnect());
    await Promise.all(this.processes.map((child) => new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    })));
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The rule words of an ACL rule string, for a `user` line. */
export function ruleWords(rule: string): string[] {
  return rule.split(' ');
}
