import { describe, expect, it } from 'vitest';
import { textProblem } from './text-input.ts';

describe('textProblem', () => {
  it('accepts Thai text, emoji, tabs and line breaks', () => {
    for (const s of ['สมชาย ใจดี', 'บ้านเลขที่ 1\nถนนพระราม 4\r\n', 'a\tb', '👩‍🏫 ครู', ''])
      expect(textProblem(s)).toBeNull();
  });
  it('refuses NUL, other C0 controls, DEL and C1 controls', () => {
    for (const s of ['a\u0000b', '\u0001', 'x\u0008', '\u000b', '\u001b[31m', '\u007f', '\u0085', '\u009f'])
      expect(textProblem(s)).toBe('control');
  });
  it('refuses lone surrogates but not a pair', () => {
    expect(textProblem('a\ud800b')).toBe('surrogate');
    expect(textProblem('\udc00')).toBe('surrogate');
    expect(textProblem('end\ud83d')).toBe('surrogate');
    expect(textProblem('\ud83d\ude00')).toBeNull();
  });
});
