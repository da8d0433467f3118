import type { MasteryRule } from '$lib/content/pack.types';
import { isCourseMastered, lessonState, type LessonState } from '$lib/courses/mastery';
import type { CourseSummary } from '$lib/progress/course-summary';
import { localDatabase } from '$lib/storage/database';
import { subjectIdsOf } from '$lib/storage/profile-rules';
import { createProfilesRepo } from '$lib/storage/profiles.repo';
import { summaryOf } from '$lib/storage/progress.repo';
import { uuidV7Generator } from '$lib/utils/ids';

/** The active profile's progress in a course, read from this device. */
export class CourseProgress {
	summary = $state.raw<CourseSummary>();
	loaded = $state(false);

	async load(courseId: string): Promise<void> {
		const db = localDatabase();
		const newId = uuidV7Generator(() => Date.now(), (length) => crypto.getRandomValues(new Uint8Array(length)));
		const profile = await createProfilesRepo(db, { newId, now: () => new Date() }).active();
		this.summary = await summaryOf(db, subjectIdsOf(profile), courseId);
		this.loaded = true;
	}

	stateOf(lessonId: string): LessonState {
		return lessonState(this.summary, lessonId);
	}

	mastered(rule: MasteryRule, lessonIds: readonly string[]): boolean {
		return isCourseMastered(rule, this.summary, lessonIds);
	}
}
