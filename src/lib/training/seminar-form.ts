/**
 * The seminar scheduling form's rules beside `seminar-schedule.ts`: the days sessions default to when the dates
 * change, where each of the server's problems is shown, and the trainer logins typed as free text. Pure.
 */
import { isCalendarDate } from '$lib/utils/calendar-date';
import type { SeminarDraft, SeminarProblem } from './seminar-schedule';

export type SeminarField = 'programme' | 'region' | 'centre' | 'venue' | 'dates' | 'capacity' | 'sessions' | 'trainers';

const FIELD_OF: Record<SeminarProblem, SeminarField> = {
	'programme-unknown': 'programme',
	'region-unknown': 'region',
	'centre-invalid': 'centre',
	'venue-invalid': 'venue',
	'dates-invalid': 'dates',
	'starts-in-past': 'dates',
	'too-long': 'dates',
	'capacity-invalid': 'capacity',
	'sessions-missing': 'sessions',
	'session-unknown': 'sessions',
	'session-repeated': 'sessions',
	'session-outside-dates': 'sessions'
};

/** The server's problems grouped by the field that shows them; a code this client does not know goes to `unknown`. */
export function problemsByField(problems: readonly string[]): { byField: Partial<Record<SeminarField, SeminarProblem[]>>; unknown: string[] } {
	const byField: Partial<Record<SeminarField, SeminarProblem[]>> = {};
	const unknown: string[] = [];
	for (const problem of problems) {
		const field = FIELD_OF[problem as SeminarProblem] as SeminarField | undefined;
		if (field) (byField[field] ??= []).push(problem as SeminarProblem);
		else unknown.push(problem);
	}
	return { byField, unknown };
}

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Every day from the first to the last (empty when the dates are not a valid range). */
export function seminarDays(startsOn: string, endsOn: string): string[] {
	if (!isCalendarDate(startsOn) || !isCalendarDate(endsOn) || startsOn > endsOn) return [];
	const days: string[] = [];
	for (let day = startsOn; day <= endsOn && days.length <= 366; day = addDays(day, 1)) days.push(day);
	return days;
}

/** Sessions spread evenly over the days, in order: six sessions over three days are two a day. */
export function spreadSessions(sessionIds: readonly string[], startsOn: string, endsOn: string): { sessionId: string; heldOn: string }[] {
	const days = seminarDays(startsOn, endsOn);
	return sessionIds.map((sessionId, index) => ({
		sessionId,
		heldOn: days.length === 0 ? '' : days[Math.floor((index * days.length) / sessionIds.length)]!
	}));
}

/** Trainer logins as typed: one per line or separated by commas, blanks and repeats dropped. */
export function parseTrainerLogins(text: string): string[] {
	return [...new Set(text.split(/[\n,;]+/).map((login) => login.trim()).filter((login) => login.length > 0))];
}

/** Which sessions sit outside the dates, so the form can point at those rows. */
export function sessionsOutsideDates(draft: Pick<SeminarDraft, 'startsOn' | 'endsOn' | 'sessions'>): string[] {
	const days = new Set(seminarDays(draft.startsOn, draft.endsOn));
	return draft.sessions.filter((session) => !days.has(session.heldOn)).map((session) => session.sessionId);
}
