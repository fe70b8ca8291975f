/**
 * A bounded memo: when its newest `limit` entries are full they become the older generation (the
 * one before is dropped), and a key found there is brought forward. Workbooks repeat the same
 * texts and values thousands of times (headers, unit names, typed scores); one with more distinct
 * keys than the limit (a 10,000-unit matrix's names and headers) keeps the keys it is still using,
 * where emptying the whole memo would work them all out again. Purely an optimisation: the value
 * of a key must not depend on when it is asked for.
 */
export class BoundedMemo<K, V> {
  private recent = new Map<K, V>();
  private older = new Map<K, V>();

  constructor(private readonly limit: number) {}

  get(key: K): V | undefined {
    const value = this.recent.get(key);
    if (value !== undefined) return value;
    const old = this.older.get(key);
    if (old !== undefined) this.set(key, old);
    return old;
  }

  set(key: K, value: V): void {
    if (this.recent.size >= this.limit) {
      this.older = this.recent;
      this.recent = new Map();
    }
    this.recent.set(key, value);
  }
}
