import { DateTime } from 'luxon';
import type { CardChoice } from '../cards/card-parts';

/** Zones most people pick, at least one for every common offset, so a picker starts short. */
const commonZones = [
  'Pacific/Honolulu', 'America/Anchorage', 'America/Los_Angeles', 'America/Vancouver', 'America/Denver', 'America/Phoenix', 'America/Chicago',
  'America/Mexico_City', 'America/New_York', 'America/Toronto', 'America/Bogota', 'America/Halifax', 'America/Sao_Paulo',
  'America/Argentina/Buenos_Aires', 'America/St_Johns', 'Atlantic/Reykjavik', 'UTC', 'Europe/London', 'Europe/Dublin', 'Europe/Lisbon',
  'Africa/Lagos', 'Europe/Stockholm', 'Europe/Oslo', 'Europe/Copenhagen', 'Europe/Berlin', 'Europe/Amsterdam', 'Europe/Brussels', 'Europe/Paris',
  'Europe/Madrid', 'Europe/Rome', 'Europe/Zurich', 'Europe/Vienna', 'Europe/Prague', 'Europe/Warsaw', 'Europe/Helsinki', 'Europe/Tallinn',
  'Europe/Riga', 'Europe/Vilnius', 'Europe/Athens', 'Europe/Bucharest', 'Europe/Kyiv', 'Africa/Cairo', 'Africa/Johannesburg', 'Europe/Istanbul',
  'Europe/Moscow', 'Africa/Nairobi', 'Asia/Riyadh', 'Asia/Dubai', 'Asia/Karachi', 'Asia/Kolkata', 'Asia/Dhaka', 'Asia/Bangkok', 'Asia/Jakarta',
  'Asia/Singapore', 'Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Manila', 'Australia/Perth', 'Asia/Tokyo', 'Asia/Seoul', 'Australia/Brisbane',
  'Australia/Sydney', 'Pacific/Auckland',
];

const supported: ReadonlySet<string> = new Set(Intl.supportedValuesOf('timeZone'));

/** An IANA zone name this runtime knows (Area/Place, or UTC); not a bare offset or an abbreviation. */
export function isKnownZone(zone: string): boolean {
  if (zone === 'UTC' || supported.has(zone)) return true;
  return /^[A-Z][A-Za-z_]+(\/[A-Za-z0-9_+-]+)+$/.test(zone) && DateTime.local({ zone }).isValid;
}

/** The zone someone typed: an IANA name in any case, or the place part of one ("new york", "stockholm"). */
export function findZone(text: string): string | undefined {
  const wanted = text.trim().toLowerCase().replace(/\s+/g, '_');
  if (wanted === '') return undefined;
  const all = ['UTC', ...supported];
  const exact = all.find((zone) => zone.toLowerCase() === wanted);
  if (exact) return exact;
  const byPlace = all.filter((zone) => zone.toLowerCase().split('/').at(-1) === wanted);
  return byPlace.length === 1 ? byPlace[0] : undefined;
}

/** "Europe/Stockholm (UTC+01:00)", with the offset it has at `now`. */
export function zoneTitle(zone: string, now: Date): string {
  return `${zone.replace(/_/g, ' ')} (UTC${DateTime.fromJSDate(now, { zone }).toFormat('ZZ')})`;
}

/** Picker choices: the zones this person is known by first, then the common ones from west to east. */
export function zoneChoices(now: Date, preferred: readonly (string | undefined)[]): CardChoice[] {
  const offset = (zone: string): number => DateTime.fromJSDate(now, { zone }).offset;
  const first = [...new Set(preferred.filter((zone): zone is string => zone !== undefined && isKnownZone(zone)))];
  const rest = commonZones.filter((zone) => isKnownZone(zone) && !first.includes(zone)).sort((a, b) => offset(a) - offset(b) || a.localeCompare(b));
  return [...first, ...rest].map((zone) => ({ title: zoneTitle(zone, now), value: zone }));
}
