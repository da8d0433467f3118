import type { CatalogueCourse, CoursePack, Locale, PackBlock, PackLesson } from '$lib/content/pack.types';
import type { Answer } from '$lib/progress/course-events';
import type { CourseSummary } from '$lib/progress/course-summary';
import { localDatabase } from '$lib/storage/database';
import { ensureLocalIdentity } from '$lib/storage/local-identity';
import { downloadPack } from '$lib/storage/pack-download';
import { createPacksRepo } from '$lib/storage/packs.repo';
import { createProgressRepo, type ProgressRepo } from '$lib/storage/progress.repo';
import { createSettingsRepo } from '$lib/storage/settings.repo';
import { uuidV7Generator } from '$lib/utils/ids';

/**
 * The page's side of a lesson: finds the pack (on the device, else downloads and keeps it — opening a course saves it),
 * and records what the player reports as events.
 */
export class LessonSession {
	state = $state<'loading' | 'ready' | 'unavailable' | 'not-found'>('loading');
	pack = $state.raw<CoursePack>();
	lesson = $state.raw<PackLesson>();
	summary = $state.raw<CourseSummary>();
	#progress: ProgressRepo | undefined;
	#learnerId = '';

	async open(course: CatalogueCourse, lessonId: string, locale: Locale): Promise<void> {
		const db = localDatabase();
		const newId = uuidV7Generator(() => Date.now(), (length) => crypto.getRandomValues(new Uint8Array(length)));
		const identity = await ensureLocalIdentity(createSettingsRepo(db), newId);
		this.#learnerId = identity.learnerId;
		this.#progress = createProgressRepo(db, { deviceId: identity.deviceId, newId, now: () => new Date() });

		const packs = createPacksRepo(db);
		let pack = (await packs.get(course.id, locale))?.pack;
		const listed = course.locales[locale];
		if (!pack || pack.version !== course.version) {
			try {
				const fresh = await downloadPack(listed.pack, listed.bytes, () => {});
				await packs.save(fresh, { url: listed.pack, bytes: listed.bytes });
				pack = fresh;
			} catch {
				// Offline with an older saved version: it still works, and finishing it still counts.
			}
		}
		if (!pack) {
			this.state = 'unavailable';
			return;
		}
		this.pack = pack;
		this.lesson = pack.lessons.find((lesson) => lesson.id === lessonId);
		this.summary = await this.#progress.summary(this.#learnerId, course.id);
		this.state = this.lesson ? 'ready' : 'not-found';
	}

	async reach(block: PackBlock, index: number): Promise<void> {
		const { pack, lesson } = this;
		if (!pack || !lesson) return;
		await this.#record({
			type: 'lesson.progressed',
			payload: { courseId: pack.id, courseVersion: pack.version, lessonId: lesson.id, lessonVersion: lesson.version, blockId: block.id, blockIndex: index }
		});
	}

	async answer(block: PackBlock, answer: Answer, correct: boolean): Promise<void> {
		const { pack, lesson } = this;
		if (!pack || !lesson) return;
		await this.#record({
			type: 'question.answered',
			payload: { courseId: pack.id, lessonId: lesson.id, lessonVersion: lesson.version, questionId: block.id, answer, correct }
		});
	}

	async complete(): Promise<void> {
		const { pack, lesson } = this;
		if (!pack || !lesson) return;
		await this.#record({ type: 'lesson.completed', payload: { courseId: pack.id, lessonId: lesson.id, lessonVersion: lesson.version } });
	}

	async #record(draft: Parameters<ProgressRepo['record']>[1]): Promise<void> {
		if (!this.#progress) return;
		await this.#progress.record({ kind: 'learner', id: this.#learnerId }, draft);
		this.summary = await this.#progress.summary(this.#learnerId, draft.payload.courseId);
	}
}
