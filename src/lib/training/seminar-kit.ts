/**
 * What the server hands a trainer's device for a seminar (`GET /api/seminars/:id`, the "kit"), kept in IndexedDB so
 * the seminar runs with no signal; and a seminar as `GET /api/seminars` lists it. Types only: the contract of #7.
 */
import type { AssignmentState, Completion } from './completion';

export interface SeminarSession {
	sessionId: string;
	/** The session's day in Kyrgyzstan, YYYY-MM-DD. */
	heldOn: string;
	ordinal: number;
}

export interface SeminarListItem {
	id: string;
	programmeId: string;
	regionCode: string;
	centre: string;
	venue: string;
	startsOn: string;
	endsOn: string;
	capacity: number;
	sessions: SeminarSession[];
	trainerIds: string[];
	participants: number;
	completed: number;
	/** Kyrgyzstan day of the first attendance recorded; null while the seminar has not been held. */
	heldOn?: string | null;
}

export interface KitParticipant {
	personId: string;
	/** Null when the server holds no name for the person (the roster then shows the name this device knows). */
	displayName: string | null;
	schoolCode: string | null;
	provisional: boolean;
	/** Session ids, as the server has folded them. */
	attended: string[];
	completion: Completion | null;
	assignment: AssignmentState;
	bestTestPercent?: number | null;
}

export interface KitSchool {
	code: string;
	name: string;
	district: string;
	rural: boolean;
}

export interface SeminarKit {
	seminar: SeminarListItem;
	/** The seminar's check-in key (base64url), for its own trainers only; null for a programme administrator. */
	checkInKey: string | null;
	participants: KitParticipant[];
	schools: KitSchool[];
}
