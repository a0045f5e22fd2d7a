// The language in use, Swedish unless the user switched (remembered in localStorage).
import { createContext, useContext, useState, type ReactNode } from 'react';
import { TEXTS, type Lang, type TextKey } from './texts';

/** The language the user chose last time, Swedish unless they switched. */
export const storedLang = (): Lang => (globalThis.localStorage?.getItem('lang') === 'en' ? 'en' : 'sv');

const LangContext = createContext<{ lang: Lang; setLang: (lang: Lang) => void }>({ lang: 'sv', setLang: () => {} });

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(storedLang);
  const setLang = (next: Lang) => {
    globalThis.localStorage?.setItem('lang', next);
    document.documentElement.lang = next;
    setLangState(next);
  };
  return <LangContext.Provider value={{ lang, setLang }}>{children}</LangContext.Provider>;
}

export function useLang() {
  const { lang, setLang } = useContext(LangContext);
  return { lang, setLang, t: (key: TextKey) => TEXTS[lang][key] };
}
