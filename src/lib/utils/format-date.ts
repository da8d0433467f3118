/**
 * Dates as people in Kyrgyzstan read them, in Bishkek time. Chromium ships no Kyrgyz calendar data and would fall
 * back to English ("Nov 27, 2026"), so Kyrgyz is written here: "27-ноябрь 2026-ж.", with the month names in
 * everyday Kyrgyz use.
 */
const KYRGYZ_MONTHS = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];

export type DateStyle = 'date' | 'date-time';

export function formatDate(value: Date, locale: string, style: DateStyle = 'date', timeZone = 'Asia/Bishkek'): string {
	if (locale !== 'ky') {
		return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', ...(style === 'date-time' ? { timeStyle: 'short' } : {}), timeZone }).format(value);
	}
	const parts = Object.fromEntries(
		new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone })
			.formatToParts(value)
			.map((part) => [part.type, part.value])
	);
	const date = `${Number(parts.day)}-${KYRGYZ_MONTHS[Number(parts.month) - 1]} ${parts.year}-ж.`;
	return style === 'date-time' ? `${date}, ${parts.hour}:${parts.minute}` : date;
}

/** A calendar day (YYYY-MM-DD, a deadline) in the page's language; no time zone shifts it. */
export function formatCalendarDate(day: string, locale: string): string {
	return formatDate(new Date(`${day}T00:00:00Z`), locale, 'date', 'UTC');
}

/** A calendar month (YYYY-MM) as a chart or table names it: "2026-ж. март", "март 2026 г.", "Mar 2026". */
export function formatMonth(month: string, locale: string): string {
	const [year, number] = month.split('-').map(Number) as [number, number];
	if (locale === 'ky') return `${year}-ж. ${KYRGYZ_MONTHS[number - 1]}`;
	return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, number - 1, 1)));
}
