/**
 * A module loaded on first call and kept from then on: for the provider modules of optional features, so that
 * data stores without the feature never load them. Wrap the deep `require` of the module, with its
 * `typeof import(...)` type, and call the result where the feature is rendered:
 * `const endpoint = lazyModule(() => require('<provider>/lib/<resource>') as typeof import('<provider>/lib/<resource>'))`,
 * then `new (endpoint().Resource)(scope, id, config)`.
 */
export function lazyModule<T>(load: () => T): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load());
}
