/**
 * A realistic, fully populated RecordView for printout tests: every item has entries, names
 * carry Thai tone marks and hard clusters (น้ำ, ปู่, ญี่ปุ่น, ผู้ใหญ่, ก๋วยเตี๋ยว, ฬุ่), and the
 * service history (item 15) is long enough to continue across pages.
 */
import { LEAVE_TYPES, type RecordView } from '../../../../domain/record/index.ts';

let seq = 0;
const id = () => `00000000-0000-4000-8000-${String(++seq).padStart(12, '0')}`;
const entry = <T extends object>(data: T) => ({ ...data, id: id(), version: 1 });

/** Two salary steps a year (1 เม.ย. and 1 ต.ค.) from appointment in 2542 to 2569. */
function serviceHistory() {
  const rows: NonNullable<RecordView['items']['service']> = [];
  let salary = 6_360;
  const school = 'โรงเรียนบ้านน้ำใสผู้ใหญ่บ้านอุปถัมภ์ สำนักงานเขตพื้นที่การศึกษาประถมศึกษาเชียงใหม่ เขต ๑';
  for (let year = 1999; year <= 2026; year++) {
    for (const month of year === 1999 ? ['05'] : ['04', '10']) {
      const effectiveDate = `${year}-${month}-01`;
      const standing = year >= 2019 ? 'senior_professional' : year >= 2009 ? 'professional' : 'none';
      const title = year < 2001 ? 'ครูผู้ช่วย' : 'ครู';
      const rank = year < 2001 ? 'คศ.๑ (ครูผู้ช่วย)' : year >= 2019 ? 'คศ.๓' : year >= 2009 ? 'คศ.๒' : 'คศ.๑';
      const legacy = effectiveDate < '2022-04-01';
      rows.push(
        entry({
          effectiveDate,
          positionTitle: title,
          agency: school,
          officeId: null,
          standing,
          positionNumber: '๑๒๓๔๕',
          positionType: 'teaching',
          rankLevel: rank,
          salary: `${salary}.00`,
          positionAllowance:
            standing === 'senior_professional' ? '5600.00' : standing === 'professional' ? '3500.00' : null,
          compensation: null,
          otherSpecialPay: year >= 2024 ? '1000.00' : null,
          referenceDocument:
            year === 1999
              ? 'คำสั่ง สปจ.เชียงใหม่ ที่ ๑๒๓/๒๕๔๒ ลงวันที่ ๒๐ เม.ย. ๒๕๔๒ เรื่อง บรรจุและแต่งตั้ง'
              : `คำสั่ง สพป.เชียงใหม่ เขต ๑ ที่ ${(year % 100) * 10 + Number(month)}/${year + 543} เลื่อนเงินเดือน`,
          mode: legacy ? 'reference' : 'current',
          note: null,
        }),
      );
      salary = Math.round(salary * 1.03 + 170);
    }
  }
  rows[rows.length - 1]!.salary = '45890.50';
  return rows;
}

const leaveYear = (fiscalYear: number, sick: number, personal: number) => {
  const cells = Object.fromEntries(LEAVE_TYPES.map((t) => [t, { times: 0, days: 0 }])) as Record<
    (typeof LEAVE_TYPES)[number],
    { times: number; days: number }
  >;
  cells.sick = { times: sick, days: sick * 1.5 };
  cells.personal = { times: personal, days: personal };
  cells.vacation = { times: 1, days: 5 };
  cells.late = { times: fiscalYear % 3, days: 0 };
  if (fiscalYear === 2566) cells.study_domestic = { times: 1, days: 10 };
  if (fiscalYear === 2567) cells.study_abroad = { times: 1, days: 14 };
  return entry({ fiscalYear, ...cells });
};

export const OWNER_NAME = 'นางสาวน้ำฝน ปู่ญี่ปุ่นผู้ใหญ่';
export const NATIONAL_ID = '1101700203450';
export const AS_OF = new Date('2026-11-21T03:30:00Z');

