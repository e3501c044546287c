import { LUA_COMMANDS, RESTRICTED_COMMANDS, renderAclRule, deniedCommands } from './commands';

/**
 * The Redis commands the product restricts, as data for clients, linters and ACLs.
 */
export class RedisCommands {
  /** The 16 commands every Choreo-managed data store refuses. */
  public static readonly RESTRICTED: string[] = [...RESTRICTED_COMMANDS];
  /** The Lua and function commands, refused when Lua scripting is off. */
  public static readonly LUA: string[] = [...LUA_COMMANDS];

  /**
   * A Redis ACL rule that allows every key, channel and command except the restricted ones (and the Lua
   * commands when `luaScripting` is false), for services that take ACL rules.
   */
  public static aclRule(luaScripting: boolean): string {
    return renderAclRule(deniedCommands(luaScripting));
  }

  private constructor() {}
}
