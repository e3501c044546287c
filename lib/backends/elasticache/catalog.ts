import { SizeOption } from '../../plan';

/**
 * ElastiCache node types this library offers, with memory per node in GiB (Graviton generations:
 * burstable t4g, general-purpose m7g, memory-optimized r7g).
 */
export const ELASTICACHE_NODE_TYPES: readonly SizeOption[] = [
  { id: 'cache.t4g.micro', memoryGib: 0.5 },
  { id: 'cache.t4g.small', memoryGib: 1.37 },
  { id: 'cache.t4g.medium', memoryGib: 3.09 },
  { id: 'cache.m7g.large', memoryGib: 6.38 },
  { id: 'cache.m7g.xlarge', memoryGib: 12.93 },
  { id: 'cache.m7g.2xlarge', memoryGib: 26.04 },
  { id: 'cache.m7g.4xlarge', memoryGib: 52.26 },
  { id: 'cache.m7g.8xlarge', memoryGib: 103.68 },
  { id: 'cache.m7g.12xlarge', memoryGib: 157.12 },
  { id: 'cache.m7g.16xlarge', memoryGib: 209.55 },
  { id: 'cache.r7g.large', memoryGib: 13.07 },
  { id: 'cache.r7g.xlarge', memoryGib: 26.32 },
  { id: 'cache.r7g.2xlarge', memoryGib: 52.82 },
  { id: 'cache.r7g.4xlarge', memoryGib: 105.81 },
  { id: 'cache.r7g.8xlarge', memoryGib: 209.55 },
  { id: 'cache.r7g.12xlarge', memoryGib: 317.77 },
  { id: 'cache.r7g.16xlarge', memoryGib: 419.09 },
];

/** ElastiCache's fixed `maxclients` per node; parameter groups cannot change it. */
export const ELASTICACHE_MAX_CLIENTS = 65_000;

/** The Redis port ElastiCache listens on. */
export const ELASTICACHE_PORT = 6379;

/**
 * The restricted commands ElastiCache already refuses on every cluster. Its access strings may not name
 * them, so the rendered access string leaves them out.
 */
export const ELASTICACHE_BLOCKED_COMMANDS: readonly string[] = [
  'bgrewriteaof', 'bgsave', 'config', 'debug', 'migrate', 'replicaof', 'save', 'slaveof', 'shutdown',
];

/** The most days of snapshots ElastiCache keeps. */
export const ELASTICACHE_MAX_SNAPSHOT_RETENTION = 35;

/**
 * Inbound rules per security group, counted apart for IPv4 and IPv6 sources (Amazon VPC quotas, "Inbound or outbound
 * rules per security group": 60, "enforced separately for IPv4 rules and IPv6 rules"). A rule past it fails the apply
 * with RulesPerSecurityGroupLimitExceeded.
 */
export const SECURITY_GROUP_MAX_INBOUND_RULES = 60;

/**
 * Security groups per network interface (Amazon VPC quotas: 5 by default); a replication group's nodes take at most
 * this many in `security_group_ids`.
 */
export const MAX_SECURITY_GROUPS = 5;

/** User tags per resource: AWS takes 50 (tagging best practices, "Tag naming limits and requirements"). */
export const AWS_MAX_TAGS = 50;
/** The longest tag key and value AWS takes, in Unicode characters. */
export const AWS_TAG_KEY_MAX_LENGTH = 128;
export const AWS_TAG_VALUE_MAX_LENGTH = 256;
