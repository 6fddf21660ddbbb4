import assert from 'node:assert/strict';
import type { Locale } from '../../src/core/locale';
import { counts, type Intent } from '../../src/roleplay/reading/intents';
import { reader } from './roleplay-fixtures';

// The reader tests' own words: what a message counts as, and that a move is read or is not, with the reading in the failure.
export const counted = (text: string, locale: Locale): Intent[] => reader.read(text, locale).filter(counts).map((move) => move.kind);
export const reads = (text: string, locale: Locale, kind: Intent): void => assert.ok(counted(text, locale).includes(kind), `${text}: ${counted(text, locale).join(', ')}`);
export const readsNo = (text: string, locale: Locale, kind: Intent): void => assert.ok(!counted(text, locale).includes(kind), `${text}: ${counted(text, locale).join(', ')}`);
