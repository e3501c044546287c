export * from './choreo-redis';
export { IRedisBackend } from './backends/backend';
export { RedisBackend } from './backends/redis-backend';
export * from './backends/elasticache/props';
export * from './backends/digitalocean-valkey/props';
export * from './backends/memorystore/props';
export * from './backends/memorystore-valkey/props';
export * from './backends/azure-managed-redis/props';
export * from './backends/aiven/props';
export { AivenProvider, AivenProviderConfig } from './backends/aiven/binding/provider';
export { ServicePlan } from './plan/service-plan';
export { EvictionPolicy } from './plan/parity';
export { Cloud } from './plan/cloud';
export { MaintenanceWindow, Weekday } from './plan/maintenance';
export { ProductPromise, Realization, PromiseConformance } from './plan/conformance';
export { RedisCommands } from './plan/redis-commands';
export { ChoreoRedisErrors } from './plan/errors';
export { AlertTarget, AlertTargetKind, ChoreoRedisAlerts } from './plan/alerts';
export {
  AwsSecretsManagerSecretProps, AzureKeyVaultSecretProps, ChoreoRedisAccess, CredentialSecret, CredentialSecretKind, GoogleSecretManagerSecretProps,
  KubernetesSecretProps,
} from './plan/access';
