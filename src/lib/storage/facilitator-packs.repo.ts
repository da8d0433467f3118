import type { FacilitatorPack, Locale } from '$lib/content/pack.types';
import type { SavedFacilitatorPackRow, TazaLocalDatabase } from './database';

/** Facilitator guides kept on the device: one pack per course and locale, a newer version replacing the older. */
export function createFacilitatorPacksRepo(db: TazaLocalDatabase, now: () => Date = () => new Date()) {
	return {
		async get(courseId: string, locale: Locale): Promise<SavedFacilitatorPackRow | undefined> {
			return db.facilitatorPacks.get([courseId, locale]);
		},
		async save(pack: FacilitatorPack, source: { url: string; bytes: number }): Promise<void> {
			await db.facilitatorPacks.put({
				courseId: pack.courseId,
				locale: pack.locale,
				version: pack.version,
				url: source.url,
				bytes: source.bytes,
				savedAt: now().toISOString(),
				pack
			});
		}
	};
}

export type FacilitatorPacksRepo = ReturnType<typeof createFacilitatorPacksRepo>;
