/**
 * Table columns of items 14–18, 20–24 and 26 with the exact headings printed on ก.ค.ศ.๑๖
 * (English equivalents in English mode).
 */
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import type { Lang } from '../../../domain/i18n/messages.ts';
import {
  DECORATION_LABELS,
  EDUCATION_LEVEL_LABELS,
  PENALTY_CHANGE_LABELS,
  PENALTY_LABELS,
  POSITION_TYPE_LABELS,
  STANDING_LABELS,
} from '../../../domain/record/enums.ts';
import type { ListItemKey } from '../../../domain/record/items.ts';
import { fmtDate, fmtDateRange, fmtMoney, fmtMonthRange } from '../../i18n/format.ts';
import type { AnyEntry } from '../editing.tsx';

type Col = ColumnsType<AnyEntry>[number];
type Labels = Record<string, { th: string; en: string }>;

const s = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const label = (labels: Labels, v: unknown, lang: Lang) => (v ? (labels[String(v)]?.[lang] ?? String(v)) : '');

function col(
  key: string,
  th: string,
  en: string,
  lang: Lang,
  render?: (r: AnyEntry) => ReactNode,
  width?: number,
): Col {
  return {
    key,
    title: lang === 'th' ? th : en,
    width,
    render: (_v, r) => (render ? render(r) : s(r[key])),
  };
}

const money = (key: string) => (r: AnyEntry) => (
  <span style={{ whiteSpace: 'nowrap' }}>{fmtMoney(s(r[key]))}</span>
);
const monthRange = (lang: Lang) => (r: AnyEntry) => fmtMonthRange(s(r.from), s(r.to), lang);
const dateRange = (lang: Lang) => (r: AnyEntry) => fmtDateRange(s(r.from), s(r.to) || null, lang);
/** ตำแหน่งประเภท without the repeated "สายงาน" so that it fits the narrow column of the form. */
const positionType = (lang: Lang) => (r: AnyEntry) =>
  label(POSITION_TYPE_LABELS, r.positionType, lang).replace(/^สายงาน/, '');
const MONTH_RANGE = ['ตั้งแต่ - ถึง (เดือน ปี)', 'From - to (month, year)'] as const;
const DATE_RANGE = ['ตั้งแต่ - ถึง (วัน เดือน ปี)', 'From - to (date)'] as const;

