import { SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Result, Select, Table, type TableProps, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { fieldMessage } from '../../domain/i18n/fields.ts';
import { classifySearchEntry } from '../../domain/name-search.ts';
import { formatNationalId } from '../../domain/national-id.ts';
import { STANDING_LABELS, STANDINGS } from '../../domain/record/enums.ts';
import { nationalId as nationalIdSchema } from '../../domain/record/primitives.ts';
import { ApiError } from '../api/client.ts';
import { useSearch } from '../api/queries.ts';
import type { PersonListItem, SearchRequest, SearchSort } from '../api/types.ts';
import { canSearch, useUser } from '../app/auth.tsx';
import { rememberOpened } from '../app/recent.ts';
import { fmtDate } from '../i18n/format.ts';
import { useLang } from '../i18n/lang.tsx';
import { OfficeSelect } from '../search/OfficeSelect.tsx';
import { loadSearchState, type SearchState, saveSearchState } from '../search/searchState.ts';

/** Search people in the user's scope: name or 13-digit ID, filters, server paging and Thai sorting. */
export function SearchPage() {
  const user = useUser();
  const { t, lang } = useLang();
  const navigate = useNavigate();
  const [state, setStateRaw] = useState<SearchState>(loadSearchState);
  const [typed, setTyped] = useState(state.text);
  const setState = (s: SearchState) => {
    saveSearchState(s);
    setStateRaw(s);
  };

  const { request, idError } = useMemo(() => buildRequest(state, lang, t), [state, lang, t]);
  const allowed = canSearch(user);
  const q = useSearch(request, allowed && !idError);

  if (!allowed) return <Result status="403" title={t('noSearchAccess')} />;

  const columns: TableProps<PersonListItem>['columns'] = [
    {
      key: 'name',
      dataIndex: 'displayName',
      title: t('colName'),
      sorter: true,
      sortDirections: ['ascend'],
      sortOrder: state.sort === 'name' ? 'ascend' : null,
      render: (v: string, r) => (
        <a
          href={`/people/${r.id}`}
          onClick={(e) => {
            e.preventDefault();
            open(r);
          }}
        >
          {v}
        </a>
      ),
    },
    {
      key: 'nationalId',
      dataIndex: 'nationalId',
      title: t('colNationalId'),
      width: 170,
      render: (v: string) => (
        <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatNationalId(v)}</span>
      ),
    },
    {
      key: 'office',
      dataIndex: 'officeName',
      title: t('colOffice'),
      sorter: true,
      sortDirections: ['ascend'],
      sortOrder: state.sort === 'office' ? 'ascend' : null,
    },
    { key: 'position', dataIndex: 'positionTitle', title: t('colPosition') },
    {
      key: 'standing',
      dataIndex: 'standing',
      title: t('colStanding'),
      render: (v: string | null) =>
        v ? (STANDING_LABELS[v as keyof typeof STANDING_LABELS]?.[lang] ?? v) : '-',
    },
    {
      key: 'appointmentDate',
      dataIndex: 'appointmentDate',
      title: t('colAppointment'),
      width: 130,
      sorter: true,
      sortDirections: ['ascend'],
      sortOrder: state.sort === 'appointmentDate' ? 'ascend' : null,
      render: (v: string | null) => fmtDate(v, lang),
    },
    {
      key: 'status',
      dataIndex: 'status',
      title: t('colStatus'),
      width: 110,
      render: (v: string) =>
        v === 'active' ? <Tag color="green">{t('statusActive')}</Tag> : <Tag>{t('statusRemoved')}</Tag>,
    },
  ];

  function open(r: PersonListItem) {
    rememberOpened(r.id, r.displayName);
    navigate(`/people/${r.id}`);
  }

  return (
    <Card title={t('search')} size="small">
      <Form layout="inline" style={{ rowGap: 8, marginBottom: 12 }} role="search" aria-label={t('search')}>
        <Form.Item validateStatus={idError ? 'error' : undefined} help={idError}>
          <Input.Search
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            onSearch={(v) => setState({ ...state, text: v.trim(), page: 1 })}
            placeholder={t('searchPlaceholder')}
            aria-label={t('searchPlaceholder')}
            allowClear
            style={{ width: 440 }}
            enterButton={
              <Button type="primary" icon={<SearchOutlined aria-hidden />}>
                {t('searchButton')}
              </Button>
            }
            data-testid="search-input"
          />
        </Form.Item>
        <Form.Item label={t('filterOffice')}>
          <OfficeSelect
            value={state.officeId ? { value: state.officeId, label: state.officeLabel ?? '' } : undefined}
            onChange={(o) => setState({ ...state, officeId: o?.value, officeLabel: o?.label, page: 1 })}
          />
        </Form.Item>
        <Form.Item label={t('filterPosition')}>
          <Input
            style={{ width: 160 }}
            defaultValue={state.positionTitle}
            aria-label={t('filterPosition')}
            onBlur={(e) => setState({ ...state, positionTitle: e.target.value.trim(), page: 1 })}
            onPressEnter={(e) => setState({ ...state, positionTitle: e.currentTarget.value.trim(), page: 1 })}
            allowClear
          />
        </Form.Item>
        <Form.Item label={t('filterStanding')}>
          <Select
            style={{ width: 160 }}
            allowClear
            aria-label={t('filterStanding')}
            value={state.standing}
            onChange={(v?: string) => setState({ ...state, standing: v, page: 1 })}
            options={STANDINGS.map((s) => ({ value: s, label: STANDING_LABELS[s][lang] }))}
          />
        </Form.Item>
        <Button
          onClick={() => {
            setTyped('');
            setState({ text: '', positionTitle: '', page: 1, pageSize: state.pageSize, sort: 'name' });
          }}
        >
          {t('clearFilters')}
        </Button>
      </Form>
      {q.isError && (
        <Alert
          type="error"
          showIcon
          title={q.error instanceof ApiError ? q.error.message : String(q.error)}
          style={{ marginBottom: 8 }}
        />
      )}
      <Table<PersonListItem>
        className="ks16-table"
        size="small"
        bordered
        rowKey="id"
        loading={q.isFetching}
        columns={columns}
        dataSource={idError ? [] : (q.data?.items ?? [])}
        onRow={(r) => ({ onClick: () => open(r), style: { cursor: 'pointer' } })}
        pagination={{
          current: state.page,
          pageSize: state.pageSize,
          total: q.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (n) =>
            t(q.data?.totalCapped ? 'totalItemsCapped' : 'totalItems', {
              n: n.toLocaleString(lang === 'th' ? 'th-TH' : 'en-GB'),
            }),
        }}
        onChange={(p, _f, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          const key = (s?.order ? s.columnKey : undefined) as SearchSort | undefined;
          setState({
            ...state,
            page: p.pageSize !== state.pageSize ? 1 : (p.current ?? 1),
            pageSize: p.pageSize ?? state.pageSize,
            sort: key ?? 'name',
          });
        }}
        data-testid="search-results"
      />
    </Card>
  );
}

/**
 * A 13-digit entry (dashes, spaces and Thai digits allowed) searches by ID; digits of another
 * count are a mistyped ID (say how many were typed); anything else is a name, its title dropped
 * by the server.
 */
function buildRequest(
  s: SearchState,
  lang: 'th' | 'en',
  t: ReturnType<typeof useLang>['t'],
): { request: SearchRequest; idError?: string } {
  const base: SearchRequest = { page: s.page, pageSize: s.pageSize, sort: s.sort };
  if (s.officeId) base.officeId = s.officeId;
  if (s.positionTitle) base.positionTitle = s.positionTitle;
  if (s.standing) base.standing = s.standing;
  const entry = classifySearchEntry(s.text);
  if (entry.kind === 'badIdLength')
    return { request: base, idError: t('searchIdLength', { n: entry.count }) };
  if (entry.kind === 'nationalId') {
    const r = nationalIdSchema.safeParse(entry.digits);
    if (!r.success)
      return {
        request: base,
        idError: fieldMessage('nationalId', r.error.issues[0]?.message ?? 'err.invalid', lang),
      };
    return { request: { ...base, nationalId: r.data } };
  }
  if (entry.kind === 'name') base.q = s.text;
  return { request: base };
}
