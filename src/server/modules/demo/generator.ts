/**
 * Deterministic generator of realistic synthetic personnel (Thai names, valid national IDs, real
 * address codes, histories consistent with the salary table in data/reference/salary). One set
 * of factories for the demo data, the tests and the national-scale benchmark dataset.
 */

import salaryTable from '../../../../data/reference/salary/teacher-salary-ranks-2558.json' with {
  type: 'json',
};
import addressData from '../../../../data/reference/thai-addresses.json' with { type: 'json' };
import { createAddressBook } from '../../../domain/address.ts';
import { nationalIdCheckDigit } from '../../../domain/national-id.ts';
import { LEAVE_TYPES } from '../../../domain/record/enums.ts';
import type { EntryInput, ListItemKey } from '../../../domain/record/items.ts';
import {
  FEMALE_FIRST,
  LAST_NAMES,
  MALE_FIRST,
  SUBJECT_GROUPS,
  TRAINING_COURSES,
  UNIVERSITIES,
} from './names.ts';

const book = createAddressBook(addressData as never);

/** mulberry32: small, fast, seedable PRNG. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
  };
}
export type Rng = ReturnType<typeof rng>;

/** A valid 13-digit national ID from a 12-digit body. */
export function nationalIdFrom(body12: string): string {
  return body12 + nationalIdCheckDigit(body12);
}

const iso = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const ceil10 = (n: number) => Math.ceil(n / 10) * 10;
/** The earlier of two ISO dates. */
const earlier = (a: string, b: string) => (a < b ? a : b);
const RANKS = salaryTable.ranks;
const rankRow = (r: string) => RANKS.find((x) => x.rank === r)!;

export type GenItems = { [K in ListItemKey]?: EntryInput<K>[] };
export type GenPerson = {
  nationalId: string;
  sex: 'm' | 'f';
  personal: {
    birthDate: string;
    bloodGroup: 'A' | 'B' | 'AB' | 'O';
    appointmentDate: string;
    subjectGroup: string;
  };
  positionTitle: string;
  items: GenItems;
};

export type PersonContext = {
  /** Office printed in item 15 (e.g. "โรงเรียนบ้านหนองบัว สพป.ขอนแก่น เขต 1"). */
  agency: string;
  provinceCode: string;
  positionNumber: string;
  /** Evaluation date: histories stop here. */
  today: string;
  /** Force a role-appropriate career (director, officer) or leave undefined for a teacher. */
  career?: 'teacher' | 'director' | 'officer';
};

function pickTambon(r: Rng, provinceCode: string) {
  const amphoes = book.amphoesOf(provinceCode);
  const a = r.pick(amphoes);
  const t = r.pick(book.tambonsOf(a.code));
  return { tambonCode: t.code, postcode: t.postcodes[0]! };
}

