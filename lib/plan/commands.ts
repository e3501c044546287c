/**
 * The Redis commands the product disables, and the Lua commands that `luaScripting: false` disables.
 */

/** The 16 commands every Choreo-managed data store refuses. */
export const RESTRICTED_COMMANDS: readonly string[] = [
  'bgrewriteaof', 'cluster', 'command', 'debug', 'failover', 'migrate', 'role', 'slaveof',
  'acl', 'bgsave', 'config', 'lastsave', 'monitor', 'replicaof', 'save', 'shutdown',
];

/** The commands that run Lua scripts or Redis functions: on by default, refused when Lua is switched off. */
export const LUA_COMMANDS: readonly string[] = [
  'eval', 'eval_ro', 'evalsha', 'evalsha_ro', 'fcall', 'fcall_ro', 'function', 'script',
];

/** The commands a data store must refuse, given whether Lua scripting is on. */
export function deniedCommands(luaScripting: boolean): string[] {
  return luaScripting ? [...RESTRICTED_COMMANDS] : [...RESTRICTED_COMMANDS, ...LUA_COMMANDS];
}

/**
 * A Redis ACL rule for a user with every key, every channel and every command except `deny`.
 *
 * The form is the one Redis (and ElastiCache) reports back for such a user, so a provider that stores
 * the string it reads back shows no difference on the next plan.
 */
export function renderAclRule(deny: readonly string[]): string {
  return ['on', '~*', '&*', '+@all', ...deny.map((command) => `-${command}`)].join(' ');
}
