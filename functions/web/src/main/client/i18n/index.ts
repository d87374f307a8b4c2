import { de, type Strings } from './de';
import { en } from './en';

export type Language = 'de' | 'en';
const all: Record<Language, Strings> = { de, en };
const key = 'lagebild.language';

function initial(): Language {
  const saved = localStorage.getItem(key);
  return saved === 'en' || saved === 'de' ? saved : 'de';
}

let current: Language = initial();
document.documentElement.lang = current;

/** The strings of the chosen language (German unless the user switched). */
export function t(): Strings {
  return all[current];
}

export function language(): Language {
  return current;
}

export function setLanguage(language: Language): void {
  current = language;
  localStorage.setItem(key, language);
  document.documentElement.lang = language;
}
