import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, Button, Result, Skeleton } from 'antd';
import { ApiError } from '../api/client.ts';
import type { HistoryRow, RecordView } from '../api/types.ts';
import { useLang } from '../i18n/lang.tsx';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';
import { EditingProvider } from './editing.tsx';
import { RecordPaper } from './RecordPaper.tsx';

type Props = {
  query: UseQueryResult<RecordView, unknown>;
  history?: HistoryRow[];
  historyLoading?: boolean;
  /** The owner's own page is read-only whatever the API allows. */
  readOnly?: boolean;
  mine?: boolean;
};

/** Loading, "ไม่พบข้อมูล" (404: not visible), other errors, or the record itself. */
export function RecordScreen({ query, history, historyLoading, readOnly = false, mine = false }: Props) {
  const { t } = useLang();
  if (query.isPending)
    return (
      <div className="ks16-paper">
        <Skeleton active paragraph={{ rows: 12 }} />
      </div>
    );
  if (query.isError) {
    const e = query.error;
    if (e instanceof ApiError && (e.status === 404 || e.status === 403))
      return <NotFoundPage message={e.message} />;
    return (
      <Result
        status="error"
        title={e instanceof Error ? e.message : String(e)}
        extra={<Button onClick={() => query.refetch()}>{t('retry')}</Button>}
      />
    );
  }
  const view = query.data;
  return (
    <EditingProvider view={view} readOnly={readOnly}>
      {mine && (
        <Alert
          type="info"
          showIcon
          title={t('readOnlyNotice')}
          className="no-print"
          style={{ maxWidth: 1180, margin: '0 auto 12px' }}
        />
      )}
      <RecordPaper view={view} history={history} historyLoading={historyLoading} mine={mine} />
    </EditingProvider>
  );
}
