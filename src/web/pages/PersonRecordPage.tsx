import { useEffect } from 'react';
import { useParams } from 'react-router';
import { useHistory, useRecord } from '../api/queries.ts';
import { rememberOpened } from '../app/recent.ts';
import { SignInPanel } from '../features/access/SignInPanel.tsx';
import { RecordScreen } from '../record/RecordScreen.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** /people/:personId — the URL carries the person's UUID only, never the national ID. */
export function PersonRecordPage() {
  const { personId = '' } = useParams();
  if (!UUID.test(personId)) return <NotFoundPage />;
  return <PersonRecord personId={personId} />;
}

function PersonRecord({ personId }: { personId: string }) {
  const q = useRecord(personId);
  const history = useHistory(personId, q.isSuccess);
  const name = q.data?.person.displayName;
  useEffect(() => {
    if (name) rememberOpened(personId, name);
  }, [personId, name]);
  return (
    <>
      <RecordScreen query={q} history={history.data} historyLoading={history.isLoading} />
      {q.isSuccess && <SignInPanel personId={personId} />}
    </>
  );
}
