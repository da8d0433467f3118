/**
 * Every event family the outbox carries and the server ingests: course events and game events share one envelope,
 * one outbox and one push, and are told apart by `type`.
 */
import { courseEventSchema, isCourseEventType, type CourseEvent } from './course-events';
import { gameEventSchema, isGameEventType, type GameEvent } from './game-events';

export type ProgressEvent = CourseEvent | GameEvent;

/** Validates any event by its family, so a bad payload is reported against its own schema rather than a union's. */
export function progressEventSchemaFor(raw: unknown) {
	const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
	if (typeof type === 'string' && isGameEventType(type)) return gameEventSchema;
	if (typeof type === 'string' && isCourseEventType(type)) return courseEventSchema;
	return undefined;
}

export function isCourseEvent(event: ProgressEvent): event is CourseEvent {
	return isCourseEventType(event.type);
}
