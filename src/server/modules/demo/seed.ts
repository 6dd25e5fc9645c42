/**
 * The demo data set: a small, realistic slice of the country (OTEPC → agencies → district offices
 * → schools) with people, positions, demo accounts (one per role) and their scoped assignments.
 * Loaded on the first start (DEMO_DATA=auto) and into the test database snapshot.
 */
import { eq } from 'drizzle-orm';
import Papa from 'papaparse';
import { LIST_ITEM_KEYS, LIST_ITEMS } from '../../../domain/record/items.ts';
import { appendAudit, type RequestMeta } from '../../platform/audit/index.ts';
import { hashPassword } from '../../platform/auth/index.ts';
import type { DbHandle, Tx } from '../../platform/db/index.ts';
import { schema } from '../../platform/db/index.ts';
import { formatDisplayName, ITEM_TABLES, toRow } from '../records/index.ts';
import { type GenPerson, generatePerson, nationalIdFrom, rng } from './generator.ts';

export const DEMO_PASSWORD = 'demo-password-2569';
/**
 * The authenticator secret of the demo staff accounts (ADR 0113; README): add it to any TOTP app
 * (base32, SHA-1, 6 digits, 30 s) to sign in as them. Demo data only — never a real account.
 */
export const DEMO_TOTP_SECRET = 'KHRUDEMOTOTPSECRETKHRUDEMOTOTP23';
/** A staff demo account left without an authenticator: its first sign-in enrols one. */
export const DEMO_UNENROLLED: DemoAccountKey = 'provincialOfficer';
export const DEMO_TODAY = '2026-11-21';

type OfficeSeed = {
  code: string;
  nameTh: string;
  kind: (typeof schema.OFFICE_KINDS)[number];
  parent: string | null;
  province: string | null;
  short?: string;
};
export const DEMO_OFFICES: OfficeSeed[] = [
  { code: 'OTEPC', nameTh: 'สำนักงาน ก.ค.ศ.', kind: 'otepc', parent: null, province: '10' },
  {
    code: 'OBEC',
    nameTh: 'สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน',
    kind: 'agency',
    parent: 'OTEPC',
    province: '10',
  },
  { code: 'OPS', nameTh: 'สำนักงานปลัดกระทรวงศึกษาธิการ', kind: 'agency', parent: 'OTEPC', province: '10' },
  { code: 'OVEC', nameTh: 'สำนักงานคณะกรรมการการอาชีวศึกษา', kind: 'agency', parent: 'OTEPC', province: '10' },
  {
    code: 'SPP-KK1',
    nameTh: 'สำนักงานเขตพื้นที่การศึกษาประถมศึกษาขอนแก่น เขต 1',
    short: 'สพป.ขอนแก่น เขต 1',
    kind: 'area_office',
    parent: 'OBEC',
    province: '40',
  },
  {
    code: 'SPM-KK',
    nameTh: 'สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาขอนแก่น',
    short: 'สพม.ขอนแก่น',
    kind: 'area_office',
    parent: 'OBEC',
    province: '40',
  },
  {
    code: 'SPP-MK1',
    nameTh: 'สำนักงานเขตพื้นที่การศึกษาประถมศึกษามหาสารคาม เขต 1',
    short: 'สพป.มหาสารคาม เขต 1',
    kind: 'area_office',
    parent: 'OBEC',
    province: '44',
  },
  {
    code: 'PEO-KK',
    nameTh: 'สำนักงานศึกษาธิการจังหวัดขอนแก่น',
    kind: 'provincial_office',
    parent: 'OPS',
    province: '40',
  },
  { code: 'SCH-40-001', nameTh: 'โรงเรียนบ้านหนองบัว', kind: 'school', parent: 'SPP-KK1', province: '40' },
  { code: 'SCH-40-002', nameTh: 'โรงเรียนบ้านโนนทัน', kind: 'school', parent: 'SPP-KK1', province: '40' },
  { code: 'SCH-40-003', nameTh: 'โรงเรียนชุมชนบ้านทุ่ม', kind: 'school', parent: 'SPP-KK1', province: '40' },
  { code: 'SCH-40-101', nameTh: 'โรงเรียนขอนแก่นวิทยายน', kind: 'school', parent: 'SPM-KK', province: '40' },
  { code: 'SCH-40-102', nameTh: 'โรงเรียนแก่นนครวิทยาลัย', kind: 'school', parent: 'SPM-KK', province: '40' },
  { code: 'SCH-44-001', nameTh: 'โรงเรียนบ้านแวงน่าง', kind: 'school', parent: 'SPP-MK1', province: '44' },
  { code: 'VC-40-001', nameTh: 'วิทยาลัยเทคนิคขอนแก่น', kind: 'school', parent: 'OVEC', province: '40' },
];

