import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { executeActivity, messageActivity, teamsActivity, testTenantId, type ActivityOptions } from '../support/activities';
import { cardText, startTestApp, type TestApp } from '../support/test-app';
import { postedCards } from '../checkins/checkin-harness';

/** Monday 9 March 2026, 10:00 in Stockholm. */
export const monday1000 = new Date('2026-03-09T09:00:00Z');
export const customerTenantId = '99999999-8888-7777-6666-555555555555';
export const meetingChatId = '19:meeting_Y29udG9zby1iYWNrdXA@thread.v2';

export interface Person {
  readonly name: string;
  readonly aad: string;
  readonly tenantId: string;
}

export const maria: Person = { name: 'Maria Lind', aad: 'aad-maria', tenantId: testTenantId };
export const kim: Person = { name: 'Kim Ek', aad: 'aad-kim', tenantId: testTenantId };
/** A customer whose own organisation also uses Partner Coach: she opted in there, in her own tenant. */
export const cara: Person = { name: 'Cara Customer', aad: 'aad-cara', tenantId: customerTenantId };

export type Card = Record<string, unknown>;

/** The real app in TEST_MODE: real time flows from Monday 10:00 and /test/clock moves it on. */
export async function startMeetingApp(): Promise<TestApp> {
  const started = Date.now();
  return startTestApp({ TEST_MODE: 'true' }, { clock: () => new Date(monday1000.getTime() + Date.now() - started) });
}

export const personalChatOf = (person: Person): string => `a:personal-${person.aad}`;

export const inPersonalChat = (harness: TestApp, person: Person, locale = 'en-US'): ActivityOptions => ({
  serviceUrl: harness.connector.serviceUrl, aadObjectId: person.aad, userName: person.name, tenantId: person.tenantId, locale,
});

/** A meeting event as Teams posts it into the meeting's chat: the meeting's id in channelData.meeting. */
function meetingEvent(harness: TestApp, meetingId: string, name: string, value: unknown): Activity {
  return teamsActivity(
    { serviceUrl: harness.connector.serviceUrl, aadObjectId: maria.aad, userName: maria.name, conversationType: 'groupChat', conversationId: meetingChatId },
    { type: 'event', name, value, channelData: { tenant: { id: testTenantId }, meeting: { id: meetingId } } },
  );
}

export const meetingStart = (harness: TestApp, meetingId: string, at: Date): Activity =>
  meetingEvent(harness, meetingId, 'application/vnd.microsoft.meetingStart', {
    Id: meetingId, MeetingType: 'Scheduled', JoinUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting', Title: 'Backup review with Contoso', StartTime: at.toISOString(),
  });

export const meetingEnd = (harness: TestApp, meetingId: string, at: Date): Activity =>
  meetingEvent(harness, meetingId, 'application/vnd.microsoft.meetingEnd', {
    Id: meetingId, MeetingType: 'Scheduled', JoinUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting', Title: 'Backup review with Contoso', EndTime: at.toISOString(),
  });

export const participantsJoin = (harness: TestApp, meetingId: string, people: readonly Person[], userRole = 'user'): Activity =>
  meetingEvent(harness, meetingId, 'application/vnd.microsoft.meetingParticipantJoin', {
    members: people.map((person) => ({
      user: { id: `29:${person.aad}`, aadObjectId: person.aad, name: person.name, tenantId: person.tenantId, userRole },
      meeting: { inMeeting: true, role: 'Attendee' },
    })),
  });

export async function say(harness: TestApp, person: Person, text: string, locale = 'en-US'): Promise<void> {
  const answer = await harness.post(messageActivity(inPersonalChat(harness, person, locale), text));
  assert.equal(answer.status, 200, answer.text);
}

export async function postEvent(harness: TestApp, activity: Activity): Promise<void> {
  const answer = await harness.post(activity);
  assert.equal(answer.status, 200, answer.text);
}

/** Presses an Action.Execute button in the person's 1:1 chat; the card Teams shows in its place, or the text. */
export async function press(harness: TestApp, person: Person, verb: string, data: Record<string, unknown>): Promise<{ card?: Card; text?: string }> {
  const answer = await harness.post(executeActivity(inPersonalChat(harness, person), verb, data));
  assert.equal(answer.status, 200, answer.text);
  const body = answer.body as { type: string; value: unknown };
  return body.type === 'application/vnd.microsoft.card.adaptive' ? { card: body.value as Card } : { text: String(body.value) };
}

/** Reflection cards posted into a person's 1:1 chat. */
export const reflectionCards = (harness: TestApp, person: Person): Card[] =>
  postedCards(harness, personalChatOf(person)).map(({ card }) => card).filter((card) => /How did it go with the customer\?/.test(cardText(card)));

/** Texts the bot posted into a person's 1:1 chat, oldest first. */
export const postedTexts = (harness: TestApp, person: Person): string[] =>
  harness.connector.posted().filter((call) => call.conversationId === personalChatOf(person)).flatMap((call) => (typeof call.body.text === 'string' ? [call.body.text] : []));
