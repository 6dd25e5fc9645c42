import { LogoutOutlined, TranslationOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Space, Tag, Typography } from 'antd';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useLang } from '../i18n/lang.tsx';
import { canSearch, useAuth, useUser } from './auth.tsx';
import { roleLabels } from './roles.ts';

/** Header with the user's name and roles, the language toggle and sign-out; pages below. */
export function AppLayout() {
  const user = useUser();
  const { logout } = useAuth();
  const { t, lang, setLang } = useLang();
  const navigate = useNavigate();
  const location = useLocation();
  const items = [
    ...(canSearch(user) ? [{ key: '/people', label: <Link to="/people">{t('search')}</Link> }] : []),
    ...(user.personId ? [{ key: '/me', label: <Link to="/me">{t('myRecord')}</Link> }] : []),
    ...(canSearch(user)
      ? [{ key: '/exchange', label: <Link to="/exchange">{t('menuExchange')}</Link> }]
      : []),
    // Officers reach onboarding and moves from the work page, so the header stays on one line.
    { key: '/work', label: <Link to="/work">{t('menuWork')}</Link> },
    ...(user.permissions.includes('audit.read')
      ? [{ key: '/audit', label: <Link to="/audit">{t('menuAudit')}</Link> }]
      : []),
    ...(user.permissions.includes('reference.manage')
      ? [{ key: '/holidays', label: <Link to="/holidays">{t('menuHolidays')}</Link> }]
      : []),
    ...(user.personId && !canSearch(user)
      ? [{ key: '/requests/new', label: <Link to="/requests/new">{t('menuRequest')}</Link> }]
      : []),
  ];
  const selected = location.pathname.startsWith('/people') ? '/people' : location.pathname;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <Layout.Header className="app-header" role="banner">
        {/* Shrinkable: when the menu does not fit, antd folds the last items into "…". */}
        <div className="app-header-nav">
          <Link to="/" style={{ fontWeight: 700, fontSize: 17, whiteSpace: 'nowrap' }}>
            {t('appShort')}
          </Link>
          <Menu
            theme="dark"
            mode="horizontal"
            selectedKeys={[selected]}
            items={items}
            style={{ background: 'transparent', flex: '1 1 auto', minWidth: 0, borderBottom: 0 }}
            aria-label={t('home')}
          />
        </div>
        <Space size="middle" align="center" className="app-header-tools">
          <span data-testid="user-name" style={{ whiteSpace: 'nowrap' }}>
            <UserOutlined aria-hidden /> {user.displayName}
          </span>
          <span data-testid="user-roles" style={{ whiteSpace: 'nowrap' }}>
            {roleLabels(user, lang).map((r) => (
              <Tag key={r} color="blue" style={{ marginInlineEnd: 4 }}>
                {r}
              </Tag>
            ))}
          </span>
          <Button
            size="small"
            icon={<TranslationOutlined aria-hidden />}
            onClick={() => setLang(lang === 'th' ? 'en' : 'th')}
            aria-label={t('switchLangLabel')}
          >
            {t('switchLang')}
          </Button>
          <Button
            size="small"
            icon={<LogoutOutlined aria-hidden />}
            onClick={async () => {
              await logout();
              navigate('/', { replace: true });
            }}
          >
            {t('logout')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content id="main" role="main" style={{ padding: '20px 24px 48px' }}>
        <Outlet />
      </Layout.Content>
      <Typography.Text
        type="secondary"
        style={{ textAlign: 'center', paddingBottom: 16 }}
        className="no-print"
      >
        {t('appName')}
      </Typography.Text>
    </Layout>
  );
}
