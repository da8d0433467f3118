/**
 * The event envelope of shared/DESIGN.md §3: every action that matters, as an immutable record made on the device.
 * Each domain declares its own closed set of events on top of this (see course-events.ts).
 */
import { z } from 'zod/mini';
import { UUID_V7_PATTERN } from '../utils/ids';

export type SubjectKind = 'learner' | 'class' | 'seminar';

/** Whose record the event belongs to (a vote in a teacher-led class is the class's, not the teacher's). */
export interface Subject {
	kind: SubjectKind;
	id: string;
}

export interface EventEnvelope<Type extends string = string, Payload = unknown, Version extends number = number> {
	/** UUIDv7 made on the device: the dedup key everywhere. */
	id: string;
	subject: Subject;
	/** The person who recorded it, when that is not the subject (a trainer ticking a roster): their person id. */
	recordedBy?: string;
	deviceId: string;
	/** The device's counter per subject: for diagnostics and gap detection, never for ordering the fold. */
	deviceSeq: number;
	type: Type;
	/** The payload's schema version; old versions are upgraded when read, never rewritten. */
	v: Version;
	/** Device time, ISO 8601 in UTC (`Date.toISOString()`); the server keeps its own receipt time beside it. */
	at: string;
	/** A token signed by someone else that the event needs (a trainer's session QR for a self check-in). */
	proof?: string;
	payload: Payload;
}

// The envelope is checked here, beside its type, so every event family validates it the same way.
const opaqueId = z.string().check(z.minLength(1), z.maxLength(128));

export const subjectSchema = z.strictObject({ kind: z.enum(['learner', 'class', 'seminar']), id: opaqueId });

/** A zod/mini schema for one event type at one version; the payload schema is the family's. */
export function eventSchema<const Type extends string, const Version extends number, Payload extends z.core.SomeType>(
	type: Type,
	v: Version,
	payload: Payload
) {
	return z.strictObject({
		id: z.string().check(z.regex(UUID_V7_PATTERN, 'must be a lowercase UUIDv7')),
		subject: subjectSchema,
		recordedBy: z.optional(opaqueId),
		deviceId: opaqueId,
		deviceSeq: z.int().check(z.nonnegative()),
		type: z.literal(type),
		v: z.literal(v),
		at: z.iso.datetime(),
		proof: z.optional(z.string().check(z.minLength(1), z.maxLength(4096))),
		payload
	});
}
