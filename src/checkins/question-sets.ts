import path from 'node:path';
import { z } from 'zod';
import type { Question } from '../collect/collection';
import type { QuestionLabels } from '../collect/results-view';
import { loadYamlFolder } from '../content/yaml-files';
import { themeIds, type ThemeId } from '../content/themes';
import type { Locale } from '../core/locale';

const text = z.string().trim().min(1);
const questionText = z.object({ text: text.max(200), low: text.max(40).optional(), high: text.max(40).optional() }).strict();

const questionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'use lower-case letters, digits and dashes'),
    theme: z.enum(themeIds),
    form: z.enum(['scale', 'free-text']),
    en: questionText,
    sv: questionText,
  })
  .strict()
  .superRefine((question, context) => {
    for (const locale of ['en', 'sv'] as const) {
      const hasLabels = question[locale].low !== undefined && question[locale].high !== undefined;
      if (question.form === 'scale' && !hasLabels) context.addIssue({ code: 'custom', path: [locale], message: 'a scale question needs low and high labels' });
      if (question.form === 'free-text' && (question[locale].low ?? question[locale].high) !== undefined) {
        context.addIssue({ code: 'custom', path: [locale], message: 'a free-text question has no scale labels' });
      }
    }
  });

const setText = z.object({ title: text.max(80), description: text.max(300) }).strict();

export const questionSetSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'use lower-case letters, digits and dashes'),
    themes: z.array(z.enum(themeIds)).min(1),
    en: setText,
    sv: setText,
    questions: z.array(questionSchema).min(1).max(6),
  })
  .strict()
  .superRefine((set, context) => {
    const ids = set.questions.map((question) => question.id);
    if (new Set(ids).size !== ids.length) context.addIssue({ code: 'custom', path: ['questions'], message: 'question ids must be unique' });
    set.questions.forEach((question, index) => {
      if (!set.themes.includes(question.theme)) {
        context.addIssue({ code: 'custom', path: ['questions', index, 'theme'], message: `theme ${question.theme} is not in the set's themes` });
      }
    });
  });

export type QuestionSet = z.infer<typeof questionSetSchema>;
export type SetQuestion = QuestionSet['questions'][number];

export const customSetId = 'custom';

/** A manager's own questions: one on a 1–5 scale and/or one open, tied to a theme they chose. */
export interface CustomQuestions {
  readonly theme: ThemeId;
  readonly scale?: string | undefined;
  readonly open?: string | undefined;
}

/** The check-in question sets from content/checkins/*.yaml, validated at start-up. */
export class QuestionSetCatalog {
  private constructor(readonly all: readonly QuestionSet[]) {}

  static load(folder: string): QuestionSetCatalog {
    const sets = loadYamlFolder(folder, questionSetSchema).map((file) => file.data);
    const ids = sets.map((set) => set.id);
    const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
    if (duplicate) throw new Error(`check-in question set "${duplicate}" is defined twice in ${folder}`);
    return new QuestionSetCatalog(sets);
  }

  find(id: string): QuestionSet | undefined {
    return this.all.find((set) => set.id === id);
  }
}

/** The questions as the answer collection knows them (no text: that stays content). */
export function collectQuestions(set: QuestionSet): Question[] {
  return set.questions.map((question) => ({ id: question.id, form: question.form }));
}

/** A custom set in the shape of a content set, the manager's words standing for both languages. */
export function customSet(custom: CustomQuestions): QuestionSet {
  const entry = (id: string, form: 'scale' | 'free-text', words: string): SetQuestion => {
    const labels = form === 'scale' ? { low: '1', high: '5' } : {};
    return { id, theme: custom.theme, form, en: { text: words, ...labels }, sv: { text: words, ...labels } };
  };
  const questions = [
    ...(custom.scale ? [entry('custom-scale', 'scale', custom.scale)] : []),
    ...(custom.open ? [entry('custom-open', 'free-text', custom.open)] : []),
  ];
  return { id: customSetId, themes: [custom.theme], en: { title: '', description: '' }, sv: { title: '', description: '' }, questions };
}

export function labelsOf(set: QuestionSet, locale: Locale): (questionId: string) => QuestionLabels {
  return (questionId) => {
    const question = set.questions.find((candidate) => candidate.id === questionId);
    if (!question) return { heading: questionId };
    const words = question[locale];
    return { heading: words.text, ...(words.low && words.high ? { scale: { low: words.low, high: words.high } } : {}) };
  };
}

/** For the content check: how many sets and questions, and which themes they cover. */
export function describeQuestionSets(contentDir: string): string {
  const catalog = QuestionSetCatalog.load(path.join(contentDir, 'checkins'));
  const questions = catalog.all.flatMap((set) => set.questions);
  const themes = new Set(questions.map((question) => question.theme));
  const scales = questions.filter((question) => question.form === 'scale').length;
  return `${catalog.all.length} sets, ${questions.length} questions (${scales} scale, ${questions.length - scales} free-text) in en and sv; themes covered: ${themes.size} of ${themeIds.length}`;
}
