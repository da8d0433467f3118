import type { Locale } from '$lib/content/pack.types';
import { localDatabase } from '$lib/storage/database';
import { downloadPack } from '$lib/storage/pack-download';
import { createPacksRepo } from '$lib/storage/packs.repo';

/** Whether a course's pack is on this device, and saving it with progress. */
export class CourseOffline {
	state = $state<'checking' | 'not-saved' | 'saving' | 'saved' | 'failed'>('checking');
	progress = $state(0);
	#courseId = '';
	#locale: Locale = 'ky';

	async check(courseId: string, locale: Locale): Promise<void> {
		this.#courseId = courseId;
		this.#locale = locale;
		const saved = await createPacksRepo(localDatabase()).get(courseId, locale);
		this.state = saved ? 'saved' : 'not-saved';
	}

	async save(url: string, bytes: number): Promise<void> {
		this.state = 'saving';
		this.progress = 0;
		try {
			const pack = await downloadPack(url, bytes, (share) => (this.progress = share));
			if (pack.id !== this.#courseId || pack.locale !== this.#locale) throw new Error('a different course came back');
			await createPacksRepo(localDatabase()).save(pack, { url, bytes });
			this.state = 'saved';
		} catch {
			this.state = 'failed';
		}
	}
}
