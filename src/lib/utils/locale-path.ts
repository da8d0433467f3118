/**
 * Locale-prefixed paths: every page lives under `/<locale>`, so a shared link always opens in the language it was sent in.
 * Pure string work, shared by pages, hooks and the service worker.
 */

/** The locale named by the first path segment, or undefined when there is none. */
export function localeFromPathname<L extends string>(pathname: string, locales: readonly L[]): L | undefined {
	const first = pathname.split('/')[1] ?? '';
	return (locales as readonly string[]).includes(first) ? (first as L) : undefined;
}

/** The same page in another locale: `/ru/settings` → `/en/settings`; a path without a locale gets one. */
export function switchPathLocale<L extends string>(pathname: string, locale: L, locales: readonly L[]): string {
	const current = localeFromPathname(pathname, locales);
	const rest = current ? pathname.slice(current.length + 1) : pathname;
	const tail = rest === '/' ? '' : rest;
	return `/${locale}${tail}`;
}

/**
 * The first supported locale in a browser's preference list (`navigator.languages` or Accept-Language order),
 * matching `ru-RU` to `ru`; the fallback when none is supported.
 */
export function pickPreferredLocale<L extends string>(
	preferences: readonly string[],
	locales: readonly L[],
	fallback: L
): L {
	for (const preference of preferences) {
		const language = preference.trim().toLowerCase().split(/[-_]/)[0] ?? '';
		const match = locales.find((locale) => locale === language);
		if (match) return match;
	}
	return fallback;
}

/** Drops a trailing slash so `/ru/` and `/ru` name the same page (the root stays `/`). */
export function withoutTrailingSlash(pathname: string): string {
	return pathname.length > 1 && pathname.endsWith('/') ? pathname.replace(/\/+$/, '') || '/' : pathname;
}
