/**
 * Looks up interface texts: one table per language keyed by message id, values filled into
 * {name} placeholders. Vietnamese is the default; English when Office's language is not Vietnamese.
 * A word that follows a count is written {name:one|other} ("{count} {count:error|errors}"): the
 * form is the language's plural category of that value (Intl.PluralRules). Vietnamese has no
 * plural and does not use it.
 */
import { en } from "./en";
import { type MessageId, vi } from "./vi";

export type Lang = "vi" | "en";
export type { MessageId };

export type MessageValues = Record<string, string | number>;

export type Translate = (id: MessageId, values?: MessageValues) => string;

export type SetLang = (lang: Lang) => void;

const TABLES: Record<Lang, Record<MessageId, string>> = { vi, en };

/** The interface language for an Office display language: Vietnamese for "vi-*", else English. */
export function pickLanguage(displayLanguage: string | null | undefined): Lang {
  if (!displayLanguage) return "vi";
  return displayLanguage.toLowerCase().startsWith("vi") ? "vi" : "en";
}

/** A translate function for a language. */
export function makeTranslate(lang: Lang): Translate {
  const table = TABLES[lang];
  const plural = new Intl.PluralRules(lang);
  return (id, values) => fillPlaceholders(table[id] ?? id, values, plural);
}

/** True when the language's table has a text for this id (rule names may lag new issue codes). */
export function hasMessage(id: string): id is MessageId {
  return Object.prototype.hasOwnProperty.call(vi, id);
}

function fillPlaceholders(text: string, values: MessageValues | undefined, plural: Intl.PluralRules): string {
  if (!values) return text;
  return text.replace(/\{(\w+)(?::([^{}]*))?\}/g, (whole, key: string, forms: string | undefined) => {
    if (!(key in values)) return whole;
    if (forms === undefined) return String(values[key]);
    const [one, other = one] = forms.split("|");
    return plural.select(Number(values[key])) === "one" ? one : other;
  });
}
