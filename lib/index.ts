export * from './choreo-redis';
export * from './backends/backend';
export * from './backends/redis-backend';
export * from './backends/elasticache/props';
export * from './backends/azure-managed-redis/props';
export { ServicePlan } from './plan/service-plan';
export { Cloud } from './plan/cloud';
export { ProductPromise, Realization, PromiseConformance } from './plan/conformance';
export { RedisCommands } from './plan/redis-commands';
