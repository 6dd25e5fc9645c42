import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { type AddressBook, createAddressBook } from '../../domain/address.ts';
import { ApiError, api } from './client.ts';
import type {
  AddressData,
  HistoryRow,
  Office,
  OwnRecordView,
  RecordView,
  SearchRequest,
  SearchResult,
} from './types.ts';

export const keys = {
  session: ['session'] as const,
  record: (personId: string) => ['record', personId] as const,
  myRecord: ['record', 'me'] as const,
  history: (personId: string) => ['history', personId] as const,
  search: (req: SearchRequest) => ['search', req] as const,
  offices: (q: string) => ['offices', q] as const,
  addresses: ['addresses'] as const,
};

/** Never retry "not visible", "not allowed" or "not signed in": they will not change. */
const retry = (count: number, err: unknown) =>
  !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2;

export function useRecord(personId: string) {
  return useQuery({
    queryKey: keys.record(personId),
    queryFn: () => api<RecordView>('GET', `/api/v1/people/${encodeURIComponent(personId)}/record`),
    retry,
  });
}

export function useMyRecord() {
  return useQuery({
    queryKey: keys.myRecord,
    queryFn: () => api<OwnRecordView>('GET', '/api/v1/me/record'),
    retry,
  });
}

export function useHistory(personId: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.history(personId),
    queryFn: () =>
      api<{ items: HistoryRow[] }>('GET', `/api/v1/people/${encodeURIComponent(personId)}/history`).then(
        (r) => r.items,
      ),
    enabled,
    retry,
  });
}

export function useSearch(req: SearchRequest, enabled = true) {
  return useQuery({
    queryKey: keys.search(req),
    queryFn: () => api<SearchResult>('POST', '/api/v1/people/search', req),
    placeholderData: keepPreviousData,
    enabled,
    retry,
  });
}

export function useOffices(q: string) {
  return useQuery({
    queryKey: keys.offices(q),
    queryFn: () =>
      api<{ items: Office[] }>('GET', `/api/v1/offices?q=${encodeURIComponent(q)}`).then((r) => r.items),
    enabled: q.trim().length > 0,
    staleTime: 5 * 60_000,
    retry,
  });
}

/** The Thai address reference (≈430 kB), fetched once per session and only when a page needs it. */
export function useAddressBook(enabled = true): AddressBook | null {
  const q = useQuery({
    queryKey: keys.addresses,
    queryFn: () => api<AddressData>('GET', '/api/v1/reference/addresses'),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
    enabled,
    retry,
  });
  return useMemo(() => (q.data ? createAddressBook(q.data) : null), [q.data]);
}

/** Reloads a person's record and history after a change (or a 409 conflict). */
export function useRefreshRecord() {
  const qc = useQueryClient();
  return (personId: string) =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['record'] }),
      qc.invalidateQueries({ queryKey: keys.history(personId) }),
    ]);
}
