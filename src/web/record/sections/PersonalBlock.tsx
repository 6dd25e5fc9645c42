import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Descriptions, type DescriptionsProps } from 'antd';
import type { ReactNode } from 'react';
import { formatNationalId } from '../../../domain/national-id.ts';
import { ADDRESS_KINDS, FAMILY_RELATIONS, LICENCE_TYPES } from '../../../domain/record/enums.ts';
import type { ListItemKey, RecordItemKey } from '../../../domain/record/items.ts';
import { useAddressBook } from '../../api/queries.ts';
import type { RecordView } from '../../api/types.ts';
import { fmtDate } from '../../i18n/format.ts';
import { itemNo, useLang } from '../../i18n/lang.tsx';
import { type AnyEntry, useEditing } from '../editing.tsx';
import { EntryActions } from './ItemSection.tsx';
import { LicenceLine } from './LicenceLine.tsx';
import { fullName, NameLines } from './names.tsx';

/** Items 1–13 of the form as a two-column block, in the form's order, each shown only if readable. */
export function PersonalBlock({ view }: { view: RecordView }) {
  const { t, lang } = useLang();
  const { canEdit, editPersonal } = useEditing();
  const read = new Set<RecordItemKey>(view.allowed.read);
  const p = view.person;
  const items = view.items as Partial<Record<ListItemKey, AnyEntry[]>>;
  const book = useAddressBook(read.has('addresses') && (items.addresses?.length ?? 0) > 0);
  const th = (thText: string, en: string) => (lang === 'th' ? thText : en);
  const rows: NonNullable<DescriptionsProps['items']> = [];
  const push = (no: number, label: string, children: ReactNode, span: 1 | 2 = 1) =>
    rows.push({ key: String(no), label: `${itemNo(no, lang)} ${label}`, children, span });

  if (read.has('names')) push(1, th('ชื่อ-นามสกุล', 'Name'), <NameLines entries={items.names ?? []} />, 2);
  if (read.has('personal')) {
    push(
      2,
      th('เลขประจำตัวประชาชน', 'National ID'),
      <span data-testid="national-id" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {formatNationalId(p.nationalId)}
      </span>,
    );
    push(3, th('วัน เดือน ปี เกิด', 'Date of birth'), fmtDate(p.birthDate, lang, 'long'));
    push(4, th('หมู่โลหิต', 'Blood group'), p.bloodGroup ?? '-');
  }
  if (read.has('family')) {
    const labels = {
      father: th('บิดา', 'father'),
      mother: th('มารดา', 'mother'),
      spouse: th('คู่สมรส', 'spouse'),
    };
    FAMILY_RELATIONS.forEach((rel, i) => {
      const e = (items.family ?? []).find((f) => f.relation === rel);
      push(
        5 + i,
        `${th('ชื่อ-นามสกุล', 'Name of')} ${labels[rel]}`,
        <Line item="family" entry={e} addDefaults={{ relation: rel }}>
          {e ? fullName(e) : '-'}
        </Line>,
      );
    });
  }
  if (read.has('personal')) {
    push(8, th('วันบรรจุ', 'Appointment date'), fmtDate(p.appointmentDate, lang, 'long'));
    push(
      9,
      th('วันครบเกษียณอายุ', 'Retirement date'),
      p.retirementDate ? (
        <span>
          {fmtDate(p.retirementDate, lang, 'long')}{' '}
          <span className="ks16-subline">
            ({t('sixtieth')} {fmtDate(p.sixtiethBirthday, lang, 'long')})
          </span>
        </span>
      ) : (
        '-'
      ),
    );
    push(
      10,
      th('กลุ่มวิชา หรือทาง หรือสาขาวิชาเอก ที่ได้รับการบรรจุและแต่งตั้ง', 'Subject group on appointment'),
      p.subjectGroup ?? '-',
      2,
    );
  }
  if (read.has('addresses')) {
    ADDRESS_KINDS.forEach((kind, i) => {
      const e = (items.addresses ?? []).find((a) => a.kind === kind);
      let text = '-';
      if (e && book) {
        try {
          text = book.formatAddress(e as unknown as Parameters<typeof book.formatAddress>[0]);
        } catch {
          text = String(e.houseNo ?? '');
        }
      } else if (e) text = '…';
      push(
        11 + i,
        kind === 'registered'
          ? th('ที่อยู่ตามทะเบียนบ้าน', 'Registered address')
          : th('ที่อยู่ที่สามารถติดต่อได้', 'Contact address'),
        <Line item="addresses" entry={e} addDefaults={{ kind }}>
          {text}
        </Line>,
        2,
      );
    });
  }
  if (read.has('licences'))
    push(
      13,
      th('ใบอนุญาตประกอบวิชาชีพ', 'Professional licences'),
      <div style={{ display: 'grid', gap: 2, width: '100%' }}>
        {LICENCE_TYPES.map((type) => {
          const e = (items.licences ?? []).find((l) => l.type === type);
          return (
            <Line key={type} item="licences" entry={e} addDefaults={{ type }}>
              <LicenceLine type={type} entry={e} />
            </Line>
          );
        })}
      </div>,
      2,
    );

  if (rows.length === 0) return null;
  return (
    <section aria-label={th('ข้อมูลส่วนตัว รายการที่ ๑–๑๓', 'Items 1–13')} data-testid="personal-block">
      {canEdit('personal') && (
        <div style={{ textAlign: 'right', marginBottom: 6 }} className="no-print">
          <Button
            size="small"
            icon={<EditOutlined aria-hidden />}
            onClick={editPersonal}
            data-testid="edit-personal"
          >
            {t('editPersonal')}
          </Button>
        </div>
      )}
      <Descriptions className="ks16-desc" bordered size="small" column={2} items={rows} />
    </section>
  );
}

/** A value with its edit/delete buttons, or an Add button when the entry is missing. */
function Line({
  item,
  entry,
  addDefaults,
  children,
}: {
  item: ListItemKey;
  entry: AnyEntry | undefined;
  addDefaults: Record<string, unknown>;
  children: ReactNode;
}) {
  const { canEdit, add } = useEditing();
  const { t } = useLang();
  return (
    <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 8 }}>
      <div style={{ flex: 1, minWidth: 0 }}>{children}</div>
      {canEdit(item) && (
        <div style={{ minWidth: 76, textAlign: 'right' }}>
          {entry ? (
            <EntryActions item={item} entry={entry} />
          ) : (
            <Button
              size="small"
              type="link"
              className="no-print"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => add(item, addDefaults)}
            >
              {t('add')}
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
