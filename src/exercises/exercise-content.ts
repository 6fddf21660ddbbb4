import path from 'node:path';
import { z } from 'zod';
import { ContentError } from '../content/content-error';
import { themeIds, type ThemeCatalog, type ThemeId } from '../content/themes';
import { loadYamlFolder } from '../content/yaml-files';
import type { Locale } from '../core/locale';

export const exerciseKinds = ['flip-perspective', 'customers-customer', 'demand-judgement', 'proactive-move', 'listening'] as const;
export type ExerciseKind = (typeof exerciseKinds)[number];

/** Kinds where the learner picks an option (and sees the right one afterwards). */
const choiceKinds: readonly ExerciseKind[] = ['demand-judgement', 'listening'];
/** Kinds where the learner writes an answer (for demand-judgement: to the follow-up question). */
const freeTextKinds: readonly ExerciseKind[] = ['flip-perspective', 'customers-customer', 'demand-judgement', 'proactive-move'];

export const isChoiceKind = (kind: ExerciseKind): boolean => choiceKinds.includes(kind);
export const isFreeTextKind = (kind: ExerciseKind): boolean => freeTextKinds.includes(kind);

const text = z.string().trim().min(1);

const exerciseTextSchema = z
  .object({
    title: text.max(120),
    scenario: text.max(1500),
    question: text.max(400),
    options: z.array(z.object({ id: text, text, explanation: text }).strict()).min(2).max(5).optional(),
    followUp: text.max(400).optional(),
    perspectives: z.array(z.object({ label: text, text }).strict()).min(2).max(4),
    reflection: text.max(400),
    /** 3–4 things a good answer covers; the learner ticks the ones they covered. */
    keyPoints: z.array(text.max(160)).min(3).max(4),
  })
  .strict();

const exerciseSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case'),
    kind: z.enum(exerciseKinds),
    difficulty: z.number().int().min(1).max(3),
    correctOption: text.optional(),
    en: exerciseTextSchema,
    sv: exerciseTextSchema,
  })
  .strict()
  .superRefine((exercise, context) => {
    const problem = (where: (string | number)[], message: string): void => context.addIssue({ code: 'custom', path: where, message });
    const choice = isChoiceKind(exercise.kind);
    for (const locale of ['en', 'sv'] as const) {
      const localized = exercise[locale];
      if (choice && !localized.options) problem([locale, 'options'], `required for kind ${exercise.kind}`);
      if (!choice && localized.options) problem([locale, 'options'], `only demand-judgement and listening have options`);
      if (exercise.kind === 'demand-judgement' && !localized.followUp) problem([locale, 'followUp'], 'required for kind demand-judgement');
      if (exercise.kind !== 'demand-judgement' && localized.followUp) problem([locale, 'followUp'], 'only demand-judgement has a follow-up');
      const ids = (localized.options ?? []).map((option) => option.id);
      if (new Set(ids).size !== ids.length) problem([locale, 'options'], 'option ids must be unique');
      if (choice && exercise.correctOption && !ids.includes(exercise.correctOption)) {
        problem(['correctOption'], `"${exercise.correctOption}" is not an option id in ${locale}`);
      }
    }
    if (choice && !exercise.correctOption) problem(['correctOption'], `required for kind ${exercise.kind}`);
    if (!choice && exercise.correctOption) problem(['correctOption'], 'only demand-judgement and listening have a correct option');
    const optionIds = (locale: Locale): string => (exercise[locale].options ?? []).map((option) => option.id).join(',');
    if (optionIds('en') !== optionIds('sv')) problem(['sv', 'options'], 'must have the same option ids, in the same order, as en');
    if (exercise.en.perspectives.length !== exercise.sv.perspectives.length) {
      problem(['sv', 'perspectives'], 'must have as many perspectives as en');
    }
    if (exercise.en.keyPoints.length !== exercise.sv.keyPoints.length) problem(['sv', 'keyPoints'], 'must have as many key points as en');
  });

const exerciseFileSchema = z.object({ theme: z.enum(themeIds), exercises: z.array(exerciseSchema).min(1) }).strict();

export type ExerciseText = z.infer<typeof exerciseTextSchema>;

/** One practice scenario with its model perspectives, in both languages. */
export type Exercise = z.infer<typeof exerciseSchema> & { readonly theme: ThemeId };

/** Every exercise in content/exercises, validated; at least three per theme. */
export class ExerciseLibrary {
  private readonly byId: ReadonlyMap<string, Exercise>;

  constructor(readonly all: readonly Exercise[]) {
    this.byId = new Map(all.map((exercise) => [exercise.id, exercise]));
  }

  get(id: string): Exercise | undefined {
    return this.byId.get(id);
  }

  /** The theme's exercises in content order. */
  inTheme(theme: ThemeId): readonly Exercise[] {
    return this.all.filter((exercise) => exercise.theme === theme);
  }
}

export const minimumPerTheme = 3;

/** Loads and checks content/exercises; throws ContentError naming the file and the field. */
export function loadExerciseLibrary(contentDir: string, themes: ThemeCatalog): ExerciseLibrary {
  const folder = path.join(contentDir, 'exercises');
  const exercises: Exercise[] = [];
  const fileOf = new Map<string, string>();
  for (const { file, data } of loadYamlFolder(folder, exerciseFileSchema)) {
    for (const [index, exercise] of data.exercises.entries()) {
      const earlier = fileOf.get(exercise.id);
      if (earlier) throw new ContentError(file, [`exercises.${index}.id: "${exercise.id}" is also used in ${earlier}`]);
      fileOf.set(exercise.id, file);
      exercises.push({ ...exercise, theme: data.theme });
    }
  }
  const thin = themes.all
    .map((theme) => ({ id: theme.id, count: exercises.filter((exercise) => exercise.theme === theme.id).length }))
    .filter(({ count }) => count < minimumPerTheme);
  if (thin.length > 0) {
    throw new ContentError(folder, thin.map(({ id, count }) => `theme ${id}: has ${count} exercises, needs at least ${minimumPerTheme}`));
  }
  return new ExerciseLibrary(exercises);
}

/** The content check's one line: how many exercises, per theme. */
export function describeExerciseContent(contentDir: string, themes: ThemeCatalog): string {
  const library = loadExerciseLibrary(contentDir, themes);
  const perTheme = themes.all.map((theme) => `${theme.id} ${library.inTheme(theme.id).length}`).join(', ');
  return `${themes.all.length} themes; ${library.all.length} exercises in en and sv (${perTheme})`;
}
