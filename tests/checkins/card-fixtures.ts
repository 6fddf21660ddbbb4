import path from 'node:path';
import type { CardView } from '../../src/cards/card-view';
import type { CollectionResults } from '../../src/collect/aggregation';
import type { CheckinOccurrence, CheckinSchedule } from '../../src/checkins/checkin';
import { summaryView, teamResultsView } from '../../src/checkins/checkin-results';
import { listView, questionView, type Reader } from '../../src/checkins/checkin-views';
import { setupView } from '../../src/checkins/setup-view';
import { QuestionSetCatalog } from '../../src/checkins/question-sets';
import { defaultValues } from '../../src/checkins/setup-form';
import { ThemeCatalog } from '../../src/content/themes';
import { Translator } from '../../src/core/translator';

const root = path.resolve(__dirname, '..', '..');
const translator = Translator.load(path.join(root, 'content', 'locales'));
const catalog = QuestionSetCatalog.load(path.join(root, 'content', 'checkins'));
const themes = ThemeCatalog.load(path.join(root, 'content'));
const now = new Date('2026-03-09T08:00:00Z');
const reader = (locale: 'en' | 'sv'): Reader => ({ t: translator.forLocale(locale), locale, timeZone: 'Europe/Stockholm', now });

export const fixtureSchedule: CheckinSchedule = {
  questionSetId: 'customer-side',
  custom: undefined,
  audience: 'members',
  rule: { recurrence: { kind: 'weekly', days: ['mon', 'thu'], everyWeeks: 2 }, startDate: '2026-03-09', localTime: '09:00', timeZone: 'Europe/Stockholm', skipWeekends: true },
  perRecipientTime: true,
  anonymous: true,
  minResponses: 3,
  openHours: 48,
  remind: true,
  id: 'chk_fixture',
  ownerKey: 'u_manager',
  ownerName: 'Maria Lind',
  tenantId: 'tenant',
  conversationKey: 'c_channel',
  conversationKind: 'channel',
  locale: 'en',
  members: [{ userKey: 'u_a', displayName: 'Kim Ek' }],
  status: 'active',
  plannedThrough: now.toISOString(),
  occurrenceIds: [],
  createdAt: now.toISOString(),
};

export const fixtureOccurrence: CheckinOccurrence = {
  id: 'chk_fixture@2026-03-09',
  scheduleId: 'chk_fixture',
  date: '2026-03-09',
  at: now.toISOString(),
  closesAt: '2026-03-11T08:00:00.000Z',
  collectionId: 'col_x',
  invited: 8,
  summary: undefined,
  closed: false,
};

const set = catalog.find('customer-side');
if (!set) throw new Error('the customer-side question set is missing');

/** Four of eight answered: a scale question and a written one. */
export const fixtureResults: CollectionResults = {
  respondents: 4,
  invited: 8,
  responseRate: 0.5,
  visible: true,
  questions: [
    { questionId: 'started-from-customer', form: 'scale', answers: 4, optionCounts: [], scaleCounts: [0, 1, 1, 2, 0], scaleMean: 3.25, texts: [] },
    {
      questionId: 'seen-from-customer',
      form: 'free-text',
      answers: 2,
      optionCounts: [],
      scaleCounts: [],
      scaleMean: undefined,
      texts: [
        { answerId: 'a_1', questionId: 'seen-from-customer', value: { kind: 'text', text: 'When the shop tills went down on Saturday.' } },
        { answerId: 'a_2', questionId: 'seen-from-customer', value: { kind: 'text', text: 'The *loaner* laptops [were] ready.' } },
      ],
    },
  ],
};
const hidden: CollectionResults = { respondents: 2, invited: 8, responseRate: 0.25, visible: false, questions: [] };
const trend = [
  { date: '2026-02-23', results: { ...fixtureResults, questions: [{ ...fixtureResults.questions[0]!, scaleMean: 2.5 }] } },
  { date: '2026-03-02', results: hidden },
  { date: '2026-03-09', results: fixtureResults },
];
const closedOccurrence: CheckinOccurrence = { ...fixtureOccurrence, closed: true };

/** The check-in cards as people see them: the setup form, the question card (own answers, shared, stopped), the list. */
export const cardFixtures: CardView[] = [
  setupView(defaultValues(catalog, 'Europe/Stockholm', now), '', '', catalog, themes, reader('en')),
  setupView({ ...defaultValues(catalog, 'Asia/Kolkata', now), questionSet: 'custom', customScale: 'Hur ofta frågade vi först?' }, 'chk_x', 'checkins.setup.problems.time', catalog, themes, reader('sv')),
  setupView({ ...defaultValues(catalog, 'Mars/Olympus', now), openHours: 999 }, '', 'checkins.setup.problems.openHours', catalog, themes, reader('en')),
  questionView(fixtureSchedule, fixtureOccurrence, set, reader('en'), {
    open: true,
    notice: 'Thanks, your answers are saved.',
    own: [
      { answerId: 'a_1', questionId: 'started-from-customer', value: { kind: 'scale', value: 4 } },
      { answerId: 'a_2', questionId: 'seen-from-customer', value: { kind: 'text', text: 'When the shop tills went down on Saturday.' } },
    ],
    personal: true,
    refreshUserIds: ['29:aad-kim'],
  }),
  questionView({ ...fixtureSchedule, anonymous: false, audience: 'channel' }, fixtureOccurrence, set, reader('sv'), { open: true, notice: '', own: [], personal: false, refreshUserIds: [] }),
  questionView(fixtureSchedule, fixtureOccurrence, set, reader('en'), { open: false, notice: 'Done.', own: [], personal: true, stopped: true, refreshUserIds: [] }),
  questionView({ ...fixtureSchedule, audience: 'channel' }, { ...fixtureOccurrence, closed: true }, set, reader('sv'), {
    open: false,
    notice: '',
    own: [{ answerId: 'a_3', questionId: 'seen-from-customer', value: { kind: 'text', text: 'När *kassorna* låg nere i lördags.' } }],
    personal: false,
    refreshUserIds: ['29:aad-kim', '29:aad-noor'],
  }),
  listView([fixtureSchedule, { ...fixtureSchedule, id: 'chk_2', status: 'paused', audience: 'channel', rule: { ...fixtureSchedule.rule, recurrence: { kind: 'once' } } }], () => 'Seeing it from the customer\'s side', reader('en'), now, 'Scheduled.'),
  listView([], () => '', reader('sv'), now),
  summaryView(fixtureSchedule, closedOccurrence, set, fixtureResults, trend, reader('en')),
  summaryView(fixtureSchedule, { ...closedOccurrence, sharedAt: now.toISOString() }, set, fixtureResults, trend.slice(1), reader('sv')),
  summaryView({ ...fixtureSchedule, anonymous: false }, fixtureOccurrence, set, hidden, [], reader('en')),
  teamResultsView(fixtureSchedule, closedOccurrence, set, fixtureResults, trend, reader('en')),
  teamResultsView({ ...fixtureSchedule, locale: 'sv' }, closedOccurrence, set, fixtureResults, trend.slice(0, 1), reader('sv')),
  listView([fixtureSchedule], () => 'Kundens sida', reader('sv'), now, '', 'groupChat'),
];
