import { locales, type Locale } from '$lib/paraglide/runtime';
import type { LanguageOption } from '$lib/ui/LanguageSwitcher.svelte';
import { switchPathLocale } from '$lib/utils/locale-path';

/** Each language named in itself, so a reader finds theirs whatever the page's language is. */
export const languageNames: Record<Locale, string> = {
	ky: 'Кыргызча',
	ru: 'Русский',
	en: 'English'
};

const shortNames: Record<Locale, string> = { ky: 'Кыр', ru: 'Рус', en: 'Eng' };

/** The current page in every language. */
export function languageOptions(pathname: string, current: Locale): LanguageOption[] {
	return locales.map((locale) => ({
		locale,
		name: languageNames[locale],
		short: shortNames[locale],
		href: switchPathLocale(pathname, locale, locales),
		current: locale === current
	}));
}
