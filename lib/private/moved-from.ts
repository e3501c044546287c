/**
 * `movedFrom`: a ChoreoRedis construct renamed or moved to another parent in the same stack keeps its data store.
 *
 * Terraform addresses follow the construct path (cdktf's logical IDs), and so do derived names. Without help, a
 * rename makes Terraform destroy every resource at its old address and create an empty data store at the new one:
 * `prevent_destroy` and the replacement guard cannot stop it, because the old resource blocks are gone from the
 * configuration and Terraform checks no precondition on a destroy. With `movedFrom` naming the old path, every name
 * is derived from the old path, and every resource gets a `moved` block from its old address, so Terraform moves the
 * state and plans no change.
 */
import { Aspects, IAspect, TerraformResource, TerraformStack, Token } from 'cdktf';
// cdktf's own logical ID scheme (TerraformStack.allocateLogicalId), to compute the address a resource had.
import { makeUniqueId } from 'cdktf/lib/private/unique';
import { Construct, IConstruct } from 'constructs';
import { ChoreoRedisError } from '../plan';

/** The parts of `movedFrom`, checked: a construct path below the stack that differs from the construct's own. */
export function movedFromParts(construct: Construct, movedFrom: string | undefined): string[] | undefined {
  if (movedFrom === undefined) return undefined;
  const fix = 'Give the construct path below the stack that the data store had, such as "Cache" or "Team/Cache" (the part of '
    + 'its Terraform addresses before its own resources), or omit movedFrom.';
  if (Token.isUnresolved(movedFrom)) {
    throw new ChoreoRedisError('InvalidMovedFrom', `movedFrom on ${construct.node.path} is a token; Terraform addresses are fixed at synth, so it must be a literal path. ${fix}`);
  }
  const parts = movedFrom.split('/');
  if (parts.some((part) => part.trim() === '' || part !== part.trim())) {
    throw new ChoreoRedisError('InvalidMovedFrom', `movedFrom "${movedFrom}" on ${construct.node.path} is not a construct path: it has an empty part or surrounding spaces. ${fix}`);
  }
  const own = ownParts(construct);
  if (parts.join('/') === own.join('/')) {
    throw new ChoreoRedisError('PropHasNoEffect', `movedFrom "${movedFrom}" is the construct's own path (${own.join('/')}), so nothing moves. Remove movedFrom.`);
  }
  return parts;
}

/** The IDs of the construct's scopes below its stack. */
function ownParts(construct: IConstruct): string[] {
  const stack = TerraformStack.of(construct);
  return construct.node.scopes.slice(construct.node.scopes.indexOf(stack) + 1).map((c) => c.node.id);
}

/** The path, from the app's root, the construct had: its stack's path and `parts`, from which names were derived. */
export function formerPath(construct: Construct, parts: readonly string[]): string {
  return [TerraformStack.of(construct).node.path, ...parts].filter((p) => p !== '').join('/');
}

/**
 * Gives every resource under `construct` (those defined later too, such as `grantConnect`'s) a `moved` block from
 * the address it had when the construct was at `parts`, at synth.
 */
export function moveFrom(construct: Construct, parts: readonly string[]): void {
  const own = ownParts(construct);
  const stack = TerraformStack.of(construct);
  const aspect: IAspect = {
    visit(node: IConstruct): void {
      if (!TerraformResource.isTerraformResource(node)) return;
      const resource = node as TerraformResource;
      const below = ownParts(resource).slice(own.length);
      if (resource.friendlyUniqueId !== makeUniqueId([...own, ...below])) {
        throw new ChoreoRedisError('MovedFromNeedsDefaultIds',
          `movedFrom on ${construct.node.path}: ${resource.node.path} has the Terraform address ${resource.terraformResourceType}.${resource.friendlyUniqueId}, not cdktf's default for its path, so the address it had cannot be known. Keep cdktf's default logical IDs (no allocateLogicalId override in the stack), or write the moved blocks yourself.`);
      }
      const from = makeUniqueId([...parts, ...below]);
      const taken = stack.node.findAll().some((c) => TerraformResource.isTerraformResource(c) && (c as TerraformResource).friendlyUniqueId === from);
      if (taken) {
        throw new ChoreoRedisError('MovedFromStillDefined',
          `movedFrom "${parts.join('/')}" on ${construct.node.path}: the stack still defines ${resource.terraformResourceType}.${from} at that path, so Terraform cannot move it. Remove the construct at the old path, or remove movedFrom.`);
      }
      resource.moveFromId(`${resource.terraformResourceType}.${from}`);
    },
  };
  Aspects.of(construct).add(aspect);
}
