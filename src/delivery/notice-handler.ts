import { isLocale } from '../core/locale';
import { textReply } from '../core/reply';
import type { Translator } from '../core/translator';
import type { NewDelivery } from './delivery';
import type { DeliveryHandler } from './delivery-handler';

export const noticeKind = 'delivery.notice';

/** A one-line message from a locale key, rendered in the reader's language when it is sent. */
export interface NoticePayload {
  readonly key: string;
  readonly params: Readonly<Record<string, string | number>>;
  readonly locale: string;
}

/** Sends notices such as "Kim cannot be reached: ask them to open a chat with me once". */
export function noticeHandler(translator: Translator): DeliveryHandler {
  return {
    kind: noticeKind,
    prepare: async (delivery) => {
      const payload = delivery.payload as Partial<NoticePayload>;
      if (typeof payload.key !== 'string') return { kind: 'cancel', reason: 'notice without a key' };
      const locale = isLocale(payload.locale) ? payload.locale : 'en';
      return { kind: 'send', replies: [textReply(translator.translate(locale, payload.key, payload.params ?? {}))] };
    },
  };
}

/** A notice delivery; its occurrence key decides how often the same notice can be sent (once per key and recipient). */
export function noticeDelivery(fields: Omit<NewDelivery, 'kind' | 'payload'> & { readonly notice: NoticePayload }): NewDelivery {
  const { notice, ...rest } = fields;
  return { ...rest, kind: noticeKind, payload: { ...notice } };
}
