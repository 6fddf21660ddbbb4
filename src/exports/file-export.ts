/** A file the bot hands to the person who asked for it. */
export interface FileExport {
  /** With its extension, e.g. `workshop-behaviours-we-want-more-of-2026-03-10.md`. */
  readonly name: string;
  readonly mediaType: 'text/csv' | 'text/markdown';
  readonly bytes: Uint8Array;
  /** One line shown on the consent card, in the person's language. */
  readonly description: string;
}

// Spreadsheets read a CSV as UTF-8 only when it starts with a byte order mark, so å, ä and ö survive.
const byteOrderMark = '\uFEFF';

export function csvFile(baseName: string, csv: string, description: string): FileExport {
  return { name: `${baseName}.csv`, mediaType: 'text/csv', bytes: new TextEncoder().encode(`${byteOrderMark}${csv}`), description };
}

export function markdownFile(baseName: string, markdown: string, description: string): FileExport {
  return { name: `${baseName}.md`, mediaType: 'text/markdown', bytes: new TextEncoder().encode(markdown), description };
}

/** A file name from words people read: letters and digits kept (å, ä, ö too), everything else one dash, at most 60 characters. */
export function fileBaseName(prefix: string, title: string, date: Date): string {
  const words = `${prefix} ${title}`
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${words}-${date.toISOString().slice(0, 10)}`;
}
