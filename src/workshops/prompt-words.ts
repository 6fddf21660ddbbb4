import type { ThemeCatalog } from '../content/themes';
import type { Locale } from '../core/locale';
import type { Translate } from '../core/translator';
import type { WorkshopPrompt } from './workshop';
import type { WorkshopTemplates } from './workshop-templates';

/** What a reader sees of the prompt, in their language. */
export interface PromptWords {
  readonly title: string;
  readonly prompt: string;
  readonly followUp: string;
  readonly themeName: string;
  readonly options: readonly string[];
  readonly scale: { readonly low: string; readonly high: string } | undefined;
}

/** The template's words in the reader's language, or the facilitator's own prompt as they typed it. */
export function promptWords(prompt: WorkshopPrompt, templates: WorkshopTemplates, themes: ThemeCatalog, locale: Locale, t: Translate): PromptWords {
  const template = prompt.templateId ? templates.find(prompt.templateId) : undefined;
  const themeName = prompt.theme ? themes.text(prompt.theme, locale).name : '';
  if (!template) {
    return { title: t('workshops.card.customTitle'), prompt: prompt.custom ?? '', followUp: '', themeName, options: [], scale: undefined };
  }
  const words = templates.words(template, locale);
  return {
    title: words.title,
    prompt: words.prompt,
    followUp: words.followUp ?? '',
    themeName,
    options: words.options ?? [],
    scale: words.scaleLabels,
  };
}