/** Demo accounts: one per role, with fixed national IDs (listed in the README). */
export const DEMO_ACCOUNTS = {
  owner: { nationalId: '3100100000014', office: 'SCH-40-001', name: ['นางสาว', 'ปิยะนุช', 'ใจดี'] },
  officer: { nationalId: '3100100000022', office: 'SPP-KK1', name: ['นาย', 'ประเสริฐ', 'ศรีสุข'] },
  clerk: { nationalId: '3100100000031', office: 'SPP-KK1', name: ['นางสาว', 'กาญจนา', 'แสงทอง'] },
  accessController: { nationalId: '3100100000049', office: 'SPP-KK1', name: ['นาย', 'วิทยา', 'บุญมา'] },
  certifier: { nationalId: '3100100000057', office: 'SPP-KK1', name: ['นาย', 'สุรชัย', 'มั่นคง'] },
  otepcController: { nationalId: '3100100000065', office: 'OTEPC', name: ['นาง', 'รัตนา', 'วงศ์ใหญ่'] },
  schoolDirector: { nationalId: '3100100000073', office: 'SCH-40-001', name: ['นาย', 'ณรงค์', 'ทองคำ'] },
  districtDirector: { nationalId: '3100100000081', office: 'SPP-KK1', name: ['นาย', 'ชัยวัฒน์', 'เพชรรัตน์'] },
  provincialOfficer: { nationalId: '3100100000090', office: 'PEO-KK', name: ['นาย', 'ศุภชัย', 'นาคสวัสดิ์'] },
  agencyHead: { nationalId: '3100100000103', office: 'OBEC', name: ['นาย', 'เกียรติศักดิ์', 'ชัยมงคล'] },
  officeController: { nationalId: '3100100000111', office: 'SPP-KK1', name: ['นาง', 'พรทิพย์', 'ศรีวิไล'] },
  otherOfficer: { nationalId: '3100100000120', office: 'SPM-KK', name: ['นางสาว', 'ชุติมา', 'จันทร์หอม'] },
  otherOwner: { nationalId: '3100100000138', office: 'SCH-40-101', name: ['นาย', 'ธนากร', 'แก้วมณี'] },
} as const;
export type DemoAccountKey = keyof typeof DEMO_ACCOUNTS;

const SEED_META: RequestMeta = {
  ip: null,
  userAgent: null,
  source: 'seed',
  requestId: null,
  authMethod: null,
};

async function insertPerson(
  tx: Tx,
  g: GenPerson,
  officeId: string,
  positionId: string | null,
): Promise<string> {
  const [p] = await tx
    .insert(schema.persons)
    .values({
      nationalId: g.nationalId,
      ...g.personal,
      officeId,
      positionId,
      displayName: '',
      searchName: '',
    })
    .returning({ id: schema.persons.id });
  const personId = p!.id;
  for (const k of LIST_ITEM_KEYS) {
    const entries = (g.items as Record<string, unknown[]>)[k];
    if (!entries?.length) continue;
    const parsed = entries.map((e) => LIST_ITEMS[k].schema.parse(e) as Record<string, unknown>);
    await tx.insert(ITEM_TABLES[k]).values(parsed.map((d) => ({ ...toRow(k, d), personId })) as never);
  }
  const names = g.items.names!;
  const n = names[names.length - 1]!;
  const last = g.items.service![g.items.service!.length - 1]!;
  await tx
    .update(schema.persons)
    .set({
      displayName: formatDisplayName({
        prefix: n.prefix,
        rankTitle: n.rankTitle ?? null,
        firstName: n.firstName,
        middleName: n.middleName ?? null,
        lastName: n.lastName,
      }),
      searchName: `${n.firstName} ${n.lastName}`,
      currentStanding: last.standing ?? 'none',
      currentPositionTitle: last.positionTitle,
    })
    .where(eq(schema.persons.id, personId));
  if (positionId)
    await tx
      .update(schema.positions)
      .set({ holderPersonId: personId })
      .where(eq(schema.positions.id, positionId));
  return personId;
}

