import { describe, expect, it } from 'vitest';
import {
  orderDateProblem,
  SERVICE_EVENTS,
  SERVICE_STATES,
  serviceStateOf,
  serviceStep,
} from './service-status.ts';

describe('service status (ข้อ 5.2–5.4)', () => {
  it('derives the state from the person status and an open move/transfer', () => {
    expect(serviceStateOf('active', false)).toBe('inService');
    expect(serviceStateOf('active', true)).toBe('transferPending');
    expect(serviceStateOf('removed', false)).toBe('removed');
  });

  it('a move: requested, then confirmed or disputed; never opened twice', () => {
    expect(serviceStep('inService', 'requestMove')).toEqual({ ok: true, next: 'transferPending' });
    expect(serviceStep('transferPending', 'requestMove')).toEqual({ ok: false, refusal: 'transferOpen' });
    expect(serviceStep('transferPending', 'transferOut')).toEqual({ ok: false, refusal: 'transferOpen' });
    expect(serviceStep('transferPending', 'confirmMove')).toEqual({ ok: true, next: 'inService' });
    expect(serviceStep('transferPending', 'disputeMove')).toEqual({ ok: true, next: 'inService' });
    expect(serviceStep('inService', 'confirmMove')).toEqual({ ok: false, refusal: 'noOpenTransfer' });
  });

  it('no removal on top of an open transfer (ข้อ 5.3), nothing but re-appointment after it (ข้อ 5.4)', () => {
    expect(serviceStep('transferPending', 'remove')).toEqual({ ok: false, refusal: 'transferOpen' });
    expect(serviceStep('inService', 'remove')).toEqual({ ok: true, next: 'removed' });
    for (const e of SERVICE_EVENTS.filter((e) => e !== 'reappoint'))
      expect(serviceStep('removed', e)).toEqual({ ok: false, refusal: 'removedAlready' });
    expect(serviceStep('removed', 'reappoint')).toEqual({ ok: true, next: 'inService' });
    expect(serviceStep('inService', 'reappoint')).toEqual({ ok: false, refusal: 'stillInService' });
  });

  it('every state × event has an answer', () => {
    for (const s of SERVICE_STATES)
      for (const e of SERVICE_EVENTS) expect(serviceStep(s, e)).toHaveProperty('ok');
  });

  it('an order date is not in the future nor before 2500 B.E.', () => {
    expect(orderDateProblem('2026-11-01', '2026-12-04')).toBeNull();
    expect(orderDateProblem('2026-12-04', '2026-12-04')).toBeNull();
    expect(orderDateProblem('2026-12-05', '2026-12-04')).toBe('err.orderDate.future');
    expect(orderDateProblem('2569-01-15', '2026-12-04')).toBe('err.orderDate.future');
    expect(orderDateProblem('0001-01-01', '2026-12-04')).toBe('err.orderDate.tooOld');
  });
});
