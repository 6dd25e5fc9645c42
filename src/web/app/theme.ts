import type { ThemeConfig } from 'antd';
import enGB from 'antd/es/locale/en_GB';
import type { Locale } from 'antd/es/locale/index';
// The ES build: 'antd/locale/th_TH' is CJS and arrives as {default} under Vite 8 (spike notes §6).
import thTH from 'antd/es/locale/th_TH';
import dayjs from 'dayjs';
import buddhistEra from 'dayjs/plugin/buddhistEra';
import 'dayjs/locale/th';
import 'dayjs/locale/en-gb';
import type { Lang } from '../../domain/i18n/messages.ts';

dayjs.extend(buddhistEra);

/** Thai locale with Buddhist-era years in the date picker ("พ.ย. 2569"). */
const thBE: Locale = {
  ...thTH,
  DatePicker: thTH.DatePicker && {
    ...thTH.DatePicker,
    lang: {
      ...thTH.DatePicker.lang,
      yearFormat: 'BBBB',
      cellYearFormat: 'BBBB',
      fieldDateFormat: 'D MMMM BBBB',
      fieldMonthFormat: 'MMMM BBBB',
    },
  },
};

export function antdLocale(lang: Lang): Locale {
  dayjs.locale(lang === 'th' ? 'th' : 'en-gb');
  return lang === 'th' ? thBE : enGB;
}

export const SARABUN = "'Sarabun', 'Noto Sans Thai', Tahoma, sans-serif";

export const theme: ThemeConfig = {
  token: {
    fontFamily: SARABUN,
    fontSize: 15,
    colorPrimary: '#1f4e8c',
    borderRadius: 4,
  },
  components: {
    Table: { cellPaddingBlockSM: 4, cellPaddingInlineSM: 6, headerBg: '#f0f3f8' },
    Descriptions: { labelBg: '#f7f9fc' },
  },
};
