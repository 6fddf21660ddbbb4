import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const contentDir = path.resolve(__dirname, '..', '..', 'content');
const idKeys = new Set(['id', 'on', 'did', 'and', 'theme', 'kind', 'cue']);

function yamlFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const file = path.join(directory, name);
    if (statSync(file).isDirectory()) return yamlFiles(file);
    return name.endsWith('.yaml') ? [file] : [];
  });
}

/**
 * The kebab-case ids content gives its storylines, checks, cues, exercises and question sets ("followed-up",
 * "raised-pattern"), minus any that also occur as words in the content's own prose ("half-price").
 */
export function contentIds(): Set<string> {
  const ids = new Set<string>();
  const prose: string[] = [];
  const walk = (node: unknown, key: string): void => {
    if (Array.isArray(node)) node.forEach((child) => walk(child, key));
    else if (node && typeof node === 'object') {
      for (const [childKey, value] of Object.entries(node)) {
        if (/^[a-z]+(-[a-z]+)+$/.test(childKey)) ids.add(childKey);
        walk(value, childKey);
      }
    } else if (typeof node === 'string') {
      if (idKeys.has(key) && /^[a-z0-9]+(-[a-z0-9]+)+$/.test(node)) ids.add(node);
      else prose.push(node.toLowerCase());
    }
  };
  for (const file of yamlFiles(contentDir)) walk(parse(readFileSync(file, 'utf8')) as unknown, '');
  const allProse = prose.join('\n');
  return new Set([...ids].filter((id) => !new RegExp(`(^|[^a-z-])${id}($|[^a-z-])`).test(allProse)));
}

/** "1 messages", "1 meetings", "1 gjorda", "1 dagar": a count of one with a plural noun. */
const pluralAfterOne = /(?<![\d.,])1 (messages|meetings|days|exercises|checks|times|questions|answers|people|storylines|reminders|meddelanden|möten|dagar|övningar|punkter|gånger|gjorda|frågor|personer|påminnelser|berättelser)\b/i;

/** What a person would object to in a text: internal ids shown as words, and a plural after the count one. */
export function wordProblems(text: string, ids: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const match of text.matchAll(/[a-z0-9]+(?:-[a-z0-9]+)+/g)) if (ids.has(match[0])) problems.push(`internal id "${match[0]}" in: ${clip(text, match.index)}`);
  const plural = pluralAfterOne.exec(text);
  if (plural) problems.push(`"${plural[0]}" in: ${clip(text, plural.index)}`);
  return problems;
}

const clip = (text: string, at: number): string => text.slice(Math.max(0, at - 40), at + 60).replace(/\n/g, ' ');

/** The text a person reads on a card: texts, titles, labels and fact values, never the data its buttons carry or choice values. */
export function visibleCardText(card: unknown): string {
  const texts: string[] = [];
  const walk = (node: unknown, parentKey: string): void => {
    if (Array.isArray(node)) node.forEach((child) => walk(child, parentKey));
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      const isAction = typeof record.type === 'string' && record.type.startsWith('Action.');
      for (const [key, value] of Object.entries(record)) {
        if (isAction && key === 'data') continue;
        const visible = ['text', 'title', 'placeholder', 'label', 'legend', 'errorMessage', 'altText'].includes(key) || (key === 'value' && parentKey === 'facts');
        if (visible && typeof value === 'string') texts.push(value);
        else walk(value, key);
      }
    }
  };
  walk(card, '');
  return texts.join('\n');
}