/** Loads the demo data set. Idempotent: does nothing if it is already loaded. */
export async function seedDemo(
  h: DbHandle,
  opts: { peoplePerSchool?: number } = {},
): Promise<{ loaded: boolean }> {
  const [done] = await h.db.select().from(schema.appMeta).where(eq(schema.appMeta.key, 'demo_loaded'));
  if (done) return { loaded: false };
  const perSchool = opts.peoplePerSchool ?? 8;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await h.db.transaction(async (tx) => {
    const ids = new Map<
      string,
      { id: string; path: string; short: string; province: string | null; kind: string }
    >();
    for (const o of DEMO_OFFICES) {
      const parent = o.parent ? ids.get(o.parent)! : null;
      const path = `${parent?.path ?? '/'}${o.code}/`;
      const [row] = await tx
        .insert(schema.offices)
        .values({
          code: o.code,
          nameTh: o.nameTh,
          kind: o.kind,
          parentId: parent?.id ?? null,
          path,
          provinceCode: o.province,
        })
        .returning({ id: schema.offices.id });
      ids.set(o.code, { id: row!.id, path, short: o.short ?? o.nameTh, province: o.province, kind: o.kind });
    }
    const r = rng(20261121);
    let serial = 1;
    let posNo = 1;
    const agencyOf = (code: string) => {
      const o = DEMO_OFFICES.find((x) => x.code === code)!;
      const parent = o.parent ? ids.get(o.parent)! : null;
      return o.kind === 'school' && parent ? `${o.nameTh} ${parent.short}` : o.nameTh;
    };
    const newPosition = async (officeCode: string, title: string) => {
      const [pos] = await tx
        .insert(schema.positions)
        .values({
          officeId: ids.get(officeCode)!.id,
          positionNumber: String(posNo++),
          title,
          positionType: 'teaching',
        })
        .returning({ id: schema.positions.id, positionNumber: schema.positions.positionNumber });
      return pos!;
    };
    /** A generated person holding a new position at the office; `name` overrides the generated name. */
    const makePerson = async (
      officeCode: string,
      idBody: string,
      career: 'teacher' | 'director',
      name?: readonly [string, string, string],
    ) => {
      const o = ids.get(officeCode)!;
      const pos = await newPosition(officeCode, career === 'director' ? 'ผู้อำนวยการสถานศึกษา' : 'ครู');
      const g = generatePerson(r, idBody, {
        agency: agencyOf(officeCode),
        provinceCode: o.province ?? '40',
        positionNumber: pos.positionNumber,
        today: DEMO_TODAY,
        career,
      });
      if (name) {
        const [prefix, firstName, lastName] = name;
        g.items.names = [
          {
            prefix: prefix as 'นาย',
            firstName,
            lastName,
            effectiveDate: g.personal.birthDate,
            reference: null,
          },
        ];
      }
      return insertPerson(tx, g, o.id, pos.id);
    };

    // Teachers of every school.
    const bySchool = new Map<string, string[]>();
    for (const o of DEMO_OFFICES.filter((x) => x.kind === 'school')) {
      const list: string[] = [];
      for (let i = 0; i < perSchool; i++) {
        list.push(await makePerson(o.code, `5${String(40000000000 + serial++).slice(-11)}`, 'teacher'));
      }
      bySchool.set(o.code, list);
      // One vacant position per school.
      await newPosition(o.code, 'ครู');
    }

    // Demo accounts: people (except OTEPC/agency staff, who are not in this register) and users.
    const userIds = {} as Record<DemoAccountKey, string>;
    const personIds = {} as Record<DemoAccountKey, string | null>;
    for (const [key, a] of Object.entries(DEMO_ACCOUNTS) as [
      DemoAccountKey,
      (typeof DEMO_ACCOUNTS)[DemoAccountKey],
    ][]) {
      const personId = ['otepcController', 'agencyHead'].includes(key)
        ? null
        : await makePerson(
            a.office,
            a.nationalId.slice(0, 12),
            key === 'schoolDirector' ? 'director' : 'teacher',
            a.name,
          );
      personIds[key] = personId;
      const [prefix, first, last] = a.name;
      const [u] = await tx
        .insert(schema.users)
        .values({
          nationalId: a.nationalId,
          personId,
          displayName: `${prefix}${first} ${last}`,
          passwordHash,
        })
        .returning({ id: schema.users.id });
      userIds[key] = u!.id;
    }

    const granted: DemoAccountKey[] = [];
    const grant = async (
      key: DemoAccountKey,
      role: string,
      office: string,
      people: string[] = [],
      items: string[] = [],
    ) => {
      granted.push(key);
      const [a] = await tx
        .insert(schema.roleAssignments)
        .values({
          userId: userIds[key],
          role,
          officeId: ids.get(office)!.id,
          startDate: '2025-10-01',
          reference: 'คำสั่งมอบหมาย (ข้อมูลสาธิต)',
        })
        .returning({ id: schema.roleAssignments.id });
      if (people.length)
        await tx
          .insert(schema.assignmentPeople)
          .values(people.map((personId) => ({ assignmentId: a!.id, personId })));
      if (items.length)
        await tx
          .insert(schema.assignmentItems)
          .values(items.map((itemKey) => ({ assignmentId: a!.id, itemKey })));
    };
    const assigned = [
      ...bySchool.get('SCH-40-001')!,
      ...bySchool.get('SCH-40-002')!,
      personIds.owner!,
      personIds.schoolDirector!,
    ];
    await grant('officer', 'records_officer', 'SPP-KK1', assigned);
    await grant(
      'clerk',
      'data_entry_clerk',
      'SPP-KK1',
      [],
      ['training', 'research', 'studyVisits', 'abilities', 'leave'],
    );
    // The school's teachers, its owner account and its director (whose lost second factor he
    // resets from the director's record page, ADR 0113).
    await grant('accessController', 'access_controller', 'SPP-KK1', [
      ...bySchool.get('SCH-40-001')!,
      personIds.owner!,
      personIds.schoolDirector!,
    ]);
    await grant('certifier', 'certifier', 'SPP-KK1');
    await grant('otepcController', 'data_controller', 'OTEPC');
    await grant('schoolDirector', 'school_director', 'SCH-40-001');
    await grant('districtDirector', 'district_director', 'SPP-KK1');
    await grant('provincialOfficer', 'provincial_officer', 'PEO-KK');
    await grant('agencyHead', 'agency_head', 'OBEC');
    await grant('officeController', 'data_controller', 'SPP-KK1');
    await grant('otherOfficer', 'records_officer', 'SPM-KK', [
      ...bySchool.get('SCH-40-101')!,
      personIds.otherOwner!,
    ]);

    // Staff must sign in with a second factor (ADR 0113): every demo staff account but one shares
    // the documented demo authenticator; DEMO_UNENROLLED enrols on its first sign-in.
    const confirmedAt = new Date().toISOString();
    for (const key of new Set(granted))
      if (key !== DEMO_UNENROLLED)
        await tx
          .insert(schema.userTotp)
          .values({ userId: userIds[key]!, secret: DEMO_TOTP_SECRET, confirmedAt });

    await tx.insert(schema.appMeta).values({ key: 'demo_loaded', value: new Date().toISOString() });
    await appendAudit(tx, { userId: null, name: 'seed', roles: [] }, SEED_META, [
      {
        eventType: 'demo.loaded',
        entityType: 'system',
        entityId: null,
        data: { offices: DEMO_OFFICES.length, perSchool },
      },
    ]);
  });
  return { loaded: true };
}

/** Seeds the public-holiday table from the dated reference CSV (an admin edits it afterwards). */
export async function seedHolidays(h: DbHandle, csv: string): Promise<number> {
  const [any] = await h.db.select().from(schema.holidays).limit(1);
  if (any) return 0;
  const records = Papa.parse<{ date: string; name_th: string; kind: string; confidence: string }>(csv, {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim(),
    transform: (v) => v.trim(),
  }).data;
  const rows = records.map((x) => ({
    date: x.date,
    nameTh: x.name_th,
    kind: x.kind,
    confidence: x.confidence || null,
    source: 'data/reference/holidays/thai-public-holidays-2568-2570.csv',
  }));
  await h.db.transaction(async (tx) => {
    await tx.insert(schema.holidays).values(rows);
    await appendAudit(tx, { userId: null, name: 'seed', roles: [] }, SEED_META, [
      { eventType: 'holiday.seeded', entityType: 'holiday', entityId: null, data: { count: rows.length } },
    ]);
  });
  return rows.length;
}

export { nationalIdFrom };
