import { m } from '$lib/paraglide/messages';
import type { SeminarRow, TargetsReport } from '$lib/training/targets-report';
import { regionName, seminarState, type ReportLocale, type SeminarState } from '$lib/training/targets-view';
import { formatCalendarDate } from '$lib/utils/format-date';

/** The words of the targets view that more than one of its pages uses. */
export const stateLabel = (state: SeminarState): string =>
	({ held: m.targets_state_held, scheduled: m.targets_state_scheduled, 'not-recorded': m.targets_state_not_recorded })[state]();

const TONES: Record<SeminarState, 'done' | 'neutral' | 'late'> = { held: 'done', scheduled: 'neutral', 'not-recorded': 'late' };
export const stateTone = (state: SeminarState) => TONES[state];

/** "16–18 Mar 2026" is left to the formatter: both days written out, so no locale's range rules are guessed. */
export function seminarDates(row: Pick<SeminarRow, 'startsOn' | 'endsOn'>, locale: ReportLocale): string {
	const from = formatCalendarDate(row.startsOn, locale);
	return row.startsOn === row.endsOn ? from : `${from} – ${formatCalendarDate(row.endsOn, locale)}`;
}

/** A seminar as a person names it: its centre and first day. */
export function seminarName(report: TargetsReport | undefined, seminarId: string, locale: ReportLocale): string {
	const row = report?.seminars.find((candidate) => candidate.id === seminarId);
	return row ? m.targets_seminar_name({ centre: row.centre, date: formatCalendarDate(row.startsOn, locale) }) : seminarId;
}

export const ruralLabel = (rural: boolean | null): string => (rural === null ? m.targets_school_unknown_short() : rural ? m.targets_rural_yes() : m.targets_rural_no());

export function seminarCsvLabels() {
	return {
		id: m.targets_csv_seminar_id(),
		region: m.targets_column_region(),
		centre: m.targets_column_centre(),
		venue: m.targets_column_venue(),
		startsOn: m.targets_csv_starts_on(),
		endsOn: m.targets_csv_ends_on(),
		capacity: m.targets_column_capacity(),
		participants: m.targets_column_participants(),
		attended: m.targets_column_attended(),
		completed: m.targets_column_completed(),
		heldOn: m.targets_csv_held_on(),
		state: m.targets_column_state()
	};
}

export function peopleCsvLabels() {
	return {
		personId: m.targets_csv_person_id(),
		name: m.targets_column_name(),
		school: m.targets_column_school(),
		schoolCode: m.targets_csv_school_code(),
		rural: m.targets_column_rural(),
		region: m.targets_column_region(),
		seminar: m.targets_column_seminar(),
		completedOn: m.targets_column_completed_on()
	};
}

export const stateOf = (row: SeminarRow, today: string): SeminarState => seminarState(row, today);

export const regionOf = (report: TargetsReport, locale: ReportLocale) => (code: string) => regionName(report, code, locale);
