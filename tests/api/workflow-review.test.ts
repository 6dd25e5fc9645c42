/**
 * Twice-yearly owner review (requirements R3.8, seed 000): owners confirm the version of their
 * record they read; officers see who in their scope has not confirmed within half a year.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../support/app.ts';

let t: TestApp;
let owner: Session;
let officer: Session;
const overdue = async (who: Session) => (await t.call(who, { url: '/api/v1/reviews/overdue' })).json();

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.login('owner');
  officer = await t.login('officer');
});
afterAll(async () => t?.close());

describe('owner review', () => {
  it('an owner who never confirmed is overdue; confirming the current version clears it', async () => {
    const ids = (await overdue(officer)).items.map((i: { personId: string }) => i.personId);
    expect(ids).toContain(owner.personId);
    const me = (await t.call(owner, { url: '/api/v1/me/record' })).json();
    const stale = await t.call(owner, {
      method: 'POST',
      url: '/api/v1/me/review',
      payload: { recordVersion: me.person.recordVersion + 1 },
    });
    expect(stale.statusCode).toBe(409);
    const ok = await t.call(owner, {
      method: 'POST',
      url: '/api/v1/me/review',
      payload: { recordVersion: me.person.recordVersion },
    });
    expect(ok.statusCode).toBe(200);
    expect((await overdue(officer)).items.map((i: { personId: string }) => i.personId)).not.toContain(
      owner.personId,
    );
    const [ev] = await t.h.query<{ n: string }>(
      `select count(*)::text as n from audit_events where event_type = 'record.owner.reviewed' and person_id = $1`,
      [owner.personId],
    );
    expect(ev!.n).toBe('1');
  });

  it('a confirmation older than 183 days is overdue again', async () => {
    await t.h.query(`update persons set last_owner_review_at = now() - interval '184 days' where id = $1`, [
      owner.personId,
    ]);
    const items = (await overdue(officer)).items;
    const mine = items.find((i: { personId: string }) => i.personId === owner.personId);
    expect(mine.lastOwnerReviewAt).not.toBeNull();
    await t.h.query(`update persons set last_owner_review_at = now() - interval '182 days' where id = $1`, [
      owner.personId,
    ]);
    expect((await overdue(officer)).items.map((i: { personId: string }) => i.personId)).not.toContain(
      owner.personId,
    );
  });

  it('only officers see the list, and only people in their scope', async () => {
    expect((await t.call(owner, { url: '/api/v1/reviews/overdue' })).statusCode).toBe(403);
    expect(
      (await t.call(await t.login('schoolDirector'), { url: '/api/v1/reviews/overdue' })).statusCode,
    ).toBe(403);
    const other = (await overdue(await t.login('otherOfficer'))).items.map(
      (i: { personId: string }) => i.personId,
    );
    expect(other).not.toContain(owner.personId);
    const cert = (await overdue(await t.login('certifier'))).items;
    expect(cert.length).toBeGreaterThan(0);
  });
});
