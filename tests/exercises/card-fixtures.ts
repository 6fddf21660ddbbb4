import path from 'node:path';
import type { CardView } from '../../src/cards/card-view';
import { ThemeCatalog } from '../../src/content/themes';
import { Translator } from '../../src/core/translator';
import type { ExerciseAttempt } from '../../src/exercises/attempts';
import { loadExerciseLibrary, type Exercise } from '../../src/exercises/exercise-content';
import { resultView, scenarioView, themesView } from '../../src/exercises/exercise-views';
import { summariseProgress } from '../../src/exercises/progress-summary';
import { progressView } from '../../src/exercises/progress-views';

const contentDir = path.resolve(__dirname, '..', '..', 'content');
const themes = ThemeCatalog.load(contentDir);
const library = loadExerciseLibrary(contentDir, themes);
const translator = Translator.load(path.join(contentDir, 'locales'));
const en = { locale: 'en' as const, t: translator.forLocale('en') };
const sv = { locale: 'sv' as const, t: translator.forLocale('sv') };
const themeIds = themes.all.map((theme) => theme.id);
const targets = new Map(themeIds.map((theme) => [theme, library.inTheme(theme).length]));
const noProgress = summariseProgress([], themeIds, targets, new Date('2025-03-10T12:00:00.000Z'));

const demand = library.all.find((exercise) => exercise.kind === 'demand-judgement') as Exercise;
const listening = library.all.find((exercise) => exercise.kind === 'listening') as Exercise;
const flip = library.all.find((exercise) => exercise.kind === 'flip-perspective') as Exercise;
const longAnswer = 'I would first ask what the deadline means for their customers, then summarise what I heard. '.repeat(10).trim();

const attempt = (exercise: Exercise, fields: Partial<ExerciseAttempt>): ExerciseAttempt => ({
  attemptId: '3f1c2b9e-0000-4000-8000-000000000001',
  exerciseId: exercise.id,
  theme: exercise.theme,
  locale: 'en',
  submittedAt: '2025-03-10T08:30:00.000Z',
  ...fields,
});

/** Realistic data for every exercise template: each kind, each state, the longest texts we allow. */
export const cardFixtures: CardView[] = [
  scenarioView(en, themes, flip, 'attempt-fixture-1'),
  scenarioView(sv, themes, demand, 'attempt-fixture-2', { choice: 'partly', answer: longAnswer }, { key: 'exercises.errors.answerTooLong', params: { max: 1000, length: 1042 } }),
  scenarioView(en, themes, listening, 'attempt-fixture-3', {}, { key: 'exercises.errors.chooseOption' }),
  resultView(en, themes, demand, attempt(demand, { choice: 'partly', correct: false, answer: longAnswer, feedback: { status: 'given', text: 'You named the deadline. Next time, ask about their customers first.', coveredKeyPoints: [0, 2] } }), { kind: 'form', keyPoints: '0,2' }),
  resultView(sv, themes, flip, attempt(flip, { answer: 'Jag frågar först vad som står på spel för dem.', feedback: { status: 'unavailable', reason: 'timeout' } }), { kind: 'form', rating: '4', commitment: 'Fråga om tidsgränsen.', problem: { key: 'exercises.errors.commitmentTooLong', params: { max: 300, length: 320 } } }),
  resultView(en, themes, listening, attempt(listening, { choice: 'a', correct: false, rating: 3, commitment: 'Ask before I fix.', coveredKeyPoints: [1], ratedAt: '2025-03-10T08:35:00.000Z' }), { kind: 'saved' }),
  resultView(sv, themes, flip, attempt(flip, { answer: 'Jag frågar.', feedback: { status: 'given', text: 'Bra.', coveredKeyPoints: [] }, rating: 2, coveredKeyPoints: [], ratedAt: '2025-03-10T08:35:00.000Z' }), { kind: 'saved' }),
  themesView(sv, themes, 'Jag känner inte till något tema som heter ”glass”. Välj ett nedan.'),
  progressView(
    en,
    themes,
    summariseProgress(
      [
        attempt(flip, { rating: 4, commitment: 'Ask what the deadline means for them.', ratedAt: '2025-03-09T08:35:00.000Z', submittedAt: '2025-03-09T08:30:00.000Z' }),
        attempt(demand, { rating: 2, ratedAt: '2025-03-10T08:35:00.000Z' }),
        attempt(listening, { ratedAt: '2025-03-10T08:40:00.000Z' }),
        attempt(listening, {}),
      ],
      themeIds,
      targets,
      new Date('2025-03-10T12:00:00.000Z'),
      'Europe/Stockholm',
      ['2025-03-08T15:00:00.000Z'],
    ),
    [{ theme: 'trust', text: 'Follow up within a day without being chased.', at: '2025-03-01T10:00:00.000Z' }, { theme: 'listen', text: undefined, at: '2025-02-01T10:00:00.000Z' }],
    'Europe/Stockholm',
    {
      practice: {
        meetingsHeld: 3,
        heldAt: ['2025-03-08T15:00:00.000Z', '2025-03-05T15:00:00.000Z', '2025-03-04T15:00:00.000Z'],
        storylines: [
          { title: "The quotes won't go out", customer: 'Maria Lind', trust: 8, meetingsHeld: 2 },
          { title: 'The idea nobody asked for', customer: 'Ahmed Karimi', trust: 5, meetingsHeld: 1 },
        ],
        themes: [
          { theme: 'listen', met: 1, judged: 3 },
          { theme: 'demands', met: 2, judged: 2 },
        ],
      },
      weakest: 'listen',
      suggestion: { storylineId: 'onsite-stressed-reception', title: 'A full waiting room', customer: 'Sara Nilsson' },
    },
  ),
  progressView(sv, themes, noProgress, [], 'Europe/Stockholm', {
    practice: { meetingsHeld: 0, heldAt: [], storylines: [], themes: [] },
    weakest: 'perspective',
    suggestion: undefined,
  }),
  progressView(en, themes, noProgress, [], 'Europe/Stockholm'),
  progressView(sv, themes, noProgress, [], 'Europe/Stockholm', undefined, {
    events: [],
    followUps: [
      { text: 'Skicka backupplanen till Anna', at: '2025-03-10T09:00:00.000Z', remindAt: '2025-03-12T13:00:00.000Z' },
      { text: 'Fråga om deras kunders öppettider', at: '2025-03-09T09:00:00.000Z', remindAt: undefined },
    ],
    count: 3,
  }),
];
