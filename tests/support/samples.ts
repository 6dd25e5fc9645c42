import type { EntryInput, ListItemKey } from '../../src/domain/record/items.ts';
import { LEAVE_TYPES } from '../../src/domain/record/enums.ts';

const leave = Object.fromEntries(LEAVE_TYPES.map((t) => [t, { times: 0, days: 0 }]));

/** One valid entry per list item (photos need an uploaded document, so theirs is refused: 400). */
export const SAMPLES: { [K in ListItemKey]: EntryInput<K> } = {
  names: { prefix: 'นาง', firstName: 'ทดสอบ', lastName: 'ระบบดี', effectiveDate: '2026-01-15', reference: 'ทะเบียนสมรส' },
  family: { relation: 'spouse', prefix: 'นาย', firstName: 'สมหมาย', lastName: 'ระบบดี' },
  addresses: { kind: 'contact', houseNo: '99/1', moo: '3', soi: null, road: 'มิตรภาพ', tambonCode: '400101', postcode: '40000' },
  licences: { type: 'school_admin', number: '6512345678', issueDate: '2025-01-10', expiryDate: '2030-01-09' },
  education: { level: 'master', institution: 'มหาวิทยาลัยขอนแก่น', from: '2020-06', to: '2022-03', degree: 'ศึกษาศาสตรมหาบัณฑิต', major: 'การบริหารการศึกษา', minor: null, usedForAppointment: false },
  service: { effectiveDate: '2026-10-01', positionTitle: 'ครู', agency: 'โรงเรียนบ้านหนองบัว สพป.ขอนแก่น เขต 1', standing: 'professional', positionNumber: '1234', positionType: 'teaching', rankLevel: 'คศ.2', salary: '31080.50', positionAllowance: '3500', compensation: null, otherSpecialPay: null, referenceDocument: 'คำสั่ง สพป.ขอนแก่น เขต 1 ที่ 999/2569', mode: 'current', note: null },
  training: { from: '2026-08', to: '2026-08', course: 'การจัดการเรียนรู้เชิงรุก', place: 'ขอนแก่น', organiser: 'สพฐ.' },
  research: { from: '2025-06', to: '2026-03', title: 'การพัฒนาการอ่านภาษาไทย', organiser: 'โรงเรียน' },
  studyVisits: { from: '2026-02', to: '2026-02', place: 'ญี่ปุ่น', abroad: true, note: null },
  abilities: { field: 'language', detail: 'ภาษาญี่ปุ่น', note: null },
  specialDuties: { from: '2026-03-01', to: '2026-03-31', detail: 'กรรมการคุมสอบ', reference: 'คำสั่งโรงเรียน' },
  discipline: { yearBE: 2568, penalty: 'probation', offence: 'มาสายเป็นประจำ', reference: 'คำสั่งที่ 1/2568', note: null, amendsId: null, changeKind: null },
  ethics: { yearBE: 2568, behaviour: 'ไม่เหมาะสม', law: 'ข้อบังคับคุรุสภา', result: 'ตักเตือน', reference: null },
  martialLaw: { from: '2010-06-01', to: '2012-05-31', detail: 'ปฏิบัติหน้าที่ในพื้นที่', reference: 'ประกาศ' },
  decorations: { receivedDate: '2025-07-28', decoration: 'tc', otherName: null, gazetteVolume: '142', gazetteSection: '3 ข', gazetteDate: '2026-02-14', page: '154', sequence: '1207' },
  leave: { fiscalYear: 2500, ...leave } as EntryInput<'leave'>,
  others: { category: 'other', text: 'ข้อมูลเพิ่มเติม' },
  photos: { slot: 7, yearBE: 2569, documentId: '00000000-0000-4000-8000-000000000000' },
};
