/**
 * Deadlines are calendar days in Kyrgyzstan (UTC+6, no daylight saving since 2005), whatever the server's or the
 * phone's time zone: "due on 30 November" means until the end of that day in Bishkek.
 */
const KYRGYZSTAN_OFFSET_MS = 6 * 3_600_000;

export const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Today's date in Kyrgyzstan, as YYYY-MM-DD. */
export function kyrgyzstanDate(now: Date): string {
	return new Date(now.getTime() + KYRGYZSTAN_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whether a YYYY-MM-DD string names a real day (2026-02-30 does not). */
export function isCalendarDate(value: string): boolean {
	if (!CALENDAR_DATE.test(value)) return false;
	const parsed = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
