import { cardView, type CardView } from '../cards/card-view';
import type { CardChoice } from '../cards/card-parts';
import { escapeCardMarkdown } from '../collect/safe-text';
import { isThemeId, type ThemeCatalog } from '../content/themes';
import { weekdays } from '../schedules/recurrence';
import { zoneChoices } from '../schedules/time-zones';
import { checkinSetupCard, type PreviewLine } from './checkin-cards';
import type { Reader } from './checkin-views';
import { customSet, customSetId, type QuestionSetCatalog } from './question-sets';
import { recurrenceChoices, type SetupValues } from './setup-form';

// Problems with a field under "More options" open it, so the field to fix is in sight.
const moreProblems = ['date', 'minResponses', 'openHours'].map((key) => `checkins.setup.problems.${key}`);

/** The setup form with the chosen set's questions previewed; `problemKey` names the first thing to fix, or is empty. */
export function setupView(values: SetupValues, scheduleId: string, problemKey: string, catalog: QuestionSetCatalog, themes: ThemeCatalog, reader: Reader): CardView {
  const { t, locale } = reader;
  const text = (name: 'customScale' | 'customOpen' | 'startDate' | 'endDate' | 'time') => ({
    label: t(`checkins.setup.fields.${name}`),
    value: values[name],
    placeholder: t(`checkins.setup.placeholders.${name}`),
  });
  const toggle = (name: 'perRecipient' | 'skipWeekends' | 'anonymous' | 'remind') => ({ title: t(`checkins.setup.fields.${name}`), value: values[name] });
  const choice = (name: 'questionSet' | 'customTheme' | 'audience' | 'recurrence' | 'days' | 'timeZone', choices: CardChoice[]) => ({ label: t(`checkins.setup.fields.${name}`), value: values[name], choices });
  const custom = values.questionSet === customSetId;
  const previewLines = preview(values, catalog, reader);
  return cardView(checkinSetupCard, {
    title: t(scheduleId ? 'checkins.setup.editTitle' : 'checkins.setup.title'),
    intro: t('checkins.setup.intro'),
    notice: problemKey ? t(problemKey) : '',
    scheduleId,
    submitTitle: t(scheduleId ? 'checkins.setup.save' : 'checkins.setup.create'),
    submitVerb: scheduleId ? 'checkin.save' : 'checkin.create',
    questionSet: choice('questionSet', [
      ...catalog.all.map((set) => ({ title: set[locale].title, value: set.id })),
      { title: t('checkins.custom.title'), value: customSetId },
    ]),
    previewHeading: t(previewLines.length > 0 ? 'checkins.setup.preview.heading' : 'checkins.setup.preview.customEmpty'),
    previewLines,
    previewTitle: t('checkins.setup.preview.button'),
    customToggleTitle: t('checkins.setup.customToggle'),
    customVisible: custom || problemKey === 'checkins.setup.problems.custom',
    customTheme: choice('customTheme', themes.all.map((theme) => ({ title: theme[locale].name, value: theme.id }))),
    customScale: text('customScale'),
    customOpen: text('customOpen'),
    audience: choice('audience', (['channel', 'members'] as const).map((value) => ({ title: t(`checkins.audience.${value}`), value }))),
    recurrence: choice('recurrence', recurrenceChoices.map((value) => ({ title: t(`checkins.setup.recurrence.${value}`), value }))),
    days: choice('days', weekdays.map((day) => ({ title: t(`checkins.rule.days.${day}`), value: day }))),
    startDate: text('startDate'),
    endDate: text('endDate'),
    time: text('time'),
    timeZone: choice('timeZone', zoneChoices(reader.now, [values.timeZone, reader.timeZone])),
    zoneHint: t('checkins.setup.zoneHint'),
    perRecipient: toggle('perRecipient'),
    skipWeekends: toggle('skipWeekends'),
    anonymous: toggle('anonymous'),
    minResponses: { label: t('checkins.setup.fields.minResponses'), value: values.minResponses },
    openHours: { label: t('checkins.setup.fields.openHours'), value: values.openHours },
    remind: toggle('remind'),
    customHeading: t('checkins.setup.customHeading'),
    whenHeading: t('checkins.setup.whenHeading'),
    answersHeading: t('checkins.setup.answersHeading'),
    moreTitle: t('checkins.setup.more'),
    moreVisible: moreProblems.includes(problemKey),
  });
}

/** The questions people will be asked: the content set's, or the manager's own as typed so far. */
function preview(values: SetupValues, catalog: QuestionSetCatalog, reader: Reader): PreviewLine[] {
  const own = values.questionSet === customSetId;
  const set = own
    ? customSet({ theme: isThemeId(values.customTheme) ? values.customTheme : 'perspective', scale: values.customScale || undefined, open: values.customOpen || undefined })
    : catalog.find(values.questionSet);
  return (set?.questions ?? []).map((question) => {
    const words = own ? escapeCardMarkdown(question[reader.locale].text) : question[reader.locale].text;
    return { text: reader.t(question.form === 'scale' ? 'checkins.setup.preview.scale' : 'checkins.setup.preview.open', { text: words }) };
  });
}
