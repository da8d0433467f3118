/**
 * The closed set of events teacher training records (issue #7). Attendance is the participant's record: they scan the
 * session's QR in their own app (the signed session token is the event's `proof`), or a trainer records it for them
 * (`recordedBy`, the trainer's person id) by scanning the participant's QR or ticking the roster. A practical
 * assignment is submitted by the participant and reviewed by a trainer; photos travel as attachments by content hash.
 * The browser loads this file: the schema uses zod/mini to stay small.
 */
import { z } from 'zod/mini';
import { UUID_V7_PATTERN } from '../utils/ids';
import { eventSchema, type EventEnvelope } from './event';

export type CheckInMethod = 'session-qr' | 'participant-qr' | 'roster';

export interface SeminarAttendedPayload {
	seminarId: string;
	sessionId: string;
	method: CheckInMethod;
}

export interface AssignmentSubmittedPayload {
	/** The training programme (its course id) the assignment belongs to. */
	programmeId: string;
	/** UUIDv7 of this submission; a resubmission after a return is a new submission. */
	submissionId: string;
	lessonPlan: string;
	reflection: string;
	/** SHA-256 hex of each photo, uploaded separately and resumably. */
	attachments: string[];
}

export type AssignmentVerdict = 'accepted' | 'returned';

export interface AssignmentReviewedPayload {
	programmeId: string;
	submissionId: string;
	verdict: AssignmentVerdict;
	comment: string;
}

export type SeminarAttendedEvent = EventEnvelope<'seminar.attended', SeminarAttendedPayload, 1>;
export type AssignmentSubmittedEvent = EventEnvelope<'assignment.submitted', AssignmentSubmittedPayload, 1>;
export type AssignmentReviewedEvent = EventEnvelope<'assignment.reviewed', AssignmentReviewedPayload, 1>;

export type TrainingEvent = SeminarAttendedEvent | AssignmentSubmittedEvent | AssignmentReviewedEvent;
export type TrainingEventType = TrainingEvent['type'];

export const TRAINING_EVENT_TYPES = ['seminar.attended', 'assignment.submitted', 'assignment.reviewed'] as const satisfies readonly TrainingEventType[];

export function isTrainingEventType(type: string): type is TrainingEventType {
	return (TRAINING_EVENT_TYPES as readonly string[]).includes(type);
}

const id = z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case id'), z.maxLength(100));
const uuidV7 = z.string().check(z.regex(UUID_V7_PATTERN, 'must be a lowercase UUIDv7'));
const contentHash = z.string().check(z.regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hex digest'));
// A lesson plan is a page or two; the bound keeps one event well under the push limit.
const longText = z.string().check(z.maxLength(20_000));

/** Validates any training event: the server rejects what fails it, with zod's issues as the reason. */
export const trainingEventSchema = z.discriminatedUnion('type', [
	eventSchema('seminar.attended', 1, z.strictObject({ seminarId: id, sessionId: id, method: z.enum(['session-qr', 'participant-qr', 'roster']) })),
	eventSchema(
		'assignment.submitted',
		1,
		z.strictObject({
			programmeId: id,
			submissionId: uuidV7,
			lessonPlan: longText,
			reflection: longText,
			attachments: z.array(contentHash).check(z.maxLength(20))
		})
	),
	eventSchema(
		'assignment.reviewed',
		1,
		z.strictObject({ programmeId: id, submissionId: uuidV7, verdict: z.enum(['accepted', 'returned']), comment: z.string().check(z.maxLength(4000)) })
	)
]);

/** A training event as a page asks for it; the repository adds identity, device counter and time. */
export type TrainingEventDraft = { [Type in TrainingEventType]: Pick<Extract<TrainingEvent, { type: Type }>, 'type' | 'payload'> }[TrainingEventType];
