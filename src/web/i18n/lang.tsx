import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { Lang } from '../../domain/i18n/messages.ts';
import { toThaiDigits } from '../../domain/thai-digits.ts';
import { STRINGS, type StringKey } from './strings.ts';

const COOKIE = 'khru_lang';

/** The UI language: the khru_lang cookie (also read by the server for its messages), Thai by default. */
function initialLang(): Lang {
  const m = /(?:^|;\s*)khru_lang=(en|th)\b/.exec(document.cookie);
  return m?.[1] === 'en' ? 'en' : 'th';
}

function writeCookie(lang: Lang) {
  // biome-ignore lint/suspicious/noDocumentCookie: a non-sensitive preference the server also reads.
  document.cookie = `${COOKIE}=${lang}; Path=/; Max-Age=31536000; SameSite=Lax`;
}

export type Translate = (key: StringKey, vars?: Record<string, string | number>) => string;

type LangCtx = { lang: Lang; setLang: (l: Lang) => void; t: Translate };

const Ctx = createContext<LangCtx | null>(null);

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((l: Lang) => {
    writeCookie(l);
    setLangState(l);
  }, []);
  const t = useCallback<Translate>(
    (key, vars) => {
      let s: string = STRINGS[key][lang];
      if (vars) for (const [k, v] of Object.entries(vars)) s = s.replace(`{${k}}`, String(v));
      return s;
    },
    [lang],
  );
  const value = useMemo(() => ({ lang, setLang, t }), [lang, setLang, t]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useLang(): LangCtx {
  const v = useContext(Ctx);
  if (!v) throw new Error('useLang outside LangProvider');
  return v;
}

/** Item number as printed on the form: Thai digits in Thai ("๑๕."), ASCII in English ("15."). */
export function itemNo(n: number, lang: Lang): string {
  return lang === 'th' ? `${toThaiDigits(String(n))}.` : `${n}.`;
}

/** A page's own strings (each `{ th, en }`), read in the UI language: `const s = useStrings(S)`. */
export function useStrings<K extends string>(
  table: Record<K, { th: string; en: string }>,
): (key: K) => string {
  const { lang } = useLang();
  return useCallback((key: K) => table[key][lang], [table, lang]);
}
