/**
 * The roster a trainer's device shows for a seminar, offline: the participants of the kit the server gave it, plus the
 * people registered on this device since (scanned, or created on the spot), each with the sessions attended as the
 * server folded them joined with what this device recorded. A set union, so a tick shows once whether or not it has
 * reached the server yet. Pure.
 */
import type { Completion } from './completion';
import type { KitParticipant } from './seminar-kit';

/** A person registered for the seminar on this device (queued for the server, or already sent). */
export interface LocalRegistration {
	personId: string;
	displayName: string;
	schoolCode: string | null;
	provisional: boolean;
}

/** A `seminar.attended` event of this seminar recorded on this device. */
export interface LocalAttendance {
	subjectId: string;
	sessionId: string;
}

export interface RosterRow {
	personId: string;
	/** Empty when neither the server nor this device knows a name. */
	displayName: string;
	schoolCode: string | null;
	provisional: boolean;
	/** Every session known as attended, here or on the server. */
	attended: string[];
	/** Registered on this device and not (yet) in the kit: the server may not know them. */
	addedHere: boolean;
	/** The completion rule as the server folded it when the kit was fetched; null when it has not counted the person. */
	completion: Completion | null;
}

export function seminarRoster(participants: readonly KitParticipant[], registrations: readonly LocalRegistration[], attendance: readonly LocalAttendance[]): RosterRow[] {
	const rows = new Map<string, RosterRow>();
	const namesHere = new Map(registrations.map((registration) => [registration.personId, registration.displayName]));
	for (const participant of participants) {
		rows.set(participant.personId, {
			personId: participant.personId,
			displayName: participant.displayName ?? namesHere.get(participant.personId) ?? '',
			schoolCode: participant.schoolCode,
			provisional: participant.provisional,
			attended: [...participant.attended],
			addedHere: false,
			completion: participant.completion
		});
	}
	for (const registration of registrations) {
		if (rows.has(registration.personId)) continue;
		rows.set(registration.personId, { ...registration, attended: [], addedHere: true, completion: null });
	}
	for (const { subjectId, sessionId } of attendance) {
		const row = rows.get(subjectId);
		if (row && !row.attended.includes(sessionId)) row.attended.push(sessionId);
	}
	return [...rows.values()].sort((a, b) => a.displayName.localeCompare(b.displayName) || a.personId.localeCompare(b.personId));
}

/** Case- and accent-insensitive search over school names and districts, for the searchable school picker. */
export function matchingSchools<School extends { code: string; name: string; district: string }>(schools: readonly School[], query: string, limit = 20): School[] {
	const fold = (text: string) => text.toLocaleLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
	const words = fold(query).split(/\s+/).filter(Boolean);
	const found = schools.filter((school) => {
		const haystack = fold(`${school.name} ${school.district} ${school.code}`);
		return words.every((word) => haystack.includes(word));
	});
	return found.slice(0, limit);
}
