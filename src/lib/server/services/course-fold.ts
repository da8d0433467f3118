import type { AnswerKeys, Catalogue, CatalogueCourse } from '$lib/content/pack.types';
import { isCourseMastered } from '$lib/courses/mastery';
import { regradeTest } from '$lib/courses/regrade';
import type { CourseEvent } from '$lib/progress/course-events';
import { applyAllToSummary, applyToSummary, type CourseSummary } from '$lib/progress/course-summary';

/**
 * The server's reading of course events into course summaries. Ingest (sync.service.ts) and the rebuild
 * (`npm run summaries:rebuild`) both fold through here, so a rebuilt summary is exactly what ingest makes.
 */
export interface CourseFold {
	/** One stored event folded into a person's summary: counted for the person whatever id it was recorded under, a final test re-graded. */
	apply(summary: CourseSummary | undefined, event: CourseEvent, personId: string): CourseSummary;
	/** The same for many events of the person and course at once, in one join: what ingest does with a batch. */
	applyAll(summary: CourseSummary | undefined, events: readonly CourseEvent[], personId: string): CourseSummary | undefined;
	/** Whether the summary meets its course's mastery rule as the catalogue states it now; an unknown course is never mastered. */
	mastered(courseId: string, summary: CourseSummary | undefined): boolean;
}

/** A test's score as the server grades it, in the copy that is folded (the stored body keeps what the device sent). */
function withServerGrade(event: CourseEvent, answerKeys: AnswerKeys): CourseEvent {
	if (event.type !== 'test.submitted') return event;
	const grade = regradeTest(answerKeys, event.payload);
	return { ...event, payload: { ...event.payload, scorePercent: grade.scorePercent, passed: grade.passed } };
}

export function createCourseFold(content: { catalogue: Catalogue; answerKeys: AnswerKeys }): CourseFold {
	const courses = new Map<string, { course: CatalogueCourse; lessonIds: string[] }>(
		content.catalogue.courses.map((course) => [course.id, { course, lessonIds: course.lessons.map((lesson) => lesson.id) }])
	);
	// Every event counts for the person, whatever id (an alias) it was recorded under.
	const asPerson = (event: CourseEvent, personId: string) =>
		withServerGrade(event.subject.id === personId ? event : ({ ...event, subject: { ...event.subject, id: personId } } as CourseEvent), content.answerKeys);
	return {
		apply(summary, event, personId) {
			return applyToSummary(summary, asPerson(event, personId));
		},
		applyAll(summary, events, personId) {
			return applyAllToSummary(
				summary,
				events.map((event) => asPerson(event, personId))
			);
		},
		mastered(courseId, summary) {
			const entry = courses.get(courseId);
			return entry !== undefined && isCourseMastered(entry.course.mastery, summary, entry.lessonIds);
		}
	};
}
