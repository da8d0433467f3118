import { describe, expect, it } from 'vitest';
import { emptyCourseSummary, type CourseSummary } from '$lib/progress/course-summary';
import { assignmentStatus, combinedStatus, countStatuses } from './assignment-status';

const course = { mastery: { rule: 'all-lessons' } as const, lessons: [{ id: 'l1' }, { id: 'l2' }] };
const summary = (changes: Partial<CourseSummary>): CourseSummary => ({ ...emptyCourseSummary('p1', 'c1'), ...changes });

describe('assignmentStatus', () => {
	it('is not started with no summary, and due dates are inclusive', () => {
		expect(assignmentStatus(course, undefined, '2026-11-30', '2026-11-30')).toBe('not-started');
		expect(assignmentStatus(course, undefined, '2026-11-30', '2026-12-01')).toBe('overdue');
		expect(assignmentStatus(course, undefined, null, '2099-01-01')).toBe('not-started');
	});

	it('is in progress once anything was recorded, and overdue wins over in progress', () => {
		const started = summary({ startedLessons: ['l1'] });
		expect(assignmentStatus(course, started, '2026-11-30', '2026-11-29')).toBe('in-progress');
		expect(assignmentStatus(course, started, '2026-11-30', '2026-12-02')).toBe('overdue');
		expect(assignmentStatus(course, summary({ quizAttempts: [{ attemptId: 'a', scorePercent: 10, passed: false, at: 'x', eventId: 'e' }] }), null, '2026-01-01')).toBe('in-progress');
	});

	it('is completed once mastered, even after the deadline', () => {
		expect(assignmentStatus(course, summary({ completedLessons: ['l1', 'l2'] }), '2026-01-01', '2026-12-01')).toBe('completed');
		expect(assignmentStatus(course, summary({ completedLessons: ['l1'] }), '2026-01-01', '2026-12-01')).toBe('overdue');
	});

	it('counts statuses', () => {
		expect(countStatuses(['completed', 'overdue', 'overdue'])).toEqual({ completed: 1, 'in-progress': 0, 'not-started': 0, overdue: 2 });
	});

	it('combines the server\'s and the device\'s view: done anywhere is done, then late, then started', () => {
		expect(combinedStatus('not-started', 'completed')).toBe('completed');
		expect(combinedStatus('completed', 'overdue')).toBe('completed');
		expect(combinedStatus('in-progress', 'overdue')).toBe('overdue');
		expect(combinedStatus('not-started', 'in-progress')).toBe('in-progress');
		expect(combinedStatus('not-started', 'not-started')).toBe('not-started');
	});
});
