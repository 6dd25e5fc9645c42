import { UserOutlined } from '@ant-design/icons';
import { toThaiDigits } from '../../../domain/thai-digits.ts';
import { useLang } from '../../i18n/lang.tsx';
import type { AnyEntry } from '../editing.tsx';

/** The seven photo boxes at the top of the form ("รูปที่ ๑ พ.ศ. …"); placeholders when there is no photo. */
export function PhotoStrip({ photos }: { photos: AnyEntry[] }) {
  const { t, lang } = useLang();
  return (
    <div className="ks16-photos" data-testid="photos">
      {[1, 2, 3, 4, 5, 6, 7].map((slot) => {
        const p = photos.find((x) => x.slot === slot);
        const n = lang === 'th' ? toThaiDigits(String(slot)) : String(slot);
        const year = p ? String(p.yearBE) : '…………';
        return (
          <figure key={slot} style={{ margin: 0 }}>
            <div
              className="ks16-photo-box"
              role="img"
              aria-label={`${t('photo', { n })} ${p ? year : t('noPhoto')}`}
            >
              <UserOutlined style={{ fontSize: 40, color: '#c4cad2' }} aria-hidden />
            </div>
            <figcaption className="ks16-photo-caption">
              {t('photo', { n })} {year}
            </figcaption>
          </figure>
        );
      })}
    </div>
  );
}
