import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { normaliseCommandText } from '../core/router';
import type { Locale } from '../core/locale';
import { ContentError } from './content-error';

/** The eight theme ids of the programme; all content traces to one of them. */
export const themeIds = [
  'perspective',
  'customers-customer',
  'business',
  'proactive',
  'listen',
  'demands',
  'order-and-flexibility',
  'trust',
] as const;
export type ThemeId = (typeof themeIds)[number];

const themeTextSchema = z
  .object({
    name: z.string().trim().min(1),
    shortName: z.string().trim().min(1).max(30),
    whatGoodLooksLike: z.string().trim().min(1),
    words: z.array(z.string().trim().min(1)).default([]),
  })
  .strict();

const themesFileSchema = z
  .object({
    themes: z.array(z.object({ id: z.enum(themeIds), en: themeTextSchema, sv: themeTextSchema }).strict()),
  })
  .strict()
  .superRefine((file, context) => {
    const seen = file.themes.map((theme) => theme.id);
    for (const id of themeIds) {
      const count = seen.filter((other) => other === id).length;
      if (count !== 1) context.addIssue({ code: 'custom', path: ['themes'], message: `theme ${id} must appear exactly once (found ${count})` });
    }
  });

export type ThemeText = z.infer<typeof themeTextSchema>;

/** A theme as people read it: its name and what good looks like, in each language. */
export interface Theme {
  readonly id: ThemeId;
  readonly en: ThemeText;
  readonly sv: ThemeText;
}

/** The themes from content/themes.yaml, in programme order, with lookup by a name a person typed. */
export class ThemeCatalog {
  private constructor(readonly all: readonly Theme[]) {}

  /** Reads and validates content/themes.yaml; throws ContentError naming the file and field. */
  static load(contentDir: string): ThemeCatalog {
    const file = path.join(contentDir, 'themes.yaml');
    let raw: unknown;
    try {
      raw = parse(readFileSync(file, 'utf8'), { strict: true, uniqueKeys: true });
    } catch (error) {
      throw new ContentError(file, [`not readable YAML: ${(error as Error).message.split('\n')[0] ?? ''}`]);
    }
    const result = themesFileSchema.safeParse(raw);
    if (!result.success) {
      throw new ContentError(file, result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`));
    }
    const byId = new Map(result.data.themes.map((theme) => [theme.id, theme]));
    return new ThemeCatalog(themeIds.map((id) => byId.get(id)).filter((theme): theme is Theme => theme !== undefined));
  }

  get(id: ThemeId): Theme {
    const theme = this.all.find((candidate) => candidate.id === id);
    if (!theme) throw new Error(`unknown theme ${id}`);
    return theme;
  }

  text(id: ThemeId, locale: Locale): ThemeText {
    return this.get(id)[locale];
  }

  /** The theme a person named by id, name, short name or one of its words, in either language. */
  find(typed: string): Theme | undefined {
    const wanted = normaliseCommandText(typed);
    if (!wanted) return undefined;
    return this.all.find((theme) =>
      [theme.id, theme.id.replace(/-/g, ' '), ...(['en', 'sv'] as const).flatMap((locale) => namesOf(theme[locale]))]
        .map(normaliseCommandText)
        .includes(wanted),
    );
  }
}

const namesOf = (text: ThemeText): string[] => [text.name, text.shortName, ...text.words];

export function isThemeId(value: unknown): value is ThemeId {
  return typeof value === 'string' && (themeIds as readonly string[]).includes(value);
}
