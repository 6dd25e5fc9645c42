import type { ColumnsType } from 'antd/es/table';
import { LEAVE_TYPE_LABELS, LEAVE_TYPES } from '../../../domain/record/enums.ts';
import { useLang } from '../../i18n/lang.tsx';
import type { AnyEntry } from '../editing.tsx';
import { ItemSection } from './ItemSection.tsx';

type Cell = { times: number; days: number };

/** Headings as printed on item 25 (the study leave column is split into ในประเทศ / ต่างประเทศ). */
const HEAD_TH: Record<(typeof LEAVE_TYPES)[number], string> = {
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

/** Item 25: per fiscal year, ครั้ง/วัน for every leave column of the form. */
export function LeaveSection({ entries }: { entries: AnyEntry[] }) {
  const { t, lang } = useLang();
  const pair = (k: (typeof LEAVE_TYPES)[number]): ColumnsType<AnyEntry>[number] => ({
    key: k,
    title: lang === 'th' ? HEAD_TH[k] : LEAVE_TYPE_LABELS[k].en,
    children: (['times', 'days'] as const).map((c) => ({
      key: `${k}.${c}`,
      title: t(c),
      align: 'center' as const,
      width: 34,
      render: (_v: unknown, r: AnyEntry) => {
        const n = (r[k] as Cell | undefined)?.[c];
        return n ? n : '-';
      },
    })),
  });
  const columns: ColumnsType<AnyEntry> = [
    {
      key: 'fiscalYear',
      title: lang === 'th' ? 'ปีงบประมาณ' : 'Fiscal year',
      dataIndex: 'fiscalYear',
      width: 80,
      fixed: 'left',
    },
    ...LEAVE_TYPES.slice(0, 7).map(pair),
    {
      key: 'study',
      title:
        lang === 'th' ? 'ลาไปศึกษา ฝึกอบรม ปฏิบัติการวิจัย หรือดูงาน' : 'Study, training, research or study visit',
      children: [pair('study_domestic'), pair('study_abroad')],
    },
    ...LEAVE_TYPES.slice(9).map(pair),
  ];
  return (
    <ItemSection
      no={25}
      item="leave"
      title={
        lang === 'th'
          ? 'จำนวนวันลาหยุดราชการ ขาดราชการ มาสาย (ครั้ง/วัน)'
          : 'Leave, absence and lateness (times/days)'
      }
      columns={columns}
      entries={entries}
      scrollX={1100}
      className="ks16-leave"
    />
  );
}
