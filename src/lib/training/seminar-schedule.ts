/**
 * What a seminar must be to be scheduled (issue #7): a region of Kyrgyzstan, a centre and venue, dates, a capacity,
 * and its sessions in order, each on a day of the seminar. Pure, so the form and the server agree on every rule.
 */
import { isCalendarDate } from '$lib/utils/calendar-date';

export const MAX_SEMINAR_CAPACITY = 500;
export const MAX_SEMINAR_DAYS = 31;

export interface SeminarDraft {
	programmeId: string;
	regionCode: string;
	centre: string;
	venue: string;
	startsOn: string;
	endsOn: string;
	capacity: number;
	sessions: { sessionId: string; heldOn: string }[];
}

export type SeminarProblem =
	| 'programme-unknown'
	| 'region-unknown'
	| 'centre-invalid'
	| 'venue-invalid'
	| 'dates-invalid'
	| 'starts-in-past'
	| 'too-long'
	| 'capacity-invalid'
	| 'sessions-missing'
	| 'session-unknown'
	| 'session-repeated'
	| 'session-outside-dates';

export interface ScheduleRules {
	regionCodes: readonly string[];
	/** Each training programme's sessions, in the module's order. */
	programmes: Record<string, readonly string[]>;
	/** Today in Kyrgyzstan (YYYY-MM-DD): a seminar is scheduled for today or later. */
	today: string;
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** Every problem of a draft, in the order of the form's fields; none means it can be scheduled. */
export function seminarProblems(draft: SeminarDraft, rules: ScheduleRules): SeminarProblem[] {
	const problems: SeminarProblem[] = [];
	const moduleSessions = rules.programmes[draft.programmeId];
	if (!moduleSessions) problems.push('programme-unknown');
	if (!rules.regionCodes.includes(draft.regionCode)) problems.push('region-unknown');
	const length = (text: string) => [...text.trim()].length;
	if (length(draft.centre) < 2 || length(draft.centre) > 80) problems.push('centre-invalid');
	if (length(draft.venue) < 2 || length(draft.venue) > 160) problems.push('venue-invalid');
	const datesValid = isCalendarDate(draft.startsOn) && isCalendarDate(draft.endsOn) && draft.startsOn <= draft.endsOn;
	if (!datesValid) problems.push('dates-invalid');
	else {
		if (draft.startsOn < rules.today) problems.push('starts-in-past');
		if (daysBetween(draft.startsOn, draft.endsOn) + 1 > MAX_SEMINAR_DAYS) problems.push('too-long');
	}
	if (!Number.isInteger(draft.capacity) || draft.capacity < 1 || draft.capacity > MAX_SEMINAR_CAPACITY) problems.push('capacity-invalid');
	if (draft.sessions.length === 0) problems.push('sessions-missing');
	const ids = draft.sessions.map((session) => session.sessionId);
	if (moduleSessions && ids.some((id) => !moduleSessions.includes(id))) problems.push('session-unknown');
	if (new Set(ids).size !== ids.length) problems.push('session-repeated');
	if (datesValid && draft.sessions.some((session) => !isCalendarDate(session.heldOn) || session.heldOn < draft.startsOn || session.heldOn > draft.endsOn)) {
		problems.push('session-outside-dates');
	}
	return problems;
}
