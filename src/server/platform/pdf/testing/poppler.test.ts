import { describe, expect, it } from 'vitest';
import { hasTool } from './poppler.ts';

describe('hasTool', () => {
  it('finds a tool on PATH', () => {
    expect(hasTool('sh', {})).toBe(true);
  });
  it('answers false for a missing tool outside CI, so a developer without it skips', () => {
    expect(hasTool('khru-no-such-tool', {})).toBe(false);
  });
  it('throws for a missing tool under CI=true, so CI fails instead of skipping', () => {
    expect(() => hasTool('khru-no-such-tool', { CI: 'true' })).toThrow(/required under CI=true/);
  });
});