/** Generates one person's full record. `idBody` must be 12 digits and unique. */
export function generatePerson(r: Rng, idBody: string, c: PersonContext): GenPerson {
  const sex: 'm' | 'f' = r.chance(0.62) ? 'f' : 'm';
  const [ty] = c.today.split('-').map(Number) as [number];
  // Ages 23–59 with a realistic bulge of teachers near retirement.
  // Directors have served long enough to have become directors (≥ 10 years in the history below).
  const age = c.career === 'director' ? r.int(45, 58) : r.chance(0.3) ? r.int(50, 59) : r.int(23, 49);
  const birthYear = ty - age;
  const birthDate = iso(birthYear, r.int(1, 12), r.int(1, 28));
  const apptYear = Math.min(ty, birthYear + (c.career === 'director' ? r.int(23, 26) : r.int(23, 30)));
  const appointmentDate = iso(apptYear, r.pick([5, 5, 6, 10, 11]), 1);
  const first = sex === 'f' ? r.pick(FEMALE_FIRST) : r.pick(MALE_FIRST);
  const last = r.pick(LAST_NAMES);
  const prefix = sex === 'm' ? ('นาย' as const) : r.chance(0.6) ? ('นาง' as const) : ('นางสาว' as const);
  const items: GenItems = {};
  const names: EntryInput<'names'>[] = [];
  if (prefix === 'นาง') {
    // Married after appointment: the maiden name is kept in the history (item 1, ข้อ 3.2.2).
    const maiden = r.pick(LAST_NAMES);
    names.push({
      prefix: 'นางสาว',
      firstName: first,
      lastName: maiden,
      effectiveDate: birthDate,
      reference: null,
    });
    const wed = Math.min(ty, apptYear + r.int(1, 6));
    const wedding = iso(wed, r.int(1, 12), r.int(1, 28));
    names.push({
      prefix: 'นาง',
      firstName: first,
      lastName: last,
      effectiveDate: earlier(wedding, c.today),
      reference: 'ทะเบียนสมรส',
    });
  } else names.push({ prefix, firstName: first, lastName: last, effectiveDate: birthDate, reference: null });
  items.names = names;

  items.family = [
    { relation: 'father', prefix: 'นาย', firstName: r.pick(MALE_FIRST), lastName: names[0]!.lastName },
    { relation: 'mother', prefix: 'นาง', firstName: r.pick(FEMALE_FIRST), lastName: names[0]!.lastName },
  ];
  if (prefix !== 'นางสาว' && r.chance(0.7))
    items.family.push({
      relation: 'spouse',
      prefix: sex === 'f' ? 'นาย' : 'นาง',
      firstName: sex === 'f' ? r.pick(MALE_FIRST) : r.pick(FEMALE_FIRST),
      lastName: last,
    });

  const home = pickTambon(r, c.provinceCode);
  items.addresses = [
    {
      kind: 'registered',
      houseNo: `${r.int(1, 299)}`,
      moo: `${r.int(1, 15)}`,
      soi: null,
      road: null,
      ...home,
    },
    r.chance(0.6)
      ? {
          kind: 'contact',
          houseNo: `${r.int(1, 299)}`,
          moo: `${r.int(1, 15)}`,
          soi: null,
          road: null,
          ...home,
        }
      : {
          kind: 'contact',
          houseNo: `${r.int(1, 99)}/${r.int(1, 9)}`,
          moo: null,
          soi: `${r.int(1, 20)}`,
          road: 'มิตรภาพ',
          ...pickTambon(r, c.provinceCode),
        },
  ];

  items.licences = [
    {
      type: 'teacher',
      number: `${String(birthYear % 100).padStart(2, '0')}${r.int(100000000, 999999999)}`,
      issueDate: iso(apptYear - 1, r.int(1, 12), r.int(1, 28)),
      expiryDate: iso(ty + r.int(-1, 4), r.int(1, 12), r.int(1, 28)),
    },
  ];

  const major = r.pick(SUBJECT_GROUPS);
  const gradYear = apptYear - r.int(0, 1);
  items.education = [
    {
      level: 'upper_secondary',
      institution: 'โรงเรียนขอนแก่นวิทยายน',
      from: `${gradYear - 7}-05`,
      to: `${gradYear - 4}-03`,
      degree: 'มัธยมศึกษาปีที่ 6',
      major: null,
      minor: null,
      usedForAppointment: false,
    },
    {
      level: 'bachelor',
      institution: r.pick(UNIVERSITIES),
      from: `${gradYear - 4}-06`,
      to: `${gradYear}-03`,
      degree: 'ครุศาสตรบัณฑิต',
      major,
      minor: null,
      usedForAppointment: true,
    },
  ];
  if (r.chance(0.35) && apptYear + 4 <= ty)
    items.education.push({
      level: 'master',
      institution: r.pick(UNIVERSITIES),
      from: `${apptYear + 2}-06`,
      to: `${apptYear + 4}-03`,
      degree: 'ศึกษาศาสตรมหาบัณฑิต',
      major: 'การบริหารการศึกษา',
      minor: null,
      usedForAppointment: false,
    });

  items.service = serviceHistory(r, c, appointmentDate, c.career ?? 'teacher');
  const lastService = items.service[items.service.length - 1]!;

  items.training = Array.from({ length: r.int(1, 4) }, () => {
    const y = r.int(apptYear, ty);
    const m = r.int(1, 12);
    return {
      from: `${y}-${String(m).padStart(2, '0')}`,
      to: `${y}-${String(m).padStart(2, '0')}`,
      course: r.pick(TRAINING_COURSES),
      place: 'สำนักงานเขตพื้นที่การศึกษา',
      organiser: 'สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน',
    };
  }).sort((a, b) => a.from.localeCompare(b.from));
  if (r.chance(0.2))
    items.research = [
      {
        from: `${ty - 2}-06`,
        to: `${ty - 1}-03`,
        title: `การพัฒนาทักษะการอ่านของนักเรียนด้วยกิจกรรม${major}`,
        organiser: 'โรงเรียน',
      },
    ];
  if (r.chance(0.15))
    items.studyVisits = [
      { from: `${ty - 3}-08`, to: `${ty - 3}-08`, place: 'สาธารณรัฐสิงคโปร์', abroad: true, note: null },
    ];
  if (r.chance(0.4))
    items.abilities = [
      {
        field: r.pick(['sports', 'dance_music', 'language', 'activities', 'art_craft'] as const),
        detail: 'ผู้ฝึกสอนระดับจังหวัด',
        note: null,
      },
    ];
  if (r.chance(0.1))
    items.specialDuties = [
      {
        from: iso(ty - 1, 3, 1),
        to: iso(ty - 1, 3, 31),
        detail: 'กรรมการคุมสอบ O-NET',
        reference: 'คำสั่งโรงเรียน',
      },
    ];
  if (r.chance(0.03))
    items.discipline = [
      {
        yearBE: ty + 543 - r.int(1, 5),
        penalty: 'probation',
        offence: 'ขาดราชการโดยไม่มีเหตุผลอันสมควร',
        reference: 'คำสั่งโรงเรียน',
        note: null,
        amendsId: null,
        changeKind: null,
      },
    ];
  if (r.chance(0.02))
    items.martialLaw = [
      {
        from: iso(apptYear, 6, 1),
        to: iso(apptYear + 2, 5, 31),
        detail: 'ปฏิบัติหน้าที่ในพื้นที่จังหวัดชายแดนภาคใต้',
        reference: 'ประกาศกฎอัยการศึก',
      },
    ];
  items.decorations = decorations(r, apptYear, ty);
  items.leave = leaveHistory(r, appointmentDate, c.today);
  items.others = [
    {
      category: 'beneficiary',
      text: `ผู้รับบำเหน็จตกทอด: ${items.family[1]!.firstName} ${items.family[1]!.lastName} (มารดา)`,
    },
  ];

  return {
    nationalId: nationalIdFrom(idBody),
    sex,
    personal: {
      birthDate,
      bloodGroup: r.pick(['A', 'B', 'AB', 'O'] as const),
      appointmentDate,
      subjectGroup: major,
    },
    positionTitle: lastService.positionTitle,
    items,
  };
}

