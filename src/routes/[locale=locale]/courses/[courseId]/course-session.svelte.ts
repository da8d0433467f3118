import type { CatalogueCourse, CoursePack, Locale } from '$lib/content/pack.types';
import type { CourseSummary } from '$lib/progress/course-summary';
import { localDatabase } from '$lib/storage/database';
import { ensureLocalIdentity } from '$lib/storage/local-identity';
import { downloadPack } from '$lib/storage/pack-download';
import { createPacksRepo } from '$lib/storage/packs.repo';
import { subjectIdsOf } from '$lib/storage/profile-rules';
import { createProfilesRepo } from '$lib/storage/profiles.repo';
import { requestSync } from '$lib/sync/sync-loop.svelte';
import { createProgressRepo, type CourseEventDraft, type ProgressRepo } from '$lib/storage/progress.repo';
import { createSettingsRepo } from '$lib/storage/settings.repo';
import { uuidV7Generator } from '$lib/utils/ids';

/**
 * A course opened on this device: its pack (kept on the device, else downloaded and kept — opening a course saves
 * it), the learner's summary, and recording what the learner does as events. The learner is the profile active when
 * the course opened; switching profiles mounts the course pages again (courses/+layout.svelte), so a session never
 * records one person's actions under another's id.
 */
export class CourseSession {
	state = $state<'loading' | 'ready' | 'unavailable'>('loading');
	/** Set when an action could not be stored: the learner must not believe it is saved. */
	saveFailed = $state(false);
	pack = $state.raw<CoursePack>();
	summary = $state.raw<CourseSummary>();
	newId: () => string = uuidV7Generator(() => Date.now(), (length) => crypto.getRandomValues(new Uint8Array(length)));
	#progress: ProgressRepo | undefined;
	#learnerId = '';
	/** The profile's own id first, then the guest ids it took over: the summary shown joins them all. */
	#subjectIds: string[] = [];

	async open(course: CatalogueCourse, locale: Locale): Promise<void> {
		const db = localDatabase();
		const identity = await ensureLocalIdentity(createSettingsRepo(db), this.newId);
		const profile = await createProfilesRepo(db, { newId: this.newId, now: () => new Date() }).active();
		this.#learnerId = profile.id;
		this.#subjectIds = subjectIdsOf(profile);
		this.#progress = createProgressRepo(db, { deviceId: identity.deviceId, newId: this.newId, now: () => new Date() });

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
		this.pack = pack;
		this.summary = await this.#progress.summaryOf(this.#subjectIds, course.id);
		this.state = pack ? 'ready' : 'unavailable';
	}

	async record(draft: CourseEventDraft): Promise<void> {
		if (!this.#progress) return;
		try {
			await this.#progress.record({ kind: 'learner', id: this.#learnerId }, draft);
		} catch (error) {
			this.saveFailed = true;
			throw error;
		}
		// Every write wakes the sync loop (in whichever tab runs it).
		requestSync('write');
		this.summary = await this.#progress.summaryOf(this.#subjectIds, draft.payload.courseId);
	}
}
