import path from 'node:path';
import { ConversationReferenceRepository } from '../src/bot/conversation-references';
import { collectQuestions, QuestionSetCatalog, type QuestionSet } from '../src/checkins/question-sets';
import type { AnswerSubmission } from '../src/collect/collection';
import { Collections } from '../src/collect/collections';
import { checkAnswerSecret, loadAnswerSecret } from '../src/collect/answer-secret';
import { loadConfig } from '../src/config';
import { ThemeCatalog } from '../src/content/themes';
import { conversationKeyOf, userKeyOf } from '../src/core/keys';
import { AttemptRepository, type ExerciseAttempt } from '../src/exercises/attempts';
import { isChoiceKind, loadExerciseLibrary, type Exercise, type ExerciseLibrary } from '../src/exercises/exercise-content';
import { UserSettingsRepository } from '../src/home/user-settings';
import { openSqliteStore } from '../src/storage/sqlite/sqlite-store';
import type { Store } from '../src/storage/store';
import { sessionAsStore } from './lib/session-store';

/**
 * npm run seed:users -- --users 10000 [--file data/seed.db] [--days 365] [--team 10]
 * Fills a SQLite file, through the app's own repositories, with `users` people of one tenant who have used the bot
 * for `days`: a personal chat, settings, about two exercise attempts a week (most rated, some with a commitment) and
 * a weekly team check-in they answered most weeks. Person i talks as Entra object id `seed-aad-<i>` in tenant
 * `seedTenantId`, so a bench can post turns as any of them. Deterministic: the same arguments and `now` give the same data.
 */
export const seedTenantId = '5eed0000-0000-4000-8000-000000000001';
export const seedAadObjectId = (index: number): string => `seed-aad-${index}`;
export const seedUserKey = (index: number): string => userKeyOf(seedTenantId, seedAadObjectId(index));

export interface SeedOptions {
  readonly file: string;
  readonly users: number;
  readonly days: number;
  readonly teamSize: number;
  readonly now: Date;
  readonly serviceUrl?: string;
  /** Whole teams written in one transaction (10 teams of 10: a few thousand records a commit). */
  readonly teamsPerBatch?: number;
  readonly log?: (line: string) => void;
}

export interface SeedReport {
  readonly records: number;
  readonly seconds: number;
}

const dayMs = 86_400_000;
const root = path.resolve(__dirname, '..');

/** What every record of a run is drawn from: the content, and one seeded sequence of pseudo-random numbers. */
interface Seeding {
  readonly options: SeedOptions;
  readonly library: ExerciseLibrary;
  readonly questionSet: QuestionSet;
  readonly secret: Buffer;
  readonly random: () => number;
}

const pick = <T>(seeding: Seeding, items: readonly T[]): T => items[Math.floor(seeding.random() * items.length)] as T;

function sequence(start: number): () => number {
  let seed = start;
  return () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
}

