import { StorageUnavailableError, type RecordKey, type RecordQuery, type RecordWrite, type StoreSession, type StoredRecord } from './store';

/** The session handed to transaction work: usable only while its transaction is open, and remembers a failed statement. */
export class TransactionSession implements StoreSession {
  private open = true;
  private failure: StorageUnavailableError | undefined;

  constructor(private readonly records: StoreSession) {}

  /** A statement failed inside the transaction, even if the work caught it; committing would keep only part of the work. */
  get failedWith(): StorageUnavailableError | undefined {
    return this.failure;
  }

  end(): void {
    this.open = false;
  }

  get<T>(collection: string, id: string): Promise<StoredRecord<T> | undefined> {
    return this.use(() => this.records.get<T>(collection, id));
  }

  getMany(keys: readonly RecordKey[]): Promise<ReadonlyArray<StoredRecord<unknown> | undefined>> {
    return this.use(() => this.records.getMany(keys));
  }

  list<T>(collection: string, query?: RecordQuery): Promise<StoredRecord<T>[]> {
    return this.use(() => this.records.list<T>(collection, query));
  }

  put<T>(write: RecordWrite<T>): Promise<number> {
    return this.use(() => this.records.put(write));
  }

  remove(collection: string, id: string, expectedVersion?: number): Promise<boolean> {
    return this.use(() => this.records.remove(collection, id, expectedVersion));
  }

  removeOwnedBy(owner: string): Promise<number> {
    return this.use(() => this.records.removeOwnedBy(owner));
  }

  private async use<R>(operation: () => Promise<R>): Promise<R> {
    if (!this.open) throw new Error('transaction session used after its transaction ended');
    try {
      return await operation();
    } catch (error) {
      if (error instanceof StorageUnavailableError) this.failure ??= error;
      throw error;
    }
  }
}
