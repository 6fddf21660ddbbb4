import path from 'node:path';
import { z } from 'zod';
import { ContentError } from '../content/content-error';
import { themeIds, type ThemeId } from '../content/themes';
import { loadYamlFolder } from '../content/yaml-files';
import type { Locale } from '../core/locale';

const text = z.string().trim().min(1);

const localisedSchema = z
  .object({
    title: text.max(80),
    prompt: text.max(300),
    followUp: text.max(300).optional(),
    options: z.array(text.max(120)).min(2).max(8).optional(),
    scaleLabels: z.object({ low: text.max(80), high: text.max(80) }).strict().optional(),
  })
  .strict();

const templateSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case'),
    theme: z.enum(themeIds),
    answerForm: z.enum(['free-text', 'options', 'scale']),
    en: localisedSchema,
    sv: localisedSchema,
  })
  .strict()
  .superRefine((template, context) => {
    for (const locale of ['en', 'sv'] as const) {
      const words = template[locale];
      const problem = (field: string, message: string): void => context.addIssue({ code: 'custom', path: [locale, field], message });
      if (template.answerForm === 'options' && !words.options) problem('options', 'required when answerForm is options');
      if (template.answerForm !== 'options' && words.options) problem('options', 'only for answerForm options');
      if (template.answerForm === 'scale' && !words.scaleLabels) problem('scaleLabels', 'required when answerForm is scale');
      if (template.answerForm !== 'scale' && words.scaleLabels) problem('scaleLabels', 'only for answerForm scale');
    }
    if ((template.en.options?.length ?? 0) !== (template.sv.options?.length ?? 0)) {
      context.addIssue({ code: 'custom', path: ['sv', 'options'], message: 'must have as many options as en' });
    }
  });

const fileSchema = z
  .object({ templates: z.array(templateSchema) })
  .strict()
  .superRefine((file, context) => {
    const seen = new Set<string>();
    file.templates.forEach((template, index) => {
      if (seen.has(template.id)) context.addIssue({ code: 'custom', path: ['templates', index, 'id'], message: `duplicate id ${template.id}` });
      seen.add(template.id);
    });
  });

export type WorkshopTemplate = z.infer<typeof templateSchema>;
export type TemplateWords = WorkshopTemplate['en'];

/** The issue asks for at least this many prompts, so a facilitator has a real choice. */
export const minimumTemplates = 8;

/** Workshop prompts from content/workshops/*.yaml, each in en and sv and mapped to a programme theme. */
export class WorkshopTemplates {
  private constructor(readonly all: readonly WorkshopTemplate[]) {}

  /** Loads and validates the folder; throws ContentError naming the file and field. */
  static load(folder: string): WorkshopTemplates {
    const files = loadYamlFolder(folder, fileSchema);
    const all = files.flatMap((file) => file.data.templates);
    const ids = all.map((template) => template.id);
    const duplicates = ids.filter((id, index) => ids.indexOf(id) !== index);
    if (duplicates.length > 0) throw new ContentError(folder, duplicates.map((id) => `template id ${id} is used twice`));
    if (all.length < minimumTemplates) throw new ContentError(folder, [`${all.length} templates; at least ${minimumTemplates} are needed`]);
    return new WorkshopTemplates(all);
  }

  find(id: string): WorkshopTemplate | undefined {
    return this.all.find((template) => template.id === id);
  }

  words(template: WorkshopTemplate, locale: Locale): TemplateWords {
    return template[locale];
  }

  themesCovered(): ThemeId[] {
    return themeIds.filter((id) => this.all.some((template) => template.theme === id));
  }
}

/** For the content check: loads content/workshops and says what it holds. Throws ContentError. */
export function describeWorkshopTemplates(contentDir: string): string {
  const templates = WorkshopTemplates.load(path.join(contentDir, 'workshops'));
  const forms = ['free-text', 'options', 'scale'].map((form) => `${templates.all.filter((template) => template.answerForm === form).length} ${form}`);
  return `${templates.all.length} templates (${forms.join(', ')}) in en and sv, every one mapped to a theme; themes covered: ${templates.themesCovered().length} of ${themeIds.length}`;
}
