import path from 'node:path';
import { ConversationReferenceRepository } from '../src/bot/conversation-references';
import { collectQuestions, QuestionSetCatalog } from '../src/checkins/question-sets';
import type { AnswerSubmission } from '../src/collect/collection';
import { Collections } from '../src/collect/collections';
import { checkAnswerSecret, loadAnswerSecret } from '../src/collect/answer-secret';
import { loadConfig } from '../src/config';
import { ThemeCatalog } from '../src/content/themes';
import { conversationKeyOf, userKeyOf } from '../src/core/keys';
import { AttemptRepository, type ExerciseAttempt } from '../src/exercises/attempts';
import { isChoiceKind, loadExerciseLibrary, type Exercise } from '../src/exercises/exercise-content';
import { UserSettingsRepository } from '../src/home/user-settings';
import { openSqliteStore } from '../src/storage/sqlite-store';

/**
 * npm run seed:users -- --users 10000 [--file data/seed.db] [--days 365] [--team 10]
 * Fills a SQLite file, through the app's own repositories, with `users` people of one tenant who have used the bot
 * for `days`: a personal chat, settings, about two exercise attempts a week (most rated, some with a commitment) and
 * a weekly team check-in they answered most weeks. Person i talks as Entra object id `seed-aad-<i>` in tenant
 * `seedTenantId`, so a bench can post turns as any of them. Deterministic: the same arguments give the same data.
 */
export const seedTenantId = '5eed0000-0000-4000-8000-000000000001';
export const seedAadObjectId = (index: number): string => `seed-aad-${index}`;

const args = new Map(process.argv.slice(2).flatMap((arg, index, all) => (arg.startsWith('--') ? [[arg.slice(2), all[index + 1] ?? '']] : [])));
const users = Number(args.get('users') ?? 10_000);
const file = path.resolve(args.get('file') ?? path.join('data', 'seed.db'));
const days = Number(args.get('days') ?? 365);
const teamSize = Number(args.get('team') ?? 10);
const serviceUrl = args.get('service-url') ?? 'http://127.0.0.1:9/';
const root = path.resolve(__dirname, '..');
const dayMs = 86_400_000;

let seed = 7;
const random = (): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

function attemptFor(exercise: Exercise, index: number, at: Date, locale: 'en' | 'sv'): ExerciseAttempt {
  const rated = random() < 0.8;
  const choice = isChoiceKind(exercise.kind) ? pick(exercise[locale].options ?? [])?.id : undefined;
  const keyPoints = exercise[locale].keyPoints.flatMap((_point, point) => (random() < 0.5 ? [point] : []));
  return {
    attemptId: `seed-${index}`,
    exerciseId: exercise.id,
    theme: exercise.theme,
    locale,
    submittedAt: at.toISOString(),
    ...(choice ? { choice, correct: choice === exercise.correctOption } : { answer: 'I would ask what the change means for their own customers before proposing anything, and agree on a next step.' }),
    ...(rated
      ? {
          rating: 1 + Math.floor(random() * 5),
          coveredKeyPoints: keyPoints,
          ratedAt: new Date(at.getTime() + 60_000).toISOString(),
          ...(random() < 0.4 ? { commitment: 'Ask about their business goal in Thursday’s meeting.' } : {}),
        }
      : {}),
  };
}

async function main(): Promise<void> {
  const started = Date.now();
  const now = new Date();
  const store = await openSqliteStore(file, { bulkLoad: true });
  const contentDir = path.join(root, 'content');
  const library = loadExerciseLibrary(contentDir, ThemeCatalog.load(contentDir));
  const questionSet = QuestionSetCatalog.load(path.join(contentDir, 'checkins')).all[0];
  if (!questionSet) throw new Error('no check-in question set in content/checkins');
  // The answer secret next to the file, as the app keeps it for that database.
  const secret = loadAnswerSecret(loadConfig({ DATABASE_URL: `sqlite:${file}` }), root);
  await checkAnswerSecret(store, secret);
  const collections = new Collections(store, secret);
  const references = new ConversationReferenceRepository(store);
  const settings = new UserSettingsRepository(store);
  const attempts = new AttemptRepository(store);
  let records = 0;
  try {
    for (let index = 0; index < users; index += 1) {
      const aad = seedAadObjectId(index);
      const userKey = userKeyOf(seedTenantId, aad);
      const conversationId = `a:personal-${aad}`;
      const locale = index % 3 === 0 ? 'sv' : 'en';
      await references.remember(conversationKeyOf(seedTenantId, conversationId), userKey, {
        kind: 'personal',
        tenantId: seedTenantId,
        reference: {
          serviceUrl, channelId: 'msteams', bot: { id: '28:partner-coach-bot', name: 'Partner Coach' }, user: { id: `29:${aad}`, name: `Person ${index}`, aadObjectId: aad },
          conversation: { id: conversationId, tenantId: seedTenantId, conversationType: 'personal', isGroup: false, name: '' },
        },
      });
      await settings.update(userKey, { locale, timeZone: 'Europe/Stockholm' });
      let attempt = 0;
      for (let day = days; day > 0; day -= 1) {
        if (random() >= 2 / 7) continue;
        attempt += 1;
        await attempts.create(userKey, attemptFor(pick(library.all), attempt, new Date(now.getTime() - day * dayMs + random() * 8 * 3_600_000), locale));
      }
      records += 3 + attempt;
      if ((index + 1) % teamSize === 0 || index === users - 1) records += await seedTeamCheckins(collections, questionSet, index - (index % teamSize), index + 1, now);
      if ((index + 1) % 1_000 === 0) console.log(`  ${index + 1} people, ${records} records, ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
  } finally {
    await store.close();
  }
  console.log(`seeded ${users} people with ${days} days of history (${records} records) into ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** A weekly check-in for the team of people [from, to): one collection a week, answered by each member most weeks. */
async function seedTeamCheckins(collections: Collections, set: Parameters<typeof collectQuestions>[0], from: number, to: number, now: Date): Promise<number> {
  let written = 0;
  for (let week = Math.floor(days / 7); week > 0; week -= 1) {
    const opensAt = new Date(now.getTime() - week * 7 * dayMs);
    const closesAt = new Date(opensAt.getTime() + 3 * dayMs);
    const collection = await collections.create(
      { purpose: 'check-in', questions: collectQuestions(set), settings: { anonymous: false, minResponses: 3, maxAnswersPerPerson: 1, resultsShown: 'live', closesAt: closesAt.toISOString() } },
      opensAt,
    );
    written += 1;
    for (let index = from; index < to; index += 1) {
      if (random() >= 0.8) continue;
      const submissions: AnswerSubmission[] = set.questions.map((question) =>
        question.form === 'scale' ? { questionId: question.id, form: 'scale', value: 1 + Math.floor(random() * 5) } : { questionId: question.id, form: 'free-text', texts: [{ text: 'The customer meeting went well; we agreed on the next step.' }] },
      );
      await collections.answer(collection.id, { userKey: userKeyOf(seedTenantId, seedAadObjectId(index)), displayName: `Person ${index}` }, submissions, new Date(opensAt.getTime() + dayMs));
      written += 1;
    }
  }
  return written;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(`seeding failed: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  });
}
