import type { CatalogueCourse, FacilitatorPack, Locale } from '$lib/content/pack.types';
import { localDatabase } from '$lib/storage/database';
import { createFacilitatorPacksRepo } from '$lib/storage/facilitator-packs.repo';
import { downloadFacilitatorPack } from '$lib/storage/pack-download';

/**
 * A course's facilitator guides on this device: kept in storage, else downloaded and kept — opening the guides once
 * with a connection is enough for a seminar where the signal is weak. A saved older version still opens offline.
 */
export class FacilitatorGuides {
	state = $state<'loading' | 'downloading' | 'ready' | 'failed'>('loading');
	progress = $state(0);
	pack = $state.raw<FacilitatorPack>();

	async open(course: CatalogueCourse, locale: Locale): Promise<void> {
		const listed = course.facilitator?.locales[locale];
		if (!listed) {
			this.state = 'failed';
			return;
		}
		const repo = createFacilitatorPacksRepo(localDatabase());
		let pack = (await repo.get(course.id, locale))?.pack;
		if (!pack || pack.version !== course.facilitator?.version) {
			this.state = pack ? 'loading' : 'downloading';
			this.progress = 0;
			try {
				const fresh = await downloadFacilitatorPack(listed.pack, listed.bytes, (share) => (this.progress = share));
				if (fresh.courseId !== course.id || fresh.locale !== locale) throw new Error('a different pack came back');
				await repo.save(fresh, { url: listed.pack, bytes: listed.bytes });
				pack = fresh;
			} catch {
				// Offline with an older saved version: it still serves the seminar.
			}
		}
		this.pack = pack;
		this.state = pack ? 'ready' : 'failed';
	}
}
