/** Character classes the parser shares; all take a UTF-16 code unit. */

export const enum Char {
  Tab = 9,
  LineFeed = 10,
  VerticalTab = 11,
  FormFeed = 12,
  CarriageReturn = 13,
  Space = 32,
  DoubleQuote = 34,
  Hash = 35,
  Dollar = 36,
  SingleQuote = 39,
  Dash = 45,
  Digit0 = 48,
  Digit9 = 57,
  LessThan = 60,
  Equals = 61,
  OpenBracket = 91,
  Backslash = 92,
  Backtick = 96,
  OpenBrace = 123,
  CloseBrace = 125,
  Comma = 44,
  Colon = 58,
  Underscore = 95,
  ByteOrderMark = 0xfeff,
}

/** BuildKit splits instruction words on `[\t\v\f\r ]`. */
export function isWordSeparator(code: number): boolean {
  return code === Char.Space || (code >= Char.Tab && code <= Char.CarriageReturn && code !== Char.LineFeed);
}

/** Go's `unicode.IsSpace`, which BuildKit uses to trim lines and split words. */
export function isSpace(code: number): boolean {
  if (code <= Char.Space) return code === Char.Space || (code >= Char.Tab && code <= Char.CarriageReturn);
  return code === 0x85 || code === 0xa0 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x1680 || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000;
}

export function isDigit(code: number): boolean {
  return code >= Char.Digit0 && code <= Char.Digit9;
}

export function isNameStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === Char.Underscore;
}

export function isNameChar(code: number): boolean {
  return isNameStart(code) || isDigit(code);
}