/** Seeds the file; one transaction per batch of whole teams, written by the repositories the app itself uses. */
export async function seedUsers(options: SeedOptions): Promise<SeedReport> {
  const started = Date.now();
  const store = await openSqliteStore(options.file, { bulkLoad: true });
  let records = 0;
  try {
    const contentDir = path.join(root, 'content');
    const questionSet = QuestionSetCatalog.load(path.join(contentDir, 'checkins')).all[0];
    if (!questionSet) throw new Error('no check-in question set in content/checkins');
    // The answer secret next to the file, as the app keeps it for that database.
    const secret = loadAnswerSecret(loadConfig({ DATABASE_URL: `sqlite:${options.file}` }), root);
    await checkAnswerSecret(store, secret);
    const seeding: Seeding = { options, library: loadExerciseLibrary(contentDir, ThemeCatalog.load(contentDir)), questionSet, secret, random: sequence(7) };
    const batchSize = options.teamSize * (options.teamsPerBatch ?? 10);
    for (let from = 0; from < options.users; from += batchSize) {
      const to = Math.min(options.users, from + batchSize);
      records += await store.transaction((session) => seedBatch(seeding, sessionAsStore(session, store.engine), from, to));
      options.log?.(`  ${to} people, ${records} records, ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
  } finally {
    await store.close();
  }
  return { records, seconds: (Date.now() - started) / 1000 };
}

/** People [from, to) and the check-ins of every team that ends among them. */
async function seedBatch(seeding: Seeding, store: Store, from: number, to: number): Promise<number> {
  const { teamSize, users } = seeding.options;
  const collections = new Collections(store, seeding.secret);
  const people = { references: new ConversationReferenceRepository(store), settings: new UserSettingsRepository(store), attempts: new AttemptRepository(store) };
  let records = 0;
  for (let index = from; index < to; index += 1) {
    records += await seedPerson(seeding, people, index);
    if ((index + 1) % teamSize === 0 || index === users - 1) records += await seedTeamCheckins(seeding, collections, index - (index % teamSize), index + 1);
  }
  return records;
}

interface PersonRepositories {
  readonly references: ConversationReferenceRepository;
  readonly settings: UserSettingsRepository;
  readonly attempts: AttemptRepository;
}

async function seedPerson(seeding: Seeding, people: PersonRepositories, index: number): Promise<number> {
  const { days, now, serviceUrl = 'http://127.0.0.1:9/' } = seeding.options;
  const aad = seedAadObjectId(index);
  const userKey = seedUserKey(index);
  const conversationId = `a:personal-${aad}`;
  const locale = index % 3 === 0 ? 'sv' : 'en';
  await people.references.remember(conversationKeyOf(seedTenantId, conversationId), userKey, {
    kind: 'personal',
    tenantId: seedTenantId,
    reference: {
      serviceUrl, channelId: 'msteams', bot: { id: '28:partner-coach-bot', name: 'Partner Coach' }, user: { id: `29:${aad}`, name: `Person ${index}`, aadObjectId: aad },
      conversation: { id: conversationId, tenantId: seedTenantId, conversationType: 'personal', isGroup: false, name: '' },
    },
  });
  await people.settings.update(userKey, { locale, timeZone: 'Europe/Stockholm' });
  let attempt = 0;
  for (let day = days; day > 0; day -= 1) {
    if (seeding.random() >= 2 / 7) continue;
    attempt += 1;
    await people.attempts.create(userKey, attemptFor(seeding, pick(seeding, seeding.library.all), attempt, new Date(now.getTime() - day * dayMs + seeding.random() * 8 * 3_600_000), locale));
  }
  return 3 + attempt;
}

function attemptFor(seeding: Seeding, exercise: Exercise, index: number, at: Date, locale: 'en' | 'sv'): ExerciseAttempt {
  const { random } = seeding;
  const rated = random() < 0.8;
  const choice = isChoiceKind(exercise.kind) ? pick(seeding, exercise[locale].options ?? [])?.id : undefined;
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

/** A weekly check-in for the team of people [from, to): one collection a week, answered by each member most weeks. */
async function seedTeamCheckins(seeding: Seeding, collections: Collections, from: number, to: number): Promise<number> {
  const { days, now } = seeding.options;
  const set = seeding.questionSet;
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
      if (seeding.random() >= 0.8) continue;
      const submissions: AnswerSubmission[] = set.questions.map((question) =>
        question.form === 'scale'
          ? { questionId: question.id, form: 'scale', value: 1 + Math.floor(seeding.random() * 5) }
          : { questionId: question.id, form: 'free-text', texts: [{ text: 'The customer meeting went well; we agreed on the next step.' }] },
      );
      await collections.answer(collection.id, { userKey: seedUserKey(index), displayName: `Person ${index}` }, submissions, new Date(opensAt.getTime() + dayMs));
      written += 1;
    }
  }
  return written;
}

async function main(): Promise<void> {
  const args = new Map(process.argv.slice(2).flatMap((arg, index, all) => (arg.startsWith('--') ? [[arg.slice(2), all[index + 1] ?? '']] : [])));
  const options: SeedOptions = {
    users: Number(args.get('users') ?? 10_000),
    file: path.resolve(args.get('file') ?? path.join('data', 'seed.db')),
    days: Number(args.get('days') ?? 365),
    teamSize: Number(args.get('team') ?? 10),
    serviceUrl: args.get('service-url') ?? 'http://127.0.0.1:9/',
    now: new Date(),
    log: (line) => console.log(line),
  };
  const report = await seedUsers(options);
  console.log(`seeded ${options.users} people with ${options.days} days of history (${report.records} records) into ${options.file} in ${report.seconds.toFixed(1)} s`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(`seeding failed: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  });
}
