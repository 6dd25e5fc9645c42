/**
 * Items 15–27 of แบบ ก.ค.ศ.๑๖ as table specifications: the column headings are the form's own
 * (ระเบียบ ก.ค.ศ. ว่าด้วยการจัดทำทะเบียนประวัติ, แบบท้ายคู่มือ), rows come from the RecordView.
 */
import {
  ABILITY_FIELD_LABELS,
  ABILITY_FIELDS,
  DECORATION_LABELS,
  LEAVE_TYPES,
  OTHER_ITEM_LABELS,
  PENALTY_CHANGE_LABELS,
  PENALTY_LABELS,
  POSITION_TYPE_LABELS,
  RECORD_ITEM_LABELS,
  type RecordView,
  STANDING_LABELS,
} from '../../../domain/record/index.ts';
import { dateRange, formatCount, formatMoney, monthRange, thaiDateShort } from './format.ts';
import type { Cell, HeaderCell } from './sheet.ts';

export interface ItemTable {
  /** "๑๕." */
  number: string;
  title: string;
  columns: HeaderCell[];
  rows: Cell[][];
  fontSize?: number;
  headerFontSize?: number;
}

const RANGE_MONTHS = 'ตั้งแต่ - ถึง (เดือน ปี)';
const RANGE_DAYS = 'ตั้งแต่ - ถึง (วัน เดือน ปี)';
const lines = (...parts: (string | null | undefined)[]) => parts.filter((p) => p).join('\n');
const byKey =
  <T>(key: (t: T) => string | number) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/** The leave columns of item 25 with their form headings; the study columns share one heading. */
const LEAVE_HEADINGS: Record<(typeof LEAVE_TYPES)[number], string> = {
  sick: 'ลาป่วย',
  personal: 'ลากิจส่วนตัว',
  maternity: 'ลาคลอดบุตร',
  paternity: 'ลาไปช่วยเหลือภริยา ที่คลอดบุตร',
  vacation: 'ลาพักผ่อน',
  ordination: 'ลาอุปสมบทหรือ ลาไปประกอบพิธีฮัจญ์',
  military: 'ลาเข้ารับการตรวจเลือก หรือเข้ารับการเตรียมพล',
  study_domestic: 'ในประเทศ',
  study_abroad: 'ต่างประเทศ',
  international_org: 'ลาไปปฏิบัติงานใน องค์การระหว่างประเทศ',
  follow_spouse: 'ลาติดตามคู่สมรส',
  rehabilitation: 'ลาไปฟื้นฟูสมรรถภาพ ด้านอาชีพ',
  absent: 'ขาดราชการ',
  late: 'มาสาย',
};
const STUDY_HEADING = 'ลาไปศึกษา ฝึกอบรม ปฏิบัติการวิจัย หรือดูงาน';

function leaveColumns(): HeaderCell[] {
  const timesDays = (): HeaderCell[] => [
    { label: 'ครั้ง', align: 'center' },
    { label: 'วัน', align: 'center' },
  ];
  const cols: HeaderCell[] = [{ label: 'ปีงบประมาณ', width: 2.2, align: 'center' }];
  for (const t of LEAVE_TYPES) {
    if (t === 'study_abroad') continue;
    if (t === 'study_domestic') {
      cols.push({
        label: STUDY_HEADING,
        children: [
          { label: LEAVE_HEADINGS.study_domestic, children: timesDays() },
          { label: LEAVE_HEADINGS.study_abroad, children: timesDays() },
        ],
      });
    } else cols.push({ label: LEAVE_HEADINGS[t], children: timesDays() });
  }
  return cols;
}

