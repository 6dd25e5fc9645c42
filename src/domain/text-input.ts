/**
 * Text the register may store (issue 17 §4). A personnel record is read by people, printed on the
 * ก.ค.ศ.๑๖ form and exported to spreadsheets; none of that has a use for control characters, and
 * PostgreSQL refuses a NUL byte in `text` outright (SQLSTATE 22021), which used to surface as a 500.
 * A lone UTF-16 surrogate is not a character at all (it cannot be encoded as UTF-8) and would be
 * silently replaced by U+FFFD somewhere downstream, so it is refused rather than repaired.
 *
 * Refused: C0 controls U+0000–U+001F except TAB, LF and CR (multi-line remarks and addresses may
 * contain line breaks; a tab is harmless in storage and CSV export neutralises a leading one),
 * DEL U+007F, C1 controls U+0080–U+009F, and unpaired surrogates.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: this regex exists to find control characters
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export type TextProblem = 'control' | 'surrogate';

/** Why `s` may not be stored as text, or null when it may. */
export function textProblem(s: string): TextProblem | null {
  if (FORBIDDEN.test(s)) return 'control';
  if (LONE_SURROGATE.test(s)) return 'surrogate';
  return null;
}
