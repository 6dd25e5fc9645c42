import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stripNameTitles } from '../../src/domain/name-search.ts';
import { DEMO_ACCOUNTS } from '../../src/server/modules/demo/seed.ts';
import { verifyAuditChain } from '../../src/server/platform/audit/index.ts';
import { createTestApp, type Session, type TestApp } from '../support/app.ts';
import { contentHash, personIdByNationalId, teacherOf } from '../support/people.ts';
import { SAMPLES } from '../support/samples.ts';

let t: TestApp;
let officer: Session;
let ownerId: string;
beforeAll(async () => {
  t = await createTestApp();
  officer = await t.login('officer');
  ownerId = await personIdByNationalId(t.h, DEMO_ACCOUNTS.owner.nationalId);
});
afterAll(async () => t?.close());

const record = async (s: Session, id: string) =>
  (await t.call(s, { url: `/api/v1/people/${id}/record` })).json();

describe('reading the record', () => {
  it('gives the owner her full record with every item and the derived retirement date', async () => {
    const s = await t.login('owner');
    const res = await t.call(s, { url: '/api/v1/me/record' });
    expect(res.statusCode).toBe(200);
    const v = res.json();
    expect(v.person.nationalId).toBe(DEMO_ACCOUNTS.owner.nationalId);
    expect(v.person.displayName).toBe('นางสาวปิยะนุช ใจดี');
    expect(Object.keys(v.items).sort()).toEqual(
      [
        'abilities',
        'addresses',
        'decorations',
        'discipline',
        'education',
        'ethics',
        'family',
        'leave',
        'licences',
        'martialLaw',
        'names',
        'others',
        'photos',
        'research',
        'service',
        'specialDuties',
        'studyVisits',
        'training',
      ].sort(),
    );
    expect(v.person.retirementDate).toMatch(/-09-30$/);
    expect(v.allowed.edit).toEqual([]); // owners ask for corrections; they do not edit directly
    expect(v.items.service.length).toBeGreaterThan(1);
    expect(v.items.service[0].salary).toMatch(/^\d+\.\d{2}$/);
    // Item 25: every leave column of every fiscal year is present, 0 where nothing was taken.
    for (const row of v.items.leave) expect(row.ordination).toEqual({ times: 0, days: 0 });
  });

  it('serves the one-statement full record exactly as the parsed read builds it, and as documented', async () => {
    // GET /people/:id/record sends the items JSON PostgreSQL built without re-serialising it
    // (issue 5): it must equal readRecord's view (the printouts' and signatures' source) and parse
    // with the documented response schema, for a full reader and for an item-restricted clerk.
    const { readRecord } = await import('../../src/server/modules/records/index.ts');
    const { personAccess } = await import('../../src/server/platform/authz/index.ts');
    const { loadSession } = await import('../../src/server/platform/auth/index.ts');
    const { recordView } = await import('../../src/server/modules/records/records.schemas.ts');
    const { loadConfig } = await import('../../src/server/config.ts');
    for (const who of ['officer', 'clerk'] as const) {
      const s = who === 'officer' ? officer : await t.login('clerk');
      const res = await t.call(s, { url: `/api/v1/people/${ownerId}/record` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      const body = res.json();
      expect(recordView.safeParse(body).success).toBe(true);
      const token = decodeURIComponent(/khru_sid=([^;]+)/.exec(s.cookie)![1]!);
      const loaded = (await loadSession(t.h, loadConfig(), token))!;
      const [person] = await t.h.query<{ id: string; office_id: string; status: string }>(
        'select id, office_id, status from persons where id = $1',
        [ownerId],
      );
      const access = await personAccess(t.h.db, loaded.actor, {
        id: person!.id,
        officeId: person!.office_id,
        status: person!.status,
      });
      const view = (await readRecord(t.h, ownerId, access))!;
      expect(body.items).toEqual(view.items);
      expect(body.person).toEqual(view.person);
      expect(body.allowed).toEqual(view.allowed);
      if (who === 'clerk') expect(Object.keys(body.items).length).toBeLessThan(18);
      else expect(Object.keys(body.items).length).toBe(18);
    }
  });

  it('derives the retirement date from the birth date (ข้อ 3.2.10 examples)', async () => {
    const id = await teacherOf(t.h, 'SCH-40-001', 1);
    const cases = [
      ['1987-03-27', '2047-03-26', '2047-09-30'], // เกิด 27 มี.ค. 2530 → 60 ปี 26 มี.ค. 2590 → เกษียณ 30 ก.ย. 2590
      ['1987-10-01', '2047-09-30', '2047-09-30'], // เกิด 1 ต.ค. 2530 → 30 ก.ย. 2590 → 30 ก.ย. 2590
      ['1987-10-02', '2047-10-01', '2048-09-30'], // เกิด 2 ต.ค. 2530 → 1 ต.ค. 2590 → 30 ก.ย. 2591
    ];
    for (const [birth, sixty, retire] of cases) {
      // The date of birth changes only by an approved correction (ข้อ 4.2.1, protected-fields.test.ts);
      // the derivation is what is tested here, so the owner of the tables sets it, its guard off.
      await t.owner('alter table persons disable trigger persons_protected_dates');
      await t.owner('update persons set birth_date = $1 where id = $2', [birth, id]);
      await t.owner('alter table persons enable trigger persons_protected_dates');
      const after = await record(officer, id);
      expect(after.person.sixtiethBirthday).toBe(sixty);
      expect(after.person.retirementDate).toBe(retire);
    }
    const [row] = await t.h.query<Record<string, unknown>>('select * from persons where id = $1', [id]);
    expect(Object.keys(row!)).not.toContain('retirement_date'); // derived, never stored
  });
});

describe('search', () => {
  it('finds people in scope by Thai name prefix and substring, by ID, sorted by first name with titles ignored', async () => {
    const byPrefix = (
      await t.call(officer, { method: 'POST', url: '/api/v1/people/search', payload: { q: 'ปิยะ' } })
    ).json();
    expect(byPrefix.items.map((i: { displayName: string }) => i.displayName)).toContain('นางสาวปิยะนุช ใจดี');
    const bySub = (
      await t.call(officer, { method: 'POST', url: '/api/v1/people/search', payload: { q: 'นุช ใจ' } })
    ).json();
    expect(bySub.items.some((i: { id: string }) => i.id === ownerId)).toBe(true);
    const byId = (
      await t.call(officer, {
        method: 'POST',
        url: '/api/v1/people/search',
        payload: { nationalId: DEMO_ACCOUNTS.owner.nationalId },
      })
    ).json();
    expect(byId.items.map((i: { id: string }) => i.id)).toEqual([ownerId]);
    const all = (
      await t.call(officer, { method: 'POST', url: '/api/v1/people/search', payload: { pageSize: 100 } })
    ).json();
    // As Thai offices list people: first name, then surname, in Thai order; the title is ignored
    // (sorting the display name grouped everyone under นาง / นางสาว / นาย).
    const names = all.items.map((i: { displayName: string }) => stripNameTitles(i.displayName));
    expect(names).toEqual([...names].sort(new Intl.Collator('th').compare));
    const shown = all.items.map((i: { displayName: string }) => i.displayName);
    expect(shown).not.toEqual([...shown].sort(new Intl.Collator('th').compare));
    // 2 schools × 8 assigned + the owner and the school director assigned to him + his own record
    expect(all.total).toBe(19);
  });

  it('finds a person typed with her title, with or without a space, and by any part of the name', async () => {
    for (const q of ['นางสาวปิยะนุช ใจดี', 'นางสาว ปิยะนุช', 'นางสาวปิยะนุช', 'ใจดี', 'ยะนุ']) {
      const r = (
        await t.call(officer, { method: 'POST', url: '/api/v1/people/search', payload: { q } })
      ).json();
      expect(
        r.items.some((i: { id: string }) => i.id === ownerId),
        q,
      ).toBe(true);
    }
  });
  it('never returns people outside the caller’s scope', async () => {
    const other = await teacherOf(t.h, 'SCH-40-101');
    const all = (
      await t.call(officer, { method: 'POST', url: '/api/v1/people/search', payload: { pageSize: 100 } })
    ).json();
    expect(all.items.some((i: { id: string }) => i.id === other)).toBe(false);
  });
});

describe('changing the record', () => {
  it('adds, edits and removes an entry, each with its item-27 history and a valid audit chain', async () => {
    const id = await teacherOf(t.h, 'SCH-40-002');
    const add = await t.call(officer, {
      method: 'POST',
      url: `/api/v1/people/${id}/items/service`,
      payload: SAMPLES.service,
    });
    expect(add.statusCode).toBe(201);
    const entry = add.json().entry;
    expect(entry.salary).toBe('31080.50'); // exact money
    const [stored] = await t.h.query<{ s: string }>(
      'select salary_satang::text as s from person_service where id = $1',
      [entry.id],
    );
    expect(stored!.s).toBe('3108050');
    const edit = await t.call(officer, {
      method: 'PUT',
      url: `/api/v1/people/${id}/items/service/${entry.id}`,
      payload: {
        version: entry.version,
        data: { ...SAMPLES.service, salary: '31500', standing: 'senior_professional' },
      },
    });
    expect(edit.statusCode).toBe(200);
    const hist = (await t.call(officer, { url: `/api/v1/people/${id}/history` })).json().items;
    expect(hist.slice(0, 2)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          item: 'service',
          field: 'salary',
          from: '31080.50',
          to: '31500.00',
          actorName: 'นายประเสริฐ ศรีสุข',
        }),
        expect.objectContaining({
          item: 'service',
          field: 'standing',
          from: 'professional',
          to: 'senior_professional',
        }),
      ]),
    );
    const v2 = edit.json().entry.version;
    const del = await t.call(officer, {
      method: 'DELETE',
      url: `/api/v1/people/${id}/items/service/${entry.id}?version=${v2}`,
    });
    expect(del.statusCode).toBe(200);
    const after = (await t.call(officer, { url: `/api/v1/people/${id}/history` })).json().items;
    expect(after[0]).toMatchObject({ item: 'service', to: null });
    expect((await record(officer, id)).person.recordVersion).toBeGreaterThan(3);
    expect((await verifyAuditChain(t.h)).ok).toBe(true);
  });

  it('refuses a stale version with 409 and a Thai message, writing nothing', async () => {
    const id = await teacherOf(t.h, 'SCH-40-002', 1);
    const v = await record(officer, id);
    const tr = v.items.training[0];
    const first = await t.call(officer, {
      method: 'PUT',
      url: `/api/v1/people/${id}/items/training/${tr.id}`,
      payload: { version: tr.version, data: { ...SAMPLES.training, course: 'หลักสูตร ก' } },
    });
    expect(first.statusCode).toBe(200);
    const before = await contentHash(t.h);
    const second = await t.call(officer, {
      method: 'PUT',
      url: `/api/v1/people/${id}/items/training/${tr.id}`,
      payload: { version: tr.version, data: { ...SAMPLES.training, course: 'หลักสูตร ข' } },
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.message).toBe('ข้อมูลถูกแก้ไขโดยผู้อื่นแล้ว กรุณาโหลดข้อมูลล่าสุดก่อนแก้ไขอีกครั้ง');
    expect(await contentHash(t.h)).toBe(before);
  });

  it.each([
    [
      'negative salary',
      'service',
      { ...SAMPLES.service, salary: '-100' },
      'salary',
      'อัตราเงินเดือน: ต้องเป็นจำนวนเงินไม่ติดลบ ทศนิยมไม่เกิน 2 ตำแหน่ง',
    ],
    [
      'impossible date',
      'service',
      { ...SAMPLES.service, effectiveDate: '2026-02-30' },
      'effectiveDate',
      'วันที่มีผล: ไม่ใช่วันที่ที่มีอยู่จริง',
    ],
    [
      'unknown address code',
      'addresses',
      { ...SAMPLES.addresses, tambonCode: '999999' },
      'tambonCode',
      'แขวง/ตำบล: ไม่พบรหัสตำบลในฐานข้อมูลที่อยู่',
    ],
    [
      'postcode of another tambon',
      'addresses',
      { ...SAMPLES.addresses, postcode: '10900' },
      'postcode',
      'รหัสไปรษณีย์: รหัสไปรษณีย์ไม่ตรงกับตำบล',
    ],
    [
      'missing required field',
      'addresses',
      { ...SAMPLES.addresses, houseNo: '' },
      'houseNo',
      'บ้านเลขที่: ต้องกรอก',
    ],
    [
      'missing leave column',
      'leave',
      { fiscalYear: 2560, sick: { times: 1, days: 1 } },
      'personal',
      'ลากิจส่วนตัว: ต้องกรอก',
    ],
    [
      'half-day steps',
      'leave',
      { ...SAMPLES.leave, sick: { times: 1, days: 1.3 } },
      'sick.days',
      'ลาป่วย วัน: จำนวนวันต้องเป็นทวีคูณของครึ่งวัน',
    ],
  ])(
    'rejects %s with a field-level Thai error and changes nothing',
    async (_n, item, body, field, message) => {
      const id = await teacherOf(t.h, 'SCH-40-001', 2);
      const before = await contentHash(t.h);
      const res = await t.call(officer, {
        method: 'POST',
        url: `/api/v1/people/${id}/items/${item}`,
        payload: body,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields).toContainEqual(expect.objectContaining({ field, message }));
      expect(await contentHash(t.h)).toBe(before);
    },
  );

  it('keeps one leave row per fiscal year (item 25)', async () => {
    const id = await teacherOf(t.h, 'SCH-40-001', 4);
    const v = await record(officer, id);
    const fy = v.items.leave[0].fiscalYear;
    const before = await contentHash(t.h);
    const res = await t.call(officer, {
      method: 'POST',
      url: `/api/v1/people/${id}/items/leave`,
      payload: { ...SAMPLES.leave, fiscalYear: fy },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.fields[0].field).toBe('fiscalYear');
    expect(await contentHash(t.h)).toBe(before);
    // Editing a row to another year that exists is refused too; keeping its own year is fine.
    const [a, b] = v.items.leave;
    const clash = await t.call(officer, {
      method: 'PUT',
      url: `/api/v1/people/${id}/items/leave/${b.id}`,
      payload: { version: b.version, data: { ...b, fiscalYear: a.fiscalYear } },
    });
    expect(clash.statusCode).toBe(409);
    const same = await t.call(officer, {
      method: 'PUT',
      url: `/api/v1/people/${id}/items/leave/${b.id}`,
      payload: { version: b.version, data: { ...b, sick: { times: 9, days: 12.5 } } },
    });
    expect(same.statusCode).toBe(200);
  });

  it('rejects an appointment date less than 18 years after birth', async () => {
    const id = await teacherOf(t.h, 'SCH-40-001', 3);
    const v = await record(officer, id);
    const res = await t.call(officer, {
      method: 'PUT',
      url: `/api/v1/people/${id}/personal`,
      payload: {
        birthDate: '2010-01-01',
        bloodGroup: 'A',
        appointmentDate: '2020-01-01',
        subjectGroup: null,
        version: v.person.version,
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe('appointmentDate');
  });

  it('keeps name history: a new name becomes the current name, the old one stays', async () => {
    const id = await teacherOf(t.h, 'SCH-40-002', 2);
    const res = await t.call(officer, {
      method: 'POST',
      url: `/api/v1/people/${id}/items/names`,
      payload: SAMPLES.names,
    });
    expect(res.statusCode).toBe(201);
    const v = await record(officer, id);
    expect(v.person.displayName).toBe('นางทดสอบ ระบบดี');
    expect(v.items.names.length).toBeGreaterThanOrEqual(2);
    const found = (
      await t.call(officer, { method: 'POST', url: '/api/v1/people/search', payload: { q: 'ทดสอบ' } })
    ).json();
    expect(found.items.map((i: { id: string }) => i.id)).toContain(id);
  });

  it('records a later change to a penalty that references the original (ข้อ 4.4.7)', async () => {
    const id = await teacherOf(t.h, 'SCH-40-002', 3);
    const orig = await t.call(officer, {
      method: 'POST',
      url: `/api/v1/people/${id}/items/discipline`,
      payload: { ...SAMPLES.discipline, penalty: 'salary_cut' },
    });
    expect(orig.statusCode).toBe(201);
    const change = await t.call(officer, {
      method: 'POST',
      url: `/api/v1/people/${id}/items/discipline`,
      payload: {
        ...SAMPLES.discipline,
        penalty: 'probation',
        amendsId: orig.json().entry.id,
        changeKind: 'appeal',
        note: 'อ.ก.ค.ศ. มีมติครั้งที่ 5/2569 ลดโทษเป็นภาคทัณฑ์',
      },
    });
    expect(change.statusCode).toBe(201);
    // The original cannot be removed while a change refers to it.
    const e = orig.json().entry;
    const del = await t.call(officer, {
      method: 'DELETE',
      url: `/api/v1/people/${id}/items/discipline/${e.id}?version=${e.version}`,
    });
    expect(del.statusCode).toBe(400);
  });
});
