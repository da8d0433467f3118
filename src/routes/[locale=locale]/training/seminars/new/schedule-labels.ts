import { m } from '$lib/paraglide/messages';
import { MAX_SEMINAR_CAPACITY, MAX_SEMINAR_DAYS, type SeminarProblem } from '$lib/training/seminar-schedule';

/** What each scheduling problem says to the person filling in the form. */
export function problemText(problem: SeminarProblem): string {
	const texts: Record<SeminarProblem, () => string> = {
		'programme-unknown': m.schedule_problem_programme_unknown,
		'region-unknown': m.schedule_problem_region_unknown,
		'centre-invalid': m.schedule_problem_centre_invalid,
		'venue-invalid': m.schedule_problem_venue_invalid,
		'dates-invalid': m.schedule_problem_dates_invalid,
		'starts-in-past': m.schedule_problem_starts_in_past,
		'too-long': () => m.schedule_problem_too_long({ days: MAX_SEMINAR_DAYS }),
		'capacity-invalid': () => m.schedule_problem_capacity_invalid({ max: MAX_SEMINAR_CAPACITY }),
		'sessions-missing': m.schedule_problem_sessions_missing,
		'session-unknown': m.schedule_problem_session_unknown,
		'session-repeated': m.schedule_problem_session_repeated,
		'session-outside-dates': m.schedule_problem_session_outside_dates
	};
	return texts[problem]();
}
