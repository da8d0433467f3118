import type { CoursePack, Locale } from '$lib/content/pack.types';
import type { SavedPackRow, TazaLocalDatabase } from './database';

export function createPacksRepo(db: TazaLocalDatabase, now: () => Date = () => new Date()) {
	return {
		async get(courseId: string, locale: Locale): Promise<SavedPackRow | undefined> {
			return db.packs.get([courseId, locale]);
		},
		/** Keeps one pack per course and locale: a newer version replaces the older. */
		async save(pack: CoursePack, source: { url: string; bytes: number }): Promise<void> {
			await db.packs.put({
				courseId: pack.id,
				locale: pack.locale,
				version: pack.version,
				url: source.url,
				bytes: source.bytes,
				savedAt: now().toISOString(),
				pack
			});
		},
		async savedCourseIds(locale: Locale): Promise<string[]> {
			return (await db.packs.toArray()).filter((row) => row.locale === locale).map((row) => row.courseId);
		}
	};
}

export type PacksRepo = ReturnType<typeof createPacksRepo>;
