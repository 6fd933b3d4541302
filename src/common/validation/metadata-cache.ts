import { getMetadataStorage } from 'class-validator';

type Lookup = ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas'];

let installed = false;

/**
 * Remembers class-validator's answer to "which rules apply to this DTO class". Unchanged, every
 * validation walks every decorated class of the app to find the DTO's ancestors
 * (typestack/class-validator#2686); with a few hundred DTOs that walk was the largest single
 * cost of validating a list query, on every request.
 *
 * Safe to remember: a class's own rules and its ancestors' are registered by their decorators
 * when the classes are defined, before the class can be validated; a class defined later adds
 * rules for itself only and never changes another class's answer. Each argument combination
 * (schema, always, strictGroups, groups) has its own entry, so grouped validation stays exact.
 */
export function rememberValidationMetadata(): void {
  if (installed) return;
  installed = true;
  const storage = getMetadataStorage();
  const lookup: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  const byClass = new WeakMap<object, Map<string, ReturnType<Lookup>>>();
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    let entries = byClass.get(target);
    if (!entries) byClass.set(target, (entries = new Map()));
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0000') ?? ''}`;
    let metadata = entries.get(key);
    if (!metadata) {
      metadata = lookup(target, schema, always, strictGroups, groups);
      entries.set(key, metadata);
    }
    return metadata;
  };
}
