import type { AddressData } from '../../domain/address.ts';
import type { HistoryRow, RecordView } from '../../domain/record/record-view.ts';

export type { HistoryRow, RecordView };

export type Assignment = { id: string; role: string; roleTh: string; officeId: string; items: string[] };

export type SessionUser = {
  id: string;
  displayName: string;
  personId: string | null;
  roles: string[];
  assignments: Assignment[];
  permissions: string[];
  /** What the API lets this user do, so the UI offers only that (ADR 0110). */
  allowed: { importPeople: boolean; exportItems: string[] };
};

export type SessionInfo = {
  user: SessionUser;
  csrfToken: string;
  authTime: string;
  /** What the session still owes before it may do anything else (ADR 0113). */
  secondFactor: 'totp' | 'enrol' | null;
  totpEnrolled: boolean;
};

export type PersonListItem = {
  id: string;
  nationalId: string;
  displayName: string;
  status: string;
  officeId: string | null;
  officeName: string | null;
  positionTitle: string | null;
  standing: string | null;
  appointmentDate: string | null;
};

export type SearchSort = 'name' | 'office' | 'appointmentDate';

export type SearchRequest = {
  q?: string;
  nationalId?: string;
  officeId?: string;
  positionTitle?: string;
  standing?: string;
  status?: 'active' | 'removed';
  page: number;
  pageSize: number;
  sort: SearchSort;
};

export type SearchResult = {
  total: number;
  /** More matches than counted (total is the cap): the officer should narrow the query. */
  totalCapped: boolean;
  page: number;
  pageSize: number;
  items: PersonListItem[];
};

export type Office = {
  id: string;
  code: string;
  nameTh: string;
  kind: string;
  parentId: string | null;
  provinceCode: string | null;
};

/** GET /api/v1/me/record adds item 27 to the view. */
export type OwnRecordView = RecordView & { history?: HistoryRow[] };

export type { AddressData };
