import { AsyncLocalStorage } from 'node:async_hooks';

interface Frame {
  open: boolean;
}

/** Knows whether code runs inside one store's open transaction, so that store can refuse to be re-entered. */
export class TransactionScope {
  private readonly frames = new AsyncLocalStorage<Frame>();
  private openFrames = 0;

  async run<T>(work: () => Promise<T>): Promise<T> {
    const frame: Frame = { open: true };
    this.openFrames += 1;
    try {
      return await this.frames.run(frame, work);
    } finally {
      frame.open = false;
      this.openFrames -= 1;
      // While enabled, Node 20 follows every promise in the process (hundreds per turn): so only while a transaction is open.
      if (this.openFrames === 0) this.frames.disable();
    }
  }

  /** Throws when called from inside this store's transaction: the call would wait for that same transaction. */
  assertOutside(): void {
    if (this.openFrames > 0 && this.frames.getStore()?.open === true) {
      throw new Error('store used inside its own transaction: use the session passed to the transaction work');
    }
  }
}
