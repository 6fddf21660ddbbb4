/**
 * Values built on first use and kept by key, at most `limit` of them; when full, the one kept longest goes. For what a
 * process sees a few of again and again (service URLs, clients, scripted lines) but could be sent endlessly many of.
 */
export class BoundedMemo<V> {
  private readonly values = new Map<string, V>();

  constructor(private readonly limit: number) {}

  get(key: string, build: () => V): V {
    if (this.values.has(key)) return this.values.get(key) as V;
    const value = build();
    if (this.values.size >= this.limit) this.values.delete(this.values.keys().next().value as string);
    this.values.set(key, value);
    return value;
  }

  forget(key: string): void {
    this.values.delete(key);
  }
}
