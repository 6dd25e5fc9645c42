import { canSearch, useUser } from '../app/auth.tsx';
import { RecentWork } from '../search/RecentWork.tsx';
import { MyRecordPage } from './MyRecordPage.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { SearchPage } from './SearchPage.tsx';

/** Home per role: an owner sees her record; anyone who works on others' records sees search and recent work. */
export function HomePage() {
  const user = useUser();
  if (canSearch(user))
    return (
      <>
        <RecentWork />
        <SearchPage />
      </>
    );
  if (user.personId) return <MyRecordPage />;
  return <NotFoundPage />;
}
