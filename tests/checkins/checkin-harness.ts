import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { userKeyOf } from '../../src/core/keys';
import type { AppOverrides } from '../../src/index';
import { messageActivity, testTenantId, type ActivityOptions } from '../support/activities';
import type { ConnectorCall } from '../support/loopback-connector';
import { attachedCard, cardText, startTestApp, type TestApp } from '../support/test-app';

/** Monday 9 March 2026, 08:00 in Stockholm: the app's clock starts here and runs at real speed until a test moves it on. */
export const monday0800 = new Date('2026-03-09T07:00:00Z');

export interface Person {
  readonly name: string;
  readonly aad: string;
}

export const maria: Person = { name: 'Maria Lind', aad: 'aad-maria' };
export const team: readonly Person[] = [maria, { name: 'Kim Ek', aad: 'aad-kim' }, { name: 'Noor Said', aad: 'aad-noor' }, { name: 'Jonas Falk', aad: 'aad-jonas' }];
export const userKey = (person: Person): string => userKeyOf(testTenantId, person.aad);
export const channelId = '19:service-desk@thread.tacv2';

/** The real app in TEST_MODE with its clock set to monday0800, with a loopback Connector that answers roster calls with `roster`. */
export async function startCheckinApp(roster: readonly Person[], env: Record<string, string> = {}, overrides: AppOverrides = {}): Promise<TestApp> {
  // Real time flows (rate limits and retries need it to); only the starting point is fixed.
  const started = Date.now();
  const harness = await startTestApp({ TEST_MODE: 'true', ...env }, { clock: () => new Date(monday0800.getTime() + Date.now() - started), ...overrides });
  rosterResponder(harness, roster);
  return harness;
}

export function rosterResponder(harness: TestApp, roster: readonly Person[], extra: (call: ConnectorCall) => { status: number; body?: unknown } | undefined = () => undefined): void {
  harness.connector.respondWith((call) => {
    if (call.method === 'GET' && call.path.includes('pagedmembers')) {
      return { status: 200, body: { members: roster.map((person) => ({ id: `29:${person.aad}`, name: person.name, aadObjectId: person.aad })) } };
    }
    return extra(call);
  });
}

export const inChannel = (harness: TestApp, person: Person): ActivityOptions => ({
  serviceUrl: harness.connector.serviceUrl, aadObjectId: person.aad, userName: person.name, conversationType: 'channel', conversationId: channelId,
});
export const inPersonalChat = (harness: TestApp, person: Person, timeZone = 'Europe/Stockholm'): ActivityOptions => ({
  serviceUrl: harness.connector.serviceUrl, aadObjectId: person.aad, userName: person.name, timeZone,
});

/** Each person says hello in a personal chat, so the bot has a conversation to reach them in later. */
export async function greet(harness: TestApp, people: readonly Person[]): Promise<void> {
  for (const person of people) await harness.post(messageActivity(inPersonalChat(harness, person), 'help'));
}

/** Moves the app's clock forward and plans at once (POST /test/clock). */
export async function advance(harness: TestApp, minutes: number): Promise<void> {
  const response = await fetch(`${harness.app.url}/test/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advanceMinutes: minutes }) });
  assert.equal(response.status, 200, await response.text());
}

/** Polls until `check` holds (the worker sends on its own loop); fails with `what` after the timeout. */
export async function eventually<T>(what: string, check: () => T | undefined | false, timeoutMs = 8_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Cards posted into a conversation, newest last. */
export function postedCards(harness: TestApp, conversationId: string): Array<{ readonly call: ConnectorCall; readonly card: Record<string, unknown> }> {
  return harness.connector
    .posted()
    .filter((call) => call.conversationId === conversationId)
    .flatMap((call) => {
      const card = attachedCard(call.body);
      return card ? [{ call, card }] : [];
    });
}

export const personalChatId = (person: Person): string => `a:personal-${person.aad}`;

/** The occurrence id carried by a check-in card's answer button, if it has one. */
export function occurrenceIn(card: Record<string, unknown>): string | undefined {
  const actions = (card.actions ?? []) as Array<{ data?: { verb?: string; occurrence?: string } }>;
  return actions.find((action) => action.data?.verb === 'checkin.answer')?.data?.occurrence;
}

export function occurrenceOf(card: Record<string, unknown>): string {
  const occurrence = occurrenceIn(card);
  assert.ok(occurrence, `no answer button on ${cardText(card)}`);
  return occurrence;
}

/** Every row of the records and unlinked_records tables, for tests that prove what is (not) stored. */
export function readRecords(databaseFile: string): Array<{ collection: string; id: string; owner: string | null; body: string }> {
  const db = new Database(databaseFile, { readonly: true });
  try {
    return db.prepare('SELECT collection, id, owner, body FROM records UNION ALL SELECT collection, id, NULL, body FROM unlinked_records').all() as Array<{ collection: string; id: string; owner: string | null; body: string }>;
  } finally {
    db.close();
  }
}

export function readDeliveries(databaseFile: string): Array<{ occurrence_key: string; recipient_key: string; kind: string; status: string; payload: string }> {
  const db = new Database(databaseFile, { readonly: true });
  try {
    return db.prepare('SELECT occurrence_key, recipient_key, kind, status, payload FROM deliveries').all() as Array<{ occurrence_key: string; recipient_key: string; kind: string; status: string; payload: string }>;
  } finally {
    db.close();
  }
}
