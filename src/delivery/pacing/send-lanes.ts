import { Wakeup } from './deadline';

/** A send's place on the wire: the tenant's part is given up early when the send turns slow, the conversation's when it ends. */
export interface LanePlace {
  releaseTenant(): void;
  leave(): void;
}

/** Sends on the wire by tenant and by conversation, so one that stops answering cannot take every place. */
export class SendLanes {
  private readonly byTenant = new Map<string, number>();
  private readonly byConversation = new Map<string, number>();
  private readonly wakeup = new Wakeup();

  constructor(
    private readonly perTenant: number,
    private readonly perConversation: number,
  ) {}

  /** Takes a place for one send, or returns undefined when the tenant or the conversation is at its cap. */
  enter(tenant: string, conversation: string): LanePlace | undefined {
    const conversationKey = `${tenant}|${conversation}`;
    if ((this.byTenant.get(tenant) ?? 0) >= this.perTenant) return undefined;
    if ((this.byConversation.get(conversationKey) ?? 0) >= this.perConversation) return undefined;
    this.bump(this.byTenant, tenant, 1);
    this.bump(this.byConversation, conversationKey, 1);
    let holdsTenant = true;
    let holdsConversation = true;
    const releaseTenant = (): void => {
      if (!holdsTenant) return;
      holdsTenant = false;
      this.bump(this.byTenant, tenant, -1);
    };
    return {
      releaseTenant,
      leave: () => {
        releaseTenant();
        if (!holdsConversation) return;
        holdsConversation = false;
        this.bump(this.byConversation, conversationKey, -1);
      },
    };
  }

  /** Resolves when any place is given up. */
  freed(): Promise<void> {
    return this.wakeup.wait();
  }

  private bump(counts: Map<string, number>, key: string, by: number): void {
    const next = (counts.get(key) ?? 0) + by;
    if (next <= 0) counts.delete(key);
    else counts.set(key, next);
    if (by < 0) this.wakeup.notify();
  }
}
