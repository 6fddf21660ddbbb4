import { createHash } from 'node:crypto';

const digest = (kind: string, parts: readonly string[]): string =>
  createHash('sha256').update([kind, ...parts].join('\u0000')).digest('base64url').slice(0, 22);

/** Our own stable id for a person: Teams ids stay at the edge, and records carry only this key. */
export const userKeyOf = (tenantId: string, entraObjectId: string): string => `u_${digest('user', [tenantId, entraObjectId])}`;

/** Our own stable id for a conversation (personal chat, group chat or channel). */
export const conversationKeyOf = (tenantId: string, conversationId: string): string =>
  `c_${digest('conversation', [tenantId, conversationId])}`;

export const teamKeyOf = (tenantId: string, teamId: string): string => `t_${digest('team', [tenantId, teamId])}`;

/** Our own stable id for a Teams meeting; the meeting's id, title and join link are not stored. */
export const meetingKeyOf = (tenantId: string, meetingId: string): string => `m_${digest('meeting', [tenantId, meetingId])}`;
