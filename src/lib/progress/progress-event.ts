/**
 * Every event family the outbox carries and the server ingests: course, game and training events share one
 * envelope, one outbox and one push, and are told apart by `type`.
 */
import { courseEventSchema, isCourseEventType, type CourseEvent } from './course-events';
import { gameEventSchema, isGameEventType, type GameEvent } from './game-events';
import { isTrainingEventType, trainingEventSchema, type TrainingEvent } from './training-events';

export type ProgressEvent = CourseEvent | GameEvent | TrainingEvent;

/** Validates any event by its family, so a bad payload is reported against its own schema rather than a union's. */
export function progressEventSchemaFor(raw: unknown) {
	const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
	if (typeof type === 'string' && isGameEventType(type)) return gameEventSchema;
	if (typeof type === 'string' && isCourseEventType(type)) return courseEventSchema;
	if (typeof type === 'string' && isTrainingEventType(type)) return trainingEventSchema;
	return undefined;
}

export function isCourseEvent(event: ProgressEvent): event is CourseEvent {
	return isCourseEventType(event.type);
}

export function isTrainingEvent(event: ProgressEvent): event is TrainingEvent {
	return isTrainingEventType(event.type);
}
