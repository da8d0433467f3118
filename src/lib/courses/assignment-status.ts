/**
 * Where a learner stands on an assigned course: the compliance view, the class grid and "assigned to you" all read
 * this one rule, in the browser (with the device's own summary) and on the server (with the synced one).
 */
import type { MasteryRule } from '$lib/content/pack.types';
import type { CourseSummary } from '$lib/progress/course-summary';
import { isCourseMastered } from './mastery';

export type AssignmentStatus = 'completed' | 'in-progress' | 'not-started' | 'overdue';

export interface AssignedCourse {
	mastery: MasteryRule;
	lessons: readonly { id: string }[];
}

/** Anything recorded at all: a lesson opened, a question answered, a test tried. */
export function hasStarted(summary: CourseSummary | undefined): boolean {
	return (
		summary !== undefined &&
		(summary.startedLessons.length > 0 || summary.completedLessons.length > 0 || summary.answeredQuestions.length > 0 || summary.quizAttempts.length > 0)
	);
}

/**
 * Completed once mastered, whenever that was (even after the deadline: late is still done). Otherwise overdue from the
 * day after the due date (`today` and `dueOn` are Kyrgyzstan calendar dates), else in progress or not started.
 */
export function assignmentStatus(course: AssignedCourse, summary: CourseSummary | undefined, dueOn: string | null, today: string): AssignmentStatus {
	if (isCourseMastered(course.mastery, summary, course.lessons.map((lesson) => lesson.id))) return 'completed';
	if (dueOn !== null && today > dueOn) return 'overdue';
	return hasStarted(summary) ? 'in-progress' : 'not-started';
}

export interface StatusCounts {
	completed: number;
	'in-progress': number;
	'not-started': number;
	overdue: number;
}

export function countStatuses(statuses: Iterable<AssignmentStatus>): StatusCounts {
	const counts: StatusCounts = { completed: 0, 'in-progress': 0, 'not-started': 0, overdue: 0 };
	for (const status of statuses) counts[status] += 1;
	return counts;
}

/**
 * The server's status (from every synced device) and this device's own (perhaps not synced yet): done on either is done;
 * otherwise late is late; otherwise started on either is started.
 */
export function combinedStatus(server: AssignmentStatus, local: AssignmentStatus): AssignmentStatus {
	if (server === 'completed' || local === 'completed') return 'completed';
	if (server === 'overdue' || local === 'overdue') return 'overdue';
	if (server === 'in-progress' || local === 'in-progress') return 'in-progress';
	return 'not-started';
}
