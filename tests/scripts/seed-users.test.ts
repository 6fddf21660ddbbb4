import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { seedAadObjectId, seedTenantId, seedUserKey, seedUsers } from '../../scripts/seed-users';
import { ConversationReferenceRepository } from '../../src/bot/conversation-references';
import { loadAnswerSecret } from '../../src/collect/answer-secret';
import { Collections } from '../../src/collect/collections';
import { loadConfig } from '../../src/config';
import { ThemeCatalog } from '../../src/content/themes';
import { conversationKeyOf } from '../../src/core/keys';
import { AttemptRepository } from '../../src/exercises/attempts';
import { loadExerciseLibrary } from '../../src/exercises/exercise-content';
import { summariseProgress } from '../../src/exercises/progress-summary';
import { UserSettingsRepository } from '../../src/home/user-settings';
import { openSqliteStore } from '../../src/storage/sqlite/sqlite-store';

const root = path.resolve(__dirname, '..', '..');
const contentDir = path.join(root, 'content');
const now = new Date('2026-06-15T12:00:00.000Z');
const dayMs = 86_400_000;

describe('npm run seed:users', function () {
  this.timeout(60_000);
  let directory: string;

  beforeEach(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'partner-coach-seed-'));
  });

  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('when people are seeded in batches, then every person, attempt and check-in answer reads back through the app\'s repositories', async () => {
    const file = path.join(directory, 'seed.db');
    const users = 23;
    const days = 60;
    // 23 people in teams of 5 and batches of 2 teams: three batches, the last one a short team.
    const report = await seedUsers({ file, users, days, teamSize: 5, teamsPerBatch: 2, now });

    const store = await openSqliteStore(file);
    try {
      const references = new ConversationReferenceRepository(store);
      const settings = new UserSettingsRepository(store);
      const attempts = new AttemptRepository(store);
      const themes = ThemeCatalog.load(contentDir);
      const library = loadExerciseLibrary(contentDir, themes);
      const themeIds = themes.all.map((theme) => theme.id);
      const targets = new Map(themeIds.map((theme) => [theme, library.inTheme(theme).length]));
      let attemptsRead = 0;
      for (let index = 0; index < users; index += 1) {
        const userKey = seedUserKey(index);
        const chat = await references.personalChatOf(userKey);
        assert.equal(chat, conversationKeyOf(seedTenantId, `a:personal-${seedAadObjectId(index)}`));
        assert.equal((await references.find(chat))?.reference.user?.aadObjectId, seedAadObjectId(index));
        assert.deepEqual(await settings.get(userKey), { locale: index % 3 === 0 ? 'sv' : 'en', timeZone: 'Europe/Stockholm' });

        const own = await attempts.listFor(userKey);
        assert.ok(own.length > 0, `person ${index} has practised`);
        assert.deepEqual(own.map((attempt) => attempt.attemptId), own.map((_attempt, at) => `seed-${at + 1}`), 'oldest first, none missing');
        for (const attempt of own) {
          assert.equal(library.get(attempt.exerciseId)?.theme, attempt.theme);
          const at = Date.parse(attempt.submittedAt);
          assert.ok(at > now.getTime() - (days + 1) * dayMs && at < now.getTime(), attempt.submittedAt);
        }
        const progress = summariseProgress(own, themeIds, targets, now);
        assert.equal(progress.total + progress.unfinished, own.length);
        assert.equal(progress.themes.reduce((sum, theme) => sum + theme.count, 0), progress.total);
        attemptsRead += own.length;
      }

      const collections = new Collections(store, loadAnswerSecret(loadConfig({ DATABASE_URL: `sqlite:${file}` }), root));
      const checkins = await collections.all();
      assert.equal(checkins.length, Math.ceil(users / 5) * Math.floor(days / 7));
      let answersRead = 0;
      for (const collection of checkins) answersRead += (await collections.sheet(collection)).respondents;
      assert.ok(answersRead > 0);
      // Three records a person (chat reference, personal chat, settings): nothing was written that does not read back.
      assert.equal(report.records, 3 * users + attemptsRead + checkins.length + answersRead);
    } finally {
      await store.close();
    }
  });
});
