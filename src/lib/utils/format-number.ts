/**
 * Formats a number for a page locale. Chromium ships no Kyrgyz number data and would print "1.5"; Kyrgyz writes
 * numbers as Russian does (decimal comma, space between thousands), so Kyrgyz borrows Russian's rules.
 */
export function formatNumber(value: number, locale: string, options?: Intl.NumberFormatOptions): string {
	const formattingLocale = locale === 'ky' ? 'ru' : locale;
	return new Intl.NumberFormat(formattingLocale, options).format(value);
}
