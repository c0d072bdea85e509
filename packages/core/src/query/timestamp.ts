import type { Timestamp } from "@bufbuild/protobuf/wkt";

// RFC 3339 `date-time`: full date, "T" (either case), time with optional
// fraction, and a mandatory offset (Z or ±hh:mm).
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/**
 * An instant as epoch milliseconds, with the sub-millisecond part as a
 * fraction. Filters compare timestamps as plain numbers because evaluation
 * runs once per listed item; both sides are computed by `toEpochMillis` from
 * (seconds, nanos), so equal instants give identical numbers. Instants closer
 * than about a microsecond may compare as equal.
 */
export type EpochMillis = number;

/** Epoch milliseconds of whole seconds plus nanoseconds, the one formula both sides of a comparison use. */
export function toEpochMillis(seconds: number, nanos: number): EpochMillis {
  return seconds * 1000 + nanos / 1e6;
}

/** A protobuf Timestamp or a Date as epoch milliseconds; undefined when unset. */
export function timestampMillis(value: Timestamp | Date | undefined): EpochMillis | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (value instanceof Date) {
    return value.getTime();
  }
  return toEpochMillis(Number(value.seconds), value.nanos);
}

/**
 * Parses an RFC 3339 timestamp (`2026-01-02T15:04:05Z`,
 * `2026-01-02T15:04:05.123456789+02:00`) to epoch milliseconds. Returns
 * undefined for anything else, including impossible dates (Feb 30), leap
 * seconds (which protobuf Timestamps cannot hold) and years before 0001.
 */
export function parseRfc3339(text: string): EpochMillis | undefined {
  const match = RFC3339.exec(text);
  if (match === null) {
    return undefined;
  }
  const [, y, mo, d, h, mi, s, fraction = "", zulu, sign, oh, om] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return undefined;
  }
  if (hour > 23 || minute > 59 || second > 59) {
    return undefined;
  }
  let offsetMinutes = 0;
  if (zulu === undefined) {
    const offsetHours = Number(oh);
    const offsetMins = Number(om);
    if (offsetHours > 23 || offsetMins > 59) {
      return undefined;
    }
    offsetMinutes = (sign === "-" ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  // Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear does not.
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second));
  date.setUTCFullYear(year);
  const seconds = date.getTime() / 1000 - offsetMinutes * 60;
  // Protobuf keeps nanoseconds; digits beyond the ninth cannot be represented and are dropped.
  const nanos = Number(fraction.slice(0, 9).padEnd(9, "0"));
  return toEpochMillis(seconds, nanos);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
