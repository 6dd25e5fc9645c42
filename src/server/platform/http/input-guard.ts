import type { FastifyInstance } from 'fastify';
import { textProblem } from '../../../domain/text-input.ts';
import { AppError } from './errors.ts';

/** No request document Khru accepts nests deeper than this; deeper input is refused before any schema walks it. */
export const MAX_INPUT_DEPTH = 16;

type Refusal = { field: string; messageKey: string };

/**
 * Walks a parsed body, query or params (iteratively: a 10,000-level document cannot exhaust the
 * stack) and returns the first string — value or key — the register may not store.
 */
export function findBadInput(root: unknown): Refusal | null {
  const stack: { v: unknown; path: string[] }[] = [{ v: root, path: [] }];
  while (stack.length > 0) {
    const { v, path } = stack.pop() as { v: unknown; path: string[] };
    if (typeof v === 'string') {
      const p = textProblem(v);
      if (p)
        return { field: path.join('.'), messageKey: p === 'control' ? 'err.controlChar' : 'err.surrogate' };
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    // Uploaded files (Buffer, streams) are checked by their own upload rules, not as text.
    if (Buffer.isBuffer(v) || ArrayBuffer.isView(v) || typeof (v as { pipe?: unknown }).pipe === 'function')
      continue;
    if (path.length >= MAX_INPUT_DEPTH)
      return { field: path.slice(0, 1).join('.'), messageKey: 'err.tooDeep' };
    for (const [k, child] of Object.entries(v)) {
      const kp = textProblem(k);
      const childPath = [...path, k.replace(/[^\p{L}\p{N}_.-]/gu, '?')];
      if (kp)
        return {
          field: childPath.join('.'),
          messageKey: kp === 'control' ? 'err.controlChar' : 'err.surrogate',
        };
      stack.push({ v: child, path: childPath });
    }
  }
  return null;
}

/**
 * One guard for every route (issue 17 §4, ADR 0114): before any schema, command or query sees it,
 * every text in the parsed params, query string and JSON body is checked — control characters and
 * lone surrogates are refused with a 400 naming the field, so no NUL reaches the database and no
 * route has to remember to refuse it.
 */
export function registerInputGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    for (const part of [req.params, req.query, req.body]) {
      const bad = findBadInput(part);
      if (bad) throw new AppError('validation', [bad]);
    }
  });
}
