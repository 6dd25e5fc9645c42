import { useMyRecord } from '../api/queries.ts';
import { RecordScreen } from '../record/RecordScreen.tsx';

/** The owner's own record (GET /api/v1/me/record), read-only, with item 27 included in the view. */
export function MyRecordPage() {
  const q = useMyRecord();
  return <RecordScreen query={q} history={q.data?.history} readOnly mine />;
}
