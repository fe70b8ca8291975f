/**
 * The records of a unit's results keyed by criterion id (`leaves`: 150 leaves, `nodes`: 60 fields
 * and criteria), made with every key they will be given, in the order they are filled.
 *
 * A record filled key by key becomes a hash table after a dozen keys (about 6 KB for 150 leaves,
 * 3 KB for 60 nodes, per unit: a quarter of what an analysis keeps); a copy of a record that
 * already has the keys keeps their shape, shared by every unit (about 1.2 KB and 0.5 KB). Same
 * keys, same order, same values: JSON, Object.keys and deep equality do not tell them apart.
 */

/** The shape of each list of keys, as a record with every key (values undefined until filled). */
const templates = new WeakMap<readonly string[], Record<string, undefined>>();

/**
 * A record with `keys` (each undefined), to be filled with a value for every key. `keys` is the
 * same array from call to call (a list worked out once per criteria set).
 */
export function recordWithKeys<T>(keys: readonly string[]): Record<string, T> {
  let template = templates.get(keys);
  if (!template) {
    template = Object.fromEntries(keys.map((key) => [key, undefined]));
    templates.set(keys, template);
  }
  return { ...template } as Record<string, T>;
}