function serviceHistory(
  r: Rng,
  c: PersonContext,
  appointmentDate: string,
  career: 'teacher' | 'director' | 'officer',
) {
  const out: EntryInput<'service'>[] = [];
  const [ay, am] = appointmentDate.split('-').map(Number) as [number, number];
  let rank = 'ครูผู้ช่วย';
  let title = 'ครูผู้ช่วย';
  let standing: EntryInput<'service'>['standing'] = 'none';
  let salary = rankRow(rank).min;
  const push = (date: string, ref: string) => {
    const row = rankRow(rank);
    out.push({
      effectiveDate: date,
      positionTitle: title,
      agency: c.agency,
      standing,
      positionNumber: c.positionNumber,
      positionType: career === 'director' && title.startsWith('ผู้อำนวยการ') ? 'school_admin' : 'teaching',
      rankLevel: rank,
      salary: salary.toFixed(2),
      positionAllowance: row.standingAllowance ? row.standingAllowance.toFixed(2) : null,
      compensation: row.compensation ? row.compensation.toFixed(2) : null,
      otherSpecialPay: null,
      referenceDocument: ref,
      // ข้อ 5.1: movements before 1 เม.ย. 2565 of people already serving are in reference mode.
      mode: date < '2022-04-01' ? 'reference' : 'current',
      note: null,
    });
  };
  push(appointmentDate, `คำสั่งบรรจุและแต่งตั้ง ที่ ${r.int(1, 400)}/${ay + 543}`);
  let yearsAsKs1 = 0;
  for (let y = ay + (am >= 10 ? 1 : 0); ; y++) {
    const d = iso(y, 10, 1);
    if (d > c.today) break;
    // ครูผู้ช่วย becomes ครู คศ.1 after two years of intensive development (ก.ค.ศ. ว 19/2561).
    if (rank === 'ครูผู้ช่วย' && y - ay >= 2) {
      rank = 'คศ.1';
      title = 'ครู';
      salary = Math.max(salary, rankRow(rank).min);
      push(earlier(iso(y, am, 1), c.today), 'คำสั่งแต่งตั้งให้ดำรงตำแหน่งครู');
    }
    if (rank === 'คศ.1') yearsAsKs1++;
    if (rank === 'คศ.1' && yearsAsKs1 >= 6 && r.chance(0.55)) {
      rank = 'คศ.2';
      standing = 'professional';
      salary = Math.max(salary, rankRow(rank).min);
      push(iso(y, 3, 1), 'คำสั่งให้มีวิทยฐานะ ชำนาญการ');
    } else if (rank === 'คศ.2' && r.chance(0.12)) {
      rank = 'คศ.3';
      standing = 'senior_professional';
      salary = Math.max(salary, rankRow(rank).min);
      push(iso(y, 3, 1), 'คำสั่งให้เลื่อนวิทยฐานะ ชำนาญการพิเศษ');
    }
    if (career === 'director' && title !== 'ผู้อำนวยการสถานศึกษา' && y - ay >= 10) {
      title = 'ผู้อำนวยการสถานศึกษา';
      push(iso(y, 6, 1), 'คำสั่งแต่งตั้งผู้อำนวยการสถานศึกษา');
    }
    // Yearly salary promotion (two rounds): ฐานในการคำนวณ × ร้อยละ, rounded up to 10 baht, capped at max.
    const row = rankRow(rank);
    const base = salary <= row.split ? row.lowerBase : row.upperBase;
    const pct = (r.int(280, 340) / 10000) * 2;
    salary = Math.min(row.max, salary + ceil10(base * pct));
    push(d, `คำสั่งเลื่อนเงินเดือน ที่ ${r.int(1, 900)}/${y + 543}`);
  }
  return out;
}