/** Builds the tables of items 15–27 in form order. */
export function itemTables(view: RecordView): ItemTable[] {
  const it = view.items;
  const service = [...(it.service ?? [])].sort(byKey((e) => e.effectiveDate));
  const abilities = it.abilities ?? [];
  const discipline = [...(it.discipline ?? [])].sort(byKey((e) => e.yearBE));
  const leave = [...(it.leave ?? [])].sort(byKey((e) => e.fiscalYear));

  return [
    {
      number: '๑๕.',
      title: 'ตำแหน่ง วิทยฐานะ อันดับ/ระดับ และอัตราเงินเดือน',
      fontSize: 8.5,
      columns: [
        { label: 'วัน เดือน ปี', width: 1.05, align: 'center' },
        { label: 'ตำแหน่ง/ส่วนราชการ/หน่วยงานการศึกษา', width: 3.9 },
        { label: 'วิทยฐานะ', width: 1, align: 'center' },
        { label: 'เลขที่ตำแหน่ง', width: 0.7, align: 'center' },
        { label: 'ตำแหน่งประเภท', width: 1.05, align: 'center' },
        { label: 'อันดับ/ระดับ', width: 0.95, align: 'center' },
        { label: 'อัตราเงินเดือน', width: 0.9, align: 'right' },
        { label: 'เงินประจำตำแหน่ง/เงินวิทยฐานะ/ค่าตอบแทน', width: 1.2, align: 'right' },
        { label: 'เงินเพิ่มพิเศษอื่นๆ', width: 0.85, align: 'right' },
        { label: 'เอกสารอ้างอิง', width: 2.4 },
      ],
      rows: service.map((e) => [
        thaiDateShort(e.effectiveDate),
        lines(e.positionTitle, e.agency),
        e.standing === 'none' ? '-' : STANDING_LABELS[e.standing].th,
        e.positionNumber ?? '',
        e.positionType ? POSITION_TYPE_LABELS[e.positionType].th : '',
        e.rankLevel ?? '',
        formatMoney(e.salary),
        lines(
          formatMoney(e.positionAllowance),
          e.compensation ? `ค่าตอบแทน ${formatMoney(e.compensation)}` : null,
        ),
        formatMoney(e.otherSpecialPay),
        lines(e.referenceDocument, e.mode === 'reference' ? 'อ้างอิงทะเบียนประวัติเดิม' : null, e.note),
      ]),
    },
    {
      number: '๑๖.',
      title: 'ประวัติการฝึกอบรมและพัฒนาตนเอง',
      columns: [
        { label: RANGE_MONTHS, width: 1.4, align: 'center' },
        { label: 'ประกาศนียบัตร/หลักสูตร', width: 3 },
        { label: 'สถานที่', width: 2 },
        { label: 'หน่วยงานที่จัด', width: 2 },
      ],
      rows: [...(it.training ?? [])]
        .sort(byKey((e) => e.from))
        .map((e) => [monthRange(e.from, e.to), e.course, e.place ?? '', e.organiser ?? '']),
    },
    {
      number: '๑๗.',
      title: 'ประวัติการปฏิบัติงานวิจัย',
      columns: [
        { label: RANGE_MONTHS, width: 1.4, align: 'center' },
        { label: 'ชื่อเรื่องวิจัย', width: 4.5 },
        { label: 'หน่วยงานที่จัด', width: 2.5 },
      ],
      rows: [...(it.research ?? [])]
        .sort(byKey((e) => e.from))
        .map((e) => [monthRange(e.from, e.to), e.title, e.organiser ?? '']),
    },
    {
      number: '๑๘.',
      title: 'ประวัติการดูงาน',
      columns: [
        { label: RANGE_MONTHS, width: 1.4, align: 'center' },
        { label: 'สถานที่ (ในประเทศ / ต่างประเทศ)', width: 4 },
        { label: 'หมายเหตุ', width: 3 },
      ],
      rows: [...(it.studyVisits ?? [])]
        .sort(byKey((e) => e.from))
        .map((e) => [
          monthRange(e.from, e.to),
          `${e.place} (${e.abroad ? 'ต่างประเทศ' : 'ในประเทศ'})`,
          e.note ?? '',
        ]),
    },
    {
      number: '๑๙.',
      title: 'ความสามารถพิเศษ',
      columns: [
        { label: 'ด้าน', width: 2.2 },
        { label: 'รายละเอียด', width: 4.5 },
        { label: 'หมายเหตุ', width: 2.3 },
      ],
      // All ten fields are printed, ticked where the person has an entry (as on the paper form).
      rows: ABILITY_FIELDS.map((field) => {
        const es = abilities.filter((a) => a.field === field);
        return [
          { text: ABILITY_FIELD_LABELS[field].th, check: es.length > 0 },
          es.map((e) => e.detail).join('\n'),
          es
            .map((e) => e.note)
            .filter((n) => n)
            .join('\n'),
        ];
      }),
    },
    {
      number: '๒๐.',
      title: 'การปฏิบัติราชการพิเศษ',
      columns: [
        { label: RANGE_DAYS, width: 1.6, align: 'center' },
        { label: 'รายละเอียด', width: 4.5 },
        { label: 'เอกสารอ้างอิง', width: 2.4 },
      ],
      rows: [...(it.specialDuties ?? [])]
        .sort(byKey((e) => e.from))
        .map((e) => [dateRange(e.from, e.to), e.detail, e.reference ?? '']),
    },
    {
      number: '๒๑.',
      title: 'การได้รับโทษทางวินัย การล้างมลทิน และการนิรโทษกรรม',
      columns: [
        { label: 'พ.ศ.', width: 0.8, align: 'center' },
        { label: 'สถานโทษ', width: 1.6 },
        { label: 'ลักษณะความผิด', width: 3 },
        { label: 'เอกสารอ้างอิง', width: 2 },
        { label: 'หมายเหตุ', width: 2.4 },
      ],
      rows: discipline.map((e) => [
        String(e.yearBE),
        PENALTY_LABELS[e.penalty].th,
        e.offence,
        e.reference ?? '',
        lines(e.changeKind ? PENALTY_CHANGE_LABELS[e.changeKind].th : null, e.note),
      ]),
    },
    {
      number: '๒๒.',
      title: 'การฝ่าฝืนจรรยาบรรณ',
      columns: [
        { label: 'พ.ศ.', width: 0.8, align: 'center' },
        { label: 'พฤติกรรม', width: 3 },
        { label: 'กฎหมาย', width: 2 },
        { label: 'ผลการพิจารณา', width: 2 },
        { label: 'เอกสารอ้างอิง', width: 2 },
      ],
      rows: [...(it.ethics ?? [])]
        .sort(byKey((e) => e.yearBE))
        .map((e) => [String(e.yearBE), e.behaviour, e.law ?? '', e.result, e.reference ?? '']),
    },
    {
      number: '๒๓.',
      title: 'วันที่ได้ประจำปฏิบัติหน้าที่อยู่ในเขตที่ได้มีประกาศใช้กฎอัยการศึก',
      columns: [
        { label: RANGE_DAYS, width: 1.6, align: 'center' },
        { label: 'รายการ', width: 4.5 },
        { label: 'เอกสารอ้างอิง', width: 2.4 },
      ],
      rows: [...(it.martialLaw ?? [])]
        .sort(byKey((e) => e.from))
        .map((e) => [dateRange(e.from, e.to), e.detail, e.reference ?? '']),
    },
    {
      number: '๒๔.',
      title: 'เครื่องราชอิสริยาภรณ์/เหรียญตรา',
      columns: [
        { label: 'วันที่ได้รับ', width: 1.2, align: 'center' },
        { label: 'เครื่องราชอิสริยาภรณ์/เหรียญตรา', width: 3.2 },
        { label: 'เล่ม', width: 0.6, align: 'center' },
        { label: 'ตอนที่', width: 0.8, align: 'center' },
        { label: 'วันประกาศในราชกิจจานุเบกษา', width: 1.6, align: 'center' },
        { label: 'หน้า', width: 0.6, align: 'center' },
        { label: 'ลำดับที่', width: 0.7, align: 'center' },
      ],
      rows: [...(it.decorations ?? [])]
        .sort(byKey((e) => e.receivedDate))
        .map((e) => [
          thaiDateShort(e.receivedDate),
          e.decoration === 'other' ? (e.otherName ?? '') : DECORATION_LABELS[e.decoration].th,
          e.gazetteVolume ?? '',
          e.gazetteSection ?? '',
          thaiDateShort(e.gazetteDate),
          e.page ?? '',
          e.sequence ?? '',
        ]),
    },
    {
      number: '๒๕.',
      title: 'จำนวนวันลาหยุดราชการ ขาดราชการ มาสาย (ครั้ง/วัน)',
      fontSize: 7.5,
      headerFontSize: 6.8,
      columns: leaveColumns(),
      rows: leave.map((e) => [
        String(e.fiscalYear),
        ...LEAVE_TYPES.flatMap((t) => [formatCount(e[t].times), formatCount(e[t].days)]),
      ]),
    },
    {
      number: '๒๖.',
      title: 'รายการอื่นที่จำเป็น',
      columns: [
        { label: 'ลำดับที่', width: 0.6, align: 'center' },
        { label: 'รายการ', width: 8 },
      ],
      rows: (it.others ?? []).map((e, i) => [
        String(i + 1),
        `${OTHER_ITEM_LABELS[e.category].th}: ${e.text}`,
      ]),
    },
    {
      number: '๒๗.',
      title: 'ประวัติการเปลี่ยนแปลงแก้ไขข้อมูล',
      columns: [
        { label: 'วัน เดือน ปี', width: 1.2, align: 'center' },
        { label: 'รายการที่เปลี่ยนแปลงแก้ไข', width: 2.6 },
        { label: 'จากเดิม', width: 2.4 },
        { label: 'แก้ไขเป็น', width: 2.4 },
      ],
      // The view holds item 27 newest first; the form reads oldest first, like every other item.
      rows: [...(view.history ?? [])]
        .sort(byKey((h) => `${h.at}|${String(h.eventSeq).padStart(12, '0')}`))
        .map((h) => [
          thaiDateShort(h.at),
          lines(`${RECORD_ITEM_LABELS[h.item].th} (${h.field})`, `โดย ${h.actorName}`),
          h.from ?? '-',
          h.to ?? '-',
        ]),
    },
  ];
}
