import { AsyncLocalStorage } from 'node:async_hooks';

interface Frame {
  open: boolean;
}

/** Knows whether code runs inside one store's open transaction, so that store can refuse to be re-entered. */
export class TransactionScope {
  private readonly frames = new AsyncLocalStorage<Frame>();

  async run<T>(work: () => Promise<T>): Promise<T> {
    const frame: Frame = { open: true };
    return this.frames.run(frame, async () => {
      try {
        return await work();
      } finally {
        frame.open = false;
      }
    });
  }

  /** Throws when called from inside this store's transaction: the call would wait for that same transaction. */
  assertOutside(): void {
    if (this.frames.getStore()?.open === true) {
      throw new Error('store used inside its own transaction: use the session passed to the transaction work');
    }
  }
}
