import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useLang } from '../i18n/lang.tsx';

/** "ไม่พบข้อมูล": an unknown page, or a record the user may not see (the API answers 404 for both). */
export function NotFoundPage({ message }: { message?: string }) {
  const { t } = useLang();
  return (
    <Result
      status="404"
      title={<span data-testid="not-found">{message ?? t('notFound')}</span>}
      subTitle={t('notFoundHint')}
      extra={
        <Link to="/">
          <Button type="primary">{t('backHome')}</Button>
        </Link>
      }
    />
  );
}
