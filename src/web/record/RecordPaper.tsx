import { Divider, Typography } from 'antd';
import type { ListItemKey } from '../../domain/record/items.ts';
import type { HistoryRow, RecordView } from '../api/types.ts';
import { fmtDate } from '../i18n/format.ts';
import { useLang } from '../i18n/lang.tsx';
import type { AnyEntry } from './editing.tsx';
import { AbilitiesSection } from './sections/AbilitiesSection.tsx';
import { itemColumns, sortEntries } from './sections/columns.tsx';
import { HistorySection } from './sections/HistorySection.tsx';
import { ItemSection } from './sections/ItemSection.tsx';
import { LeaveSection } from './sections/LeaveSection.tsx';
import { PersonalBlock } from './sections/PersonalBlock.tsx';
import { PhotoStrip } from './sections/PhotoStrip.tsx';

/** Items 15–26 in form order (19 and 25 have their own layouts). */
const TABLE_ITEMS: [number, ListItemKey][] = [
  [15, 'service'],
  [16, 'training'],
  [17, 'research'],
  [18, 'studyVisits'],
  [19, 'abilities'],
  [20, 'specialDuties'],
  [21, 'discipline'],
  [22, 'ethics'],
  [23, 'martialLaw'],
  [24, 'decorations'],
  [25, 'leave'],
  [26, 'others'],
];

/** The record laid out like the paper form ก.ค.ศ.๑๖, showing only the items the user may read. */
export function RecordPaper({
  view,
  history,
  historyLoading,
  mine,
}: {
  view: RecordView;
  history?: HistoryRow[];
  historyLoading?: boolean;
  mine: boolean;
}) {
  const { t, lang } = useLang();
  const read = new Set(view.allowed.read);
  const items = view.items as Partial<Record<ListItemKey, AnyEntry[]>>;
  const entries = (k: ListItemKey) => sortEntries(k, items[k] ?? []);
  const p = view.person;
  return (
    <article className="ks16-paper" data-testid="record" aria-labelledby="record-title">
      <div className="ks16-code">{t('formCode')}</div>
      <Typography.Title level={3} id="record-title" style={{ marginTop: 0, marginBottom: 0 }}>
        {mine ? t('myRecord') : t('appName')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        <span data-testid="record-owner">{p.displayName}</span>
        {p.position && ` · ${p.position.title}`}
        {p.office && ` · ${p.office.nameTh}`} · {t('asOf')} {fmtDate(view.asOf.slice(0, 10), lang, 'long')}
      </Typography.Paragraph>

      {read.has('photos') && <PhotoStrip photos={items.photos ?? []} />}
      <PersonalBlock view={view} />
      {read.has('education') && (
        <ItemSection
          no={14}
          item="education"
          columns={itemColumns('education', lang)}
          entries={entries('education')}
        />
      )}

      <Divider plain style={{ marginTop: 28 }}>
        <span className="ks16-subline">
          {t('formOwner')} {p.displayName}
        </span>
      </Divider>

      {TABLE_ITEMS.filter(([, k]) => read.has(k)).map(([no, k]) => {
        if (k === 'abilities') return <AbilitiesSection key={k} entries={items.abilities ?? []} />;
        if (k === 'leave') return <LeaveSection key={k} entries={entries('leave')} />;
        return <ItemSection key={k} no={no} item={k} columns={itemColumns(k, lang)} entries={entries(k)} />;
      })}

      {(history || historyLoading) && <HistorySection rows={history ?? []} loading={historyLoading} />}
    </article>
  );
}
