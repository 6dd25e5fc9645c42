/**
 * The text of each certificate (หนังสือรับรอง) from the record: employment and position, salary
 * (the amount also in Thai words, as official letters write money), and the period of service.
 */
import THBText from 'thai-baht-text';
import { STANDING_LABELS } from '../../../domain/record/enums.ts';
import type { RecordView } from '../../../domain/record/record-view.ts';
import { formatMoney, formatNationalId, fullName, thaiDateLong } from '../../platform/pdf/index.ts';
import type { LetterContent } from './letter.ts';

export type CertificateKind = 'cert_employment' | 'cert_salary' | 'cert_service';

const OPENING = 'หนังสือฉบับนี้ให้ไว้เพื่อรับรองว่า';

function currentName(view: RecordView): string {
  const names = [...(view.items.names ?? [])].sort((a, b) => (a.effectiveDate < b.effectiveDate ? 1 : -1));
  return names[0] ? fullName(names[0]) : view.person.displayName;
}

function latestService(view: RecordView) {
  return [...(view.items.service ?? [])].sort((a, b) => (a.effectiveDate < b.effectiveDate ? 1 : -1))[0];
}

/** Years, months and days from `from` to `to` (ISO dates), counted as calendar months. */
export function servicePeriod(from: string, to: string): { years: number; months: number; days: number } {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  let years = ty - fy;
  let months = tm - fm;
  let days = td - fd;
  if (days < 0) {
    months -= 1;
    days += new Date(Date.UTC(ty, tm - 1, 0)).getUTCDate(); // days in the month before `to`'s month
  }
  if (months < 0) {
    years -= 1;
    months += 12;
  }
  return { years, months, days };
}

/** The letter for `kind`, or an error key when the record lacks what the letter states. */
export function certificateContent(
  kind: CertificateKind,
  view: RecordView,
  issuedOn: string,
  signer: { name: string; position: string },
  purpose: string | null,
): LetterContent {
  const p = view.person;
  const name = currentName(view);
  const svc = latestService(view);
  const position = svc?.positionTitle ?? p.position?.title ?? '';
  const standing = svc && svc.standing !== 'none' ? ` วิทยฐานะ${STANDING_LABELS[svc.standing].th}` : '';
  const posNo = svc?.positionNumber ?? p.position?.positionNumber;
  const office = p.office?.nameTh ?? svc?.agency ?? '';
  const who = `${name} เลขประจำตัวประชาชน ${formatNationalId(p.nationalId)}`;
  const role = `เป็นข้าราชการครูและบุคลากรทางการศึกษา ตำแหน่ง${position}${standing}${posNo ? ` ตำแหน่งเลขที่ ${posNo}` : ''} สังกัด${office}`;
  const tail = purpose ? `ให้ไว้เพื่อใช้ประกอบ${purpose}` : '';
  const body: string[] = [];
  let subject: string;
  if (kind === 'cert_employment') {
    subject = 'รับรองการเป็นข้าราชการและตำแหน่ง';
    body.push(
      `${OPENING} ${who} ${role} เริ่มรับราชการเมื่อวันที่ ${thaiDateLong(p.appointmentDate)} และยังคงรับราชการอยู่จนถึงปัจจุบัน`,
    );
  } else if (kind === 'cert_salary') {
    subject = 'รับรองเงินเดือน';
    const salary = [...(view.items.service ?? [])]
      .filter((s) => s.salary)
      .sort((a, b) => (a.effectiveDate < b.effectiveDate ? 1 : -1))[0]?.salary;
    const amount = salary ? Number(salary) : 0;
    body.push(
      `${OPENING} ${who} ${role} ได้รับเงินเดือนเดือนละ ${formatMoney(salary ?? '0')} บาท (${THBText(amount)})`,
    );
  } else {
    subject = 'รับรองระยะเวลาการรับราชการ';
    const until = issuedOn;
    const sp = p.appointmentDate ? servicePeriod(p.appointmentDate, until) : { years: 0, months: 0, days: 0 };
    body.push(
      `${OPENING} ${who} ${role} เริ่มรับราชการเมื่อวันที่ ${thaiDateLong(p.appointmentDate)} จนถึงวันที่ ${thaiDateLong(until)} รวมระยะเวลารับราชการ ${sp.years} ปี ${sp.months} เดือน ${sp.days} วัน`,
    );
  }
  if (tail) body.push(tail);
  return {
    bookNo: `ศธ ${p.office?.code ?? ''}/`,
    officeName: p.office?.nameTh ?? office,
    officeAddress: 'กระทรวงศึกษาธิการ',
    subject,
    body,
    issuedOn,
    signer,
  };
}
