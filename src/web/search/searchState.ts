import type { SearchSort } from '../api/types.ts';

/**
 * The search form's state, kept in memory (not in the URL or browser storage, because it may hold
 * a name or a national ID) so that coming back from a record shows the same results.
 */
export type SearchState = {
  text: string;
  officeId?: string;
  officeLabel?: string;
  positionTitle: string;
  standing?: string;
  page: number;
  pageSize: number;
  sort: SearchSort;
};

let current: SearchState = { text: '', positionTitle: '', page: 1, pageSize: 20, sort: 'name' };

export function loadSearchState(): SearchState {
  return current;
}

export function saveSearchState(s: SearchState): void {
  current = s;
}
