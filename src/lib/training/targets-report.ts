/**
 * What the programme targets view shows (issue #7, measure 5): the answer of `GET /api/programme/targets`. The server
 * builds it from the training-record summaries kept at ingest (programme-figures.ts does the counting), so the view
 * is live as soon as a seminar's data syncs.
 */
import type { ProgrammeFigures } from './programme-figures';

export interface TargetsReport {
	/** When the server made this answer (ISO 8601). */
	generatedAt: string;
	/** The programme's targets: 500 teachers trained, 20 seminars held. */
	targets: { teachersTrained: number; seminarsHeld: number };
	figures: ProgrammeFigures;
	/** Running totals month by month up to the current month, for the chart. */
	series: { teachersTrained: { month: string; total: number }[]; seminarsHeld: { month: string; total: number }[] };
	/** The nine regions (and the capital cities) with their names per locale, in display order. */
	regions: { code: string; name: Record<'ky' | 'ru' | 'en', string> }[];
	seminars: SeminarRow[];
}

export interface SeminarRow {
	id: string;
	programmeId: string;
	regionCode: string;
	centre: string;
	venue: string;
	startsOn: string;
	endsOn: string;
	capacity: number;
	/** Kyrgyzstan day of the first recorded attendance; null while none is recorded (not yet held). */
	heldOn: string | null;
	sessions: number;
	participants: number;
	/** Participants with at least one recorded attendance. */
	attended: number;
	/** Participants who met the completion rule at this seminar. */
	completed: number;
}

/** One person behind the "teachers trained" figure (`GET /api/programme/targets/people`). */
export interface TrainedPerson {
	personId: string;
	displayName: string | null;
	schoolCode: string | null;
	schoolName: string | null;
	ruralSchool: boolean | null;
	seminarId: string;
	regionCode: string;
	completedOn: string;
}
