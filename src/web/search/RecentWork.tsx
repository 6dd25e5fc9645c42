import { HistoryOutlined } from '@ant-design/icons';
import { useQueries } from '@tanstack/react-query';
import { Card, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { api } from '../api/client.ts';
import { keys } from '../api/queries.ts';
import type { RecordView } from '../api/types.ts';
import { recentIds, recentName } from '../app/recent.ts';
import { useLang } from '../i18n/lang.tsx';

/**
 * People opened recently in this session. sessionStorage keeps their UUIDs only; a name not in
 * memory (after a page reload) is read again from the record, which the user may still see.
 */
export function RecentWork() {
  const { t } = useLang();
  const ids = recentIds();
  const missing = ids.filter((id) => !recentName(id));
  const lookups = useQueries({
    queries: missing.map((id) => ({
      queryKey: keys.record(id),
      queryFn: () => api<RecordView>('GET', `/api/v1/people/${id}/record`),
      retry: false,
      staleTime: 60_000,
    })),
  });
  const looked = new Map(missing.map((id, i) => [id, lookups[i]?.data?.person.displayName]));
  return (
    <Card
      size="small"
      title={
        <span>
          <HistoryOutlined aria-hidden /> {t('recentWork')}
        </span>
      }
      style={{ marginBottom: 16 }}
      data-testid="recent-work"
    >
      {ids.length === 0 ? (
        <Typography.Text type="secondary">{t('recentEmpty')}</Typography.Text>
      ) : (
        <Space wrap>
          {ids.map((id) => {
            const name = recentName(id) ?? looked.get(id);
            if (!name) return null;
            return (
              <Link key={id} to={`/people/${id}`}>
                <Tag color="geekblue" style={{ fontSize: 14, padding: '2px 8px' }}>
                  {name}
                </Tag>
              </Link>
            );
          })}
        </Space>
      )}
    </Card>
  );
}
