import type { MasteryRule } from '$lib/content/pack.types';
import { isCourseMastered, lessonState, type LessonState } from '$lib/courses/mastery';
import type { CourseSummary } from '$lib/progress/course-summary';
import { localDatabase } from '$lib/storage/database';
import { ensureLocalIdentity } from '$lib/storage/local-identity';
import { createSettingsRepo } from '$lib/storage/settings.repo';
import { uuidV7Generator } from '$lib/utils/ids';

/** The learner's progress in a course, read from this device. */
export class CourseProgress {
	summary = $state.raw<CourseSummary>();
	loaded = $state(false);

	async load(courseId: string): Promise<void> {
		const db = localDatabase();
		const newId = uuidV7Generator(() => Date.now(), (length) => crypto.getRandomValues(new Uint8Array(length)));
		const { learnerId } = await ensureLocalIdentity(createSettingsRepo(db), newId);
		this.summary = await db.summaries.get([learnerId, courseId]);
		this.loaded = true;
	}

	stateOf(lessonId: string): LessonState {
		return lessonState(this.summary, lessonId);
	}

	mastered(rule: MasteryRule, lessonIds: readonly string[]): boolean {
		return isCourseMastered(rule, this.summary, lessonIds);
	}
}
