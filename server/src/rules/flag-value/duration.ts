/** Go's `time.ParseDuration`, which BuildKit applies to the HEALTHCHECK durations. */
export type DurationResult =
  | { ok: true; nanoseconds: number }
  | { ok: false; problem: 'invalid' | 'missingUnit' }
  | { ok: false; problem: 'unknownUnit'; unit: string };

const UNITS: Record<string, number> = { ns: 1, us: 1e3, 'µs': 1e3, 'μs': 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };
const INVALID: DurationResult = { ok: false, problem: 'invalid' };
const MAX_DURATION = 2 ** 63;

const isDigit = (char: string | undefined) => char !== undefined && char >= '0' && char <= '9';

/** `[-+]?([0-9]*(\.[0-9]*)?[a-z]+)+`, or a lone `0`. */
export function parseDuration(text: string): DurationResult {
  let rest = text;
  let negative = false;
  if (rest[0] === '-' || rest[0] === '+') {
    negative = rest[0] === '-';
    rest = rest.slice(1);
  }
  if (rest === '0') return { ok: true, nanoseconds: 0 };
  if (rest === '') return INVALID;
  let total = 0;
  let pos = 0;
  while (pos < rest.length) {
    if (rest[pos] !== '.' && !isDigit(rest[pos])) return INVALID;
    const whole = pos;
    while (isDigit(rest[pos])) pos++;
    const integer = rest.slice(whole, pos);
    let fraction = '';
    if (rest[pos] === '.') {
      const fractionStart = ++pos;
      while (isDigit(rest[pos])) pos++;
      fraction = rest.slice(fractionStart, pos);
    }
    if (integer === '' && fraction === '') return INVALID;
    const unitStart = pos;
    while (pos < rest.length && rest[pos] !== '.' && !isDigit(rest[pos])) pos++;
    if (unitStart === pos) return { ok: false, problem: 'missingUnit' };
    const unit = rest.slice(unitStart, pos);
    const scale = UNITS[unit];
    if (scale === undefined) return { ok: false, problem: 'unknownUnit', unit };
    total += Number(`${integer || '0'}.${fraction || '0'}`) * scale;
    if (total >= MAX_DURATION) return INVALID;
  }
  return { ok: true, nanoseconds: negative ? -total : total };
}
