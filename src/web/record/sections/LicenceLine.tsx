import { Tag } from 'antd';
import { LICENCE_TYPE_LABELS, type LICENCE_TYPES } from '../../../domain/record/enums.ts';
import { daysUntil, fmtDate } from '../../i18n/format.ts';
import { useLang } from '../../i18n/lang.tsx';
import type { AnyEntry } from '../editing.tsx';

/** Warn when a licence has expired or expires within this many days. */
export const LICENCE_WARNING_DAYS = 180;

/** Item 13, one licence type: number and expiry date, with a warning tag when due. */
export function LicenceLine({ type, entry }: { type: (typeof LICENCE_TYPES)[number]; entry?: AnyEntry }) {
  const { t, lang } = useLang();
  const expiry = typeof entry?.expiryDate === 'string' ? entry.expiryDate : null;
  const left = expiry ? daysUntil(expiry) : null;
  return (
    <span className="ks16-licence" data-testid={`licence-${type}`}>
      <span>
        {t('licenceOf')} {LICENCE_TYPE_LABELS[type][lang]}
      </span>
      <span>
        {t('licenceNo')} {entry ? String(entry.number) : '-'}
      </span>
      <span>
        {t('licenceExpiry')} {expiry ? fmtDate(expiry, lang, 'long') : '-'}{' '}
        {left !== null && left < 0 && <Tag color="red">{t('expired')}</Tag>}
        {left !== null && left >= 0 && left <= LICENCE_WARNING_DAYS && (
          <Tag color="orange">{t('expiringSoon')}</Tag>
        )}
      </span>
    </span>
  );
}