const DECO_PATH = ['bm', 'bc', 'jm', 'jc', 'tm', 'tc', 'thm', 'thc'] as const;
function decorations(r: Rng, apptYear: number, ty: number): EntryInput<'decorations'>[] {
  const out: EntryInput<'decorations'>[] = [];
  let y = apptYear + 5;
  for (const d of DECO_PATH) {
    if (y > ty - 1) break;
    const gy = y + 1;
    out.push({
      receivedDate: iso(y, 7, 28),
      decoration: d,
      otherName: null,
      // Royal Gazette volumes advance yearly (เล่ม 138 = พ.ศ. 2564).
      gazetteVolume: String(gy + 543 - 2426),
      gazetteSection: `${r.int(1, 30)} ข`,
      gazetteDate: iso(gy, r.int(1, 6), r.int(1, 28)),
      page: String(r.int(1, 400)),
      sequence: String(r.int(1, 5000)),
    });
    y += r.int(2, 4);
  }
  return out;
}

function leaveHistory(r: Rng, appointmentDate: string, today: string): EntryInput<'leave'>[] {
  const [ay, am] = appointmentDate.split('-').map(Number) as [number, number];
  const [ty, tm] = today.split('-').map(Number) as [number, number];
  const firstFy = ay + 543 + (am >= 10 ? 1 : 0);
  const lastFy = ty + 543 + (tm >= 10 ? 1 : 0) - 1;
  const out: EntryInput<'leave'>[] = [];
  for (let fy = Math.max(firstFy, lastFy - 19); fy <= lastFy; fy++) {
    const row = Object.fromEntries(LEAVE_TYPES.map((t) => [t, { times: 0, days: 0 }])) as Record<
      (typeof LEAVE_TYPES)[number],
      { times: number; days: number }
    >;
    const sickTimes = r.int(0, 6);
    row.sick = {
      times: sickTimes,
      days: sickTimes ? sickTimes + r.int(0, 4) + (r.chance(0.3) ? 0.5 : 0) : 0,
    };
    const pTimes = r.int(0, 3);
    row.personal = { times: pTimes, days: pTimes ? pTimes + r.int(0, 2) : 0 };
    const late = r.int(0, 5);
    row.late = { times: late, days: 0 };
    if (r.chance(0.03)) row.maternity = { times: 1, days: 90 };
    out.push({ fiscalYear: fy, ...row });
  }
  return out;
}
