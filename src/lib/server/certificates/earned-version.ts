import type { AnswerKeys, CatalogueCourse } from '$lib/content/pack.types';
import { regradeTest } from '$lib/courses/regrade';
import type { TestSubmittedPayload } from '$lib/progress/course-events';

interface StoredEvent {
	receivedAt: string;
	body: string;
}

interface VersionedEvent {
	id: string;
	type: string;
	at: string;
	receivedAt: string;
	payload: { courseVersion?: unknown };
}

function parse(events: readonly StoredEvent[]): (VersionedEvent & { courseVersion: string })[] {
	const parsed: (VersionedEvent & { courseVersion: string })[] = [];
	for (const stored of events) {
		try {
			const event = JSON.parse(stored.body) as VersionedEvent;
			if (typeof event.payload?.courseVersion === 'string') parsed.push({ ...event, receivedAt: stored.receivedAt, courseVersion: event.payload.courseVersion });
		} catch {
			// stored as sent and validated at ingest; an unreadable body names no version
		}
	}
	return parsed;
}

const byTime = (a: VersionedEvent, b: VersionedEvent) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id);

/**
 * The content version a course was earned on (DESIGN §5: a certificate names it). For a course mastered by its final
 * test: the version of the first attempt the server's re-grade passes. Otherwise: the version the learner was on when
 * the server first held a mastering set of events (the latest versioned event received by `completedAt`). With no
 * versioned event at all, the catalogue's current version.
 */
export function earnedCourseVersion(input: { course: CatalogueCourse; completedAt: string; events: readonly StoredEvent[]; answerKeys: AnswerKeys }): string {
	const events = parse(input.events);
	if (input.course.mastery.rule === 'quiz-passed') {
		const passed = events
			.filter((event) => event.type === 'test.submitted' && regradeTest(input.answerKeys, event.payload as unknown as TestSubmittedPayload).passed)
			.sort(byTime)[0];
		if (passed) return passed.courseVersion;
	}
	const before = events.filter((event) => event.receivedAt <= input.completedAt).sort(byTime).at(-1);
	return before?.courseVersion ?? events.sort(byTime).at(-1)?.courseVersion ?? input.course.version;
}
