import type { Catalogue, Locale } from '$lib/content/pack.types';
import { localDatabase } from '$lib/storage/database';
import { ensureLocalIdentity } from '$lib/storage/local-identity';
import { createProgressRepo, type ProgressRepo } from '$lib/storage/progress.repo';
import { createSettingsRepo } from '$lib/storage/settings.repo';
import type { SeminarAttendedEvent } from '$lib/progress/training-events';
import { uuidV7Generator } from '$lib/utils/ids';

/** Ids made on this device: events, and the people a trainer creates on the spot. */
export const newDeviceId: () => string = uuidV7Generator(() => Date.now(), (length) => crypto.getRandomValues(new Uint8Array(length)));

/** The progress repository of this device, which records training events with its id and counter. */
export async function trainingProgressRepo(): Promise<ProgressRepo> {
	const db = localDatabase();
	const identity = await ensureLocalIdentity(createSettingsRepo(db), newDeviceId);
	return createProgressRepo(db, { deviceId: identity.deviceId, newId: newDeviceId, now: () => new Date() });
}

/** Every attendance recorded on this device (by trainers and participants alike), oldest first. */
export async function attendanceOnDevice(filter: (event: SeminarAttendedEvent) => boolean): Promise<SeminarAttendedEvent[]> {
	const events = (await localDatabase().events.where('type').equals('seminar.attended').toArray()) as unknown as SeminarAttendedEvent[];
	return events.filter(filter).sort((a, b) => a.at.localeCompare(b.at));
}

/** A session's title: its lesson's in the training course (a session id is a lesson id); undefined when unknown. */
export function sessionTitle(catalogue: Catalogue, sessionId: string, locale: Locale, programmeId?: string): string | undefined {
	for (const course of catalogue.courses) {
		if (programmeId !== undefined && course.id !== programmeId) continue;
		const lesson = course.lessons.find((candidate) => candidate.id === sessionId);
		if (lesson) return lesson.title[locale];
	}
	return undefined;
}