export function fixtureRecordView(): RecordView {
  seq = 0;
  return {
    person: {
      id: id(),
      nationalId: NATIONAL_ID,
      status: 'active',
      recordVersion: 57,
      version: 3,
      birthDate: '1975-05-15',
      bloodGroup: 'AB',
      appointmentDate: '1999-05-01',
      retirementDate: '2035-09-30',
      sixtiethBirthday: '2035-05-15',
      subjectGroup: 'ภาษาไทย (วิชาเอกภาษาไทย วิชาโทภาษาญี่ปุ่น)',
      office: { id: id(), code: '1050010001', nameTh: 'โรงเรียนบ้านน้ำใสผู้ใหญ่บ้านอุปถัมภ์', kind: 'school' },
      position: { id: id(), positionNumber: '12345', title: 'ครู' },
      displayName: OWNER_NAME,
      updatedAt: '2026-11-20T09:15:00Z',
    },
    items: {
      names: [
        entry({
          prefix: 'นางสาว',
          rankTitle: null,
          firstName: 'น้ำฝน',
          middleName: null,
          lastName: 'ใจดี',
          effectiveDate: '1975-05-15',
          reference: null,
        }),
        entry({
          prefix: 'นางสาว',
          rankTitle: null,
          firstName: 'น้ำฝน',
          middleName: null,
          lastName: 'ปู่ญี่ปุ่นผู้ใหญ่',
          effectiveDate: '2012-03-01',
          reference: 'หนังสือสำคัญการเปลี่ยนชื่อสกุล ช.๓ เลขที่ ๑๒๓๔/๒๕๕๕',
        }),
      ],
      family: [
        entry({ relation: 'father', prefix: 'นาย', firstName: 'ก๋วยเตี๋ยว', middleName: null, lastName: 'ใจดี' }),
        entry({ relation: 'mother', prefix: 'นาง', firstName: 'ฬุ่ลดา', middleName: null, lastName: 'ใจดี' }),
        entry({ relation: 'spouse', prefix: 'นาย', firstName: 'สมศักดิ์', middleName: null, lastName: 'ฐานะดี' }),
      ],
      addresses: [
        entry({
          kind: 'registered',
          houseNo: '99/1',
          moo: '4',
          soi: 'พหลโยธิน ๒๔',
          road: 'พหลโยธิน',
          tambonCode: '103003',
          postcode: '10900',
        }),
        entry({
          kind: 'contact',
          houseNo: '15',
          moo: null,
          soi: 'ก๋วยเตี๋ยวเรือ',
          road: 'ห้วยแก้ว',
          tambonCode: '500108',
          postcode: '50200',
        }),
      ],
      licences: [
        entry({
          type: 'teacher',
          number: '62100000012345',
          issueDate: '2019-06-01',
          expiryDate: '2029-05-31',
        }),
        entry({
          type: 'school_admin',
          number: '65200000054321',
          issueDate: '2022-02-01',
          expiryDate: '2027-01-31',
        }),
      ],
      education: [
        entry({
          level: 'upper_secondary',
          institution: 'โรงเรียนยุพราชวิทยาลัย',
          from: '1990-05',
          to: '1993-03',
          degree: 'มัธยมศึกษาตอนปลาย',
          major: 'ศิลป์-ภาษาญี่ปุ่น',
          minor: null,
          usedForAppointment: false,
        }),
        entry({
          level: 'bachelor',
          institution: 'มหาวิทยาลัยเชียงใหม่',
          from: '1993-06',
          to: '1997-03',
          degree: 'ครุศาสตรบัณฑิต (ค.บ.)',
          major: 'ภาษาไทย',
          minor: 'ภาษาญี่ปุ่น',
          usedForAppointment: true,
        }),
        entry({
          level: 'master',
          institution: 'มหาวิทยาลัยราชภัฏเชียงใหม่',
          from: '2008-06',
          to: '2010-05',
          degree: 'ศึกษาศาสตรมหาบัณฑิต (ศษ.ม.)',
          major: 'การบริหารการศึกษา',
          minor: null,
          usedForAppointment: false,
        }),
      ],
      service: serviceHistory(),
      training: [
        entry({
          from: '2015-04',
          to: '2015-04',
          course: 'หลักสูตรการพัฒนาครูภาษาไทยเพื่อการอ่านออกเขียนได้',
          place: 'โรงแรมน้ำพิงค์ เชียงใหม่',
          organiser: 'สพฐ.',
        }),
        entry({
          from: '2023-10',
          to: '2024-01',
          course: 'ภาษาญี่ปุ่นสำหรับครูผู้สอน ระดับกลาง',
          place: 'มูลนิธิญี่ปุ่น กรุงเทพมหานคร',
          organiser: 'The Japan Foundation',
        }),
      ],
      research: [
        entry({
          from: '2018-06',
          to: '2019-03',
          title: 'การพัฒนาทักษะการอ่านคำที่มีวรรณยุกต์ของนักเรียนชั้นประถมศึกษาปีที่ ๒ ด้วยแบบฝึกน้ำใจ',
          organiser: 'สพป.เชียงใหม่ เขต ๑',
        }),
      ],
      studyVisits: [
        entry({
          from: '2017-08',
          to: '2017-08',
          place: 'โรงเรียนสาธิตในจังหวัดลำปาง',
          abroad: false,
          note: null,
        }),
        entry({
          from: '2024-02',
          to: '2024-02',
          place: 'เมืองโอซากา ประเทศญี่ปุ่น',
          abroad: true,
          note: 'ทุนส่วนตัว',
        }),
      ],
      abilities: [
        entry({ field: 'language', detail: 'ภาษาญี่ปุ่น (JLPT N3) และภาษาอังกฤษ', note: null }),
        entry({ field: 'dance_music', detail: 'ดนตรีไทย (ซออู้)', note: 'ผู้ใหญ่บ้านรับรอง' }),
        entry({ field: 'art_craft', detail: 'งานใบตองและการทำก๋วยเตี๋ยวเรือ', note: null }),
      ],
      specialDuties: [
        entry({
          from: '2023-05-14',
          to: '2023-05-14',
          detail: 'กรรมการประจำหน่วยเลือกตั้ง การเลือกตั้งสมาชิกสภาผู้แทนราษฎร',
          reference: 'คำสั่งอำเภอเมืองเชียงใหม่ ที่ ๔๕๖/๒๕๖๖',
        }),
      ],
      discipline: [
        entry({
          yearBE: 2553,
          penalty: 'probation',
          offence: 'ไม่ปฏิบัติตามระเบียบการลา',
          reference: 'คำสั่ง สพป.เชียงใหม่ เขต ๑ ที่ ๗๘/๒๕๕๓',
          note: null,
          amendsId: null,
          changeKind: null,
        }),
        entry({
          yearBE: 2560,
          penalty: 'cleared',
          offence: 'ไม่ปฏิบัติตามระเบียบการลา',
          reference: 'พ.ร.บ.ล้างมลทิน ในวโรกาสเฉลิมพระชนมพรรษา พ.ศ. ๒๕๖๐',
          note: 'ล้างมลทินโทษภาคทัณฑ์ พ.ศ. ๒๕๕๓',
          amendsId: '00000000-0000-4000-8000-000000000999',
          changeKind: 'clearance',
        }),
      ],
      ethics: [
        entry({
          yearBE: 2558,
          behaviour: 'ไม่ส่งงานตามกำหนดซ้ำหลายครั้ง',
          law: 'ข้อบังคับคุรุสภาว่าด้วยจรรยาบรรณของวิชาชีพ พ.ศ. ๒๕๕๖',
          result: 'ยกข้อกล่าวหา',
          reference: 'หนังสือคุรุสภา ที่ ศธ ๑๒๑๐/๒๓๔',
        }),
      ],
      martialLaw: [
        entry({
          from: '2004-06-01',
          to: '2005-05-31',
          detail: 'ช่วยราชการโรงเรียนบ้านบาโงยซิแน จังหวัดยะลา',
          reference: 'คำสั่ง สพท.ยะลา ที่ ๑๑/๒๕๔๗',
        }),
      ],
      decorations: [
        entry({
          receivedDate: '2010-07-28',
          decoration: 'bm',
          otherName: null,
          gazetteVolume: '๑๒๗',
          gazetteSection: '๑๐ ข',
          gazetteDate: '2010-08-12',
          page: '๑',
          sequence: '๑๒๓๔',
        }),
        entry({
          receivedDate: '2015-07-28',
          decoration: 'jm',
          otherName: null,
          gazetteVolume: '๑๓๒',
          gazetteSection: '๑๒ ข',
          gazetteDate: '2015-09-03',
          page: '๔๕',
          sequence: '๕๖๗',
        }),
        entry({
          receivedDate: '2020-07-28',
          decoration: 'tm',
          otherName: null,
          gazetteVolume: '๑๓๗',
          gazetteSection: '๑๘ ข',
          gazetteDate: '2020-09-15',
          page: '๒๓',
          sequence: '๘๙',
        }),
      ],
      leave: [leaveYear(2565, 3, 2), leaveYear(2566, 1, 1), leaveYear(2567, 4, 0), leaveYear(2568, 2, 3)],
      others: [
        entry({ category: 'beneficiary', text: 'นายสมศักดิ์ ฐานะดี (คู่สมรส) ผู้รับบำเหน็จตกทอด ร้อยละ ๑๐๐' }),
        entry({ category: 'other', text: 'ได้รับรางวัลครูดีในดวงใจ ปี ๒๕๖๕' }),
      ],
      photos: [
        entry({ slot: 1, yearBE: 2542, documentId: '00000000-0000-4000-8000-0000000000a1' }),
        entry({ slot: 2, yearBE: 2552, documentId: '00000000-0000-4000-8000-0000000000a2' }),
        entry({ slot: 3, yearBE: 2562, documentId: '00000000-0000-4000-8000-0000000000a3' }),
      ],
    },
    history: [
      {
        at: '2026-04-02T02:00:00Z',
        item: 'service',
        field: 'salary',
        from: '44,120.00',
        to: '45,890.50',
        actorName: 'นางสาวก๋วยเตี๋ยว ผู้ใหญ่ดี',
        eventSeq: 102,
      },
      {
        at: '2012-03-05T03:00:00Z',
        item: 'names',
        field: 'lastName',
        from: 'ใจดี',
        to: 'ปู่ญี่ปุ่นผู้ใหญ่',
        actorName: 'นายทะเบียน ฬุ่เฬอ',
        eventSeq: 55,
      },
    ],
    allowed: { read: [], edit: [], correctionOnly: [] },
    asOf: AS_OF.toISOString(),
  };
}
