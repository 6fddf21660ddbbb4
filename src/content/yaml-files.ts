import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import { ContentError } from './content-error';

export interface ParsedFile<T> {
  readonly file: string;
  readonly data: T;
}

/** Reads every .yaml file in a folder and validates it with a zod schema; errors name file and field path. */
export function loadYamlFolder<T>(folder: string, schema: z.ZodType<T>): ParsedFile<T>[] {
  const files = readdirSync(folder).filter((name) => name.endsWith('.yaml') || name.endsWith('.yml')).sort();
  return files.map((name) => {
    const file = path.join(folder, name);
    let raw: unknown;
    try {
      raw = parse(readFileSync(file, 'utf8'), { strict: true, uniqueKeys: true });
    } catch (error) {
      throw new ContentError(file, [`not valid YAML: ${(error as Error).message.split('\n')[0] ?? ''}`]);
    }
    const result = schema.safeParse(raw);
    if (!result.success) {
      throw new ContentError(
        file,
        result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
      );
    }
    return { file, data: result.data };
  });
}