export function itemColumns(item: ListItemKey, lang: Lang): ColumnsType<AnyEntry> {
  switch (item) {
    case 'education':
      return [
        col('level', 'ระดับการศึกษา', 'Level', lang, (r) => label(EDUCATION_LEVEL_LABELS, r.level, lang), 150),
        col('institution', 'สถานศึกษา', 'Institution', lang),
        col('from', ...MONTH_RANGE, lang, monthRange(lang), 170),
        {
          key: 'degreeGroup',
          title: lang === 'th' ? 'วุฒิที่ได้รับ' : 'Qualification',
          children: [
            col('degree', 'วุฒิ', 'Degree', lang),
            col('major', 'สาขาวิชาเอก', 'Major', lang),
            col('minor', 'สาขาวิชาโท', 'Minor', lang),
          ],
        },
      ];
    case 'service':
      return [
        col('effectiveDate', 'วัน เดือน ปี', 'Date', lang, (r) => fmtDate(s(r.effectiveDate), lang), 92),
        col(
          'positionTitle',
          'ตำแหน่ง/ส่วนราชการ / หน่วยงานการศึกษา',
          'Position / agency / unit',
          lang,
          (r) => (
            <>
              <div>{s(r.positionTitle)}</div>
              <div className="ks16-subline">{s(r.agency)}</div>
            </>
          ),
          210,
        ),
        col('standing', 'วิทยฐานะ', 'Standing', lang, (r) => label(STANDING_LABELS, r.standing, lang), 86),
        col('positionNumber', 'เลขที่ ตำแหน่ง', 'Position no.', lang, undefined, 64),
        col('positionType', 'ตำแหน่ง ประเภท', 'Position type', lang, positionType(lang), 96),
        col('rankLevel', 'อันดับ/ ระดับ', 'Rank/ level', lang, undefined, 66),
        col('salary', 'อัตรา เงินเดือน', 'Salary', lang, money('salary'), 82),
        col(
          'positionAllowance',
          'เงินประจำ ตำแหน่ง/ เงินวิทยฐานะ/ ค่าตอบแทน',
          'Position/standing allowance, compensation',
          lang,
          (r) => (
            <>
              {money('positionAllowance')(r)}
              {r.compensation ? money('compensation')(r) : null}
            </>
          ),
          100,
        ),
        col('otherSpecialPay', 'เงินเพิ่ม พิเศษอื่นๆ', 'Other special pay', lang, money('otherSpecialPay'), 76),
        col('referenceDocument', 'เอกสารอ้างอิง', 'Reference', lang, undefined, 150),
      ];
    case 'training':
      return [
        col('from', ...MONTH_RANGE, lang, monthRange(lang), 170),
        col('course', 'ประกาศนียบัตร/หลักสูตร', 'Certificate/course', lang),
        col('place', 'สถานที่', 'Place', lang),
        col('organiser', 'หน่วยงานที่จัด', 'Organiser', lang),
      ];
    case 'research':
      return [
        col('from', ...MONTH_RANGE, lang, monthRange(lang), 170),
        col('title', 'ชื่อเรื่องวิจัย', 'Research title', lang),
        col('organiser', 'หน่วยงานที่จัด', 'Organiser', lang),
      ];
    case 'studyVisits':
      return [
        col('from', ...MONTH_RANGE, lang, monthRange(lang), 170),
        col(
          'place',
          'สถานที่ (ในประเทศ / ต่างประเทศ)',
          'Place (domestic / abroad)',
          lang,
          (r) =>
            `${s(r.place)} (${r.abroad ? (lang === 'th' ? 'ต่างประเทศ' : 'abroad') : lang === 'th' ? 'ในประเทศ' : 'domestic'})`,
        ),
        col('note', 'หมายเหตุ', 'Note', lang),
      ];
    case 'specialDuties':
      return [
        col('from', ...DATE_RANGE, lang, dateRange(lang), 220),
        col('detail', 'รายละเอียด', 'Detail', lang),
        col('reference', 'เอกสารอ้างอิง', 'Reference', lang),
      ];
    case 'discipline':
      return [
        col('yearBE', 'พ.ศ.', 'Year (B.E.)', lang, undefined, 70),
        col('penalty', 'สถานโทษ', 'Penalty', lang, (r) => (
          <>
            <div>{label(PENALTY_LABELS, r.penalty, lang)}</div>
            {r.changeKind ? (
              <div className="ks16-subline">{label(PENALTY_CHANGE_LABELS, r.changeKind, lang)}</div>
            ) : null}
          </>
        )),
        col('offence', 'ลักษณะความผิด', 'Offence', lang),
        col('reference', 'เอกสารอ้างอิง', 'Reference', lang),
        col('note', 'หมายเหตุ', 'Note', lang),
      ];
    case 'ethics':
      return [
        col('yearBE', 'พ.ศ.', 'Year (B.E.)', lang, undefined, 70),
        col('behaviour', 'พฤติกรรม', 'Behaviour', lang),
        col('law', 'กฎหมาย', 'Law', lang),
        col('result', 'ผลการพิจารณา', 'Result', lang),
        col('reference', 'เอกสารอ้างอิง', 'Reference', lang),
      ];
    case 'martialLaw':
      return [
        col('from', ...DATE_RANGE, lang, dateRange(lang), 220),
        col('detail', 'รายการ', 'Item', lang),
        col('reference', 'เอกสารอ้างอิง', 'Reference', lang),
      ];
    case 'decorations':
      return [
        col('receivedDate', 'วันที่ได้รับ', 'Received', lang, (r) => fmtDate(s(r.receivedDate), lang), 110),
        col('decoration', 'เครื่องราชอิสริยาภรณ์/เหรียญตรา', 'Decoration/medal', lang, (r) =>
          r.decoration === 'other' ? s(r.otherName) : label(DECORATION_LABELS, r.decoration, lang),
        ),
        col('gazetteVolume', 'เล่ม', 'Volume', lang, undefined, 60),
        col('gazetteSection', 'ตอนที่', 'Section', lang, undefined, 70),
        col('gazetteDate', 'วันประกาศ ในราชกิจจานุเบกษา', 'Gazette date', lang, (r) =>
          r.gazetteDate ? fmtDate(s(r.gazetteDate), lang) : '',
        ),
        col('page', 'หน้า', 'Page', lang, undefined, 60),
        col('sequence', 'ลำดับที่', 'No.', lang, undefined, 70),
      ];
    case 'others':
      return [
        { key: 'seq', title: lang === 'th' ? 'ลำดับที่' : 'No.', width: 70, render: (_v, _r, i) => i + 1 },
        col('text', 'รายการ', 'Item', lang),
      ];
    default:
      return [];
  }
}

/** Chronological order, as on the paper form. */
export function sortEntries(item: ListItemKey, entries: AnyEntry[]): AnyEntry[] {
  const key: Partial<Record<ListItemKey, string>> = {
    education: 'from',
    service: 'effectiveDate',
    training: 'from',
    research: 'from',
    studyVisits: 'from',
    specialDuties: 'from',
    discipline: 'yearBE',
    ethics: 'yearBE',
    martialLaw: 'from',
    decorations: 'receivedDate',
    leave: 'fiscalYear',
  };
  const k = key[item];
  if (!k) return entries;
  return [...entries].sort((a, b) => {
    const x = a[k] as string | number;
    const y = b[k] as string | number;
    return x < y ? -1 : x > y ? 1 : 0;
  });
}
