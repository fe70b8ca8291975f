import { type ReactNode, createContext, useContext, useMemo } from "react";
import { type Lang, type SetLang, type Translate, makeTranslate } from "./messages";

type I18n = { lang: Lang; t: Translate; setLang: SetLang };

const I18nContext = createContext<I18n | null>(null);

/** Provides the current language, its texts and the switch. */
export function I18nProvider(props: { lang: Lang; setLang: SetLang; children: ReactNode }) {
  const { lang, setLang } = props;
  const value = useMemo(() => ({ lang, setLang, t: makeTranslate(lang) }), [lang, setLang]);
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

/** The current language and its translate function. */
export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error("useI18n() called outside <I18nProvider>");
  return i18n;
}
