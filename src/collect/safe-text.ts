/** Characters that show nothing but can sit before a formula sign: spaces of every kind, zero-width and direction marks, BOM. */
const invisibleLead = /^(?:[\s\u00A0\u00AD\u061C\u115F\u1160\u180E\u2000-\u200F\u2028-\u202F\u205F-\u206F\u3000\u3164\uFEFF\uFFA0]|\u034F|\u17B4|\u17B5)*/u;
const formulaStart = /^[=+\-@\t\r]/;

/** Text people wrote, shown in a TextBlock as written: Markdown marks, links and list starts are escaped, never rendered. */
export function escapeCardMarkdown(value: string): string {
  return value
    .replace(/[\\`*_~[\]()<>#|!{}]/g, (mark) => `\\${mark}`)
    .replace(/^(\s*)([-+=])(?=\s|$)/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])(?=\s|$)/gm, '$1\\$2');
}

/** One RFC 4180 cell; a cell a spreadsheet would run as a formula (also after blanks or invisible characters) starts with '. */
export function csvCell(value: string): string {
  const lead = invisibleLead.exec(value)?.[0] ?? '';
  const defused = formulaStart.test(value.slice(lead.length)) || (lead.length > 0 && formulaStart.test(lead)) ? `'${value}` : value;
  return /[",\r\n]/.test(defused) ? `"${defused.replace(/"/g, '""')}"` : defused;
}
