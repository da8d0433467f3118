/**
 * What the active person's organisations and classes assign them, kept on the device so it shows offline, and the
 * packs of those courses downloaded by themselves, so an assigned course opens with no connection (issue #5).
 */
import type { Locale } from '$lib/content/pack.types';
import type { AssignmentStatus } from '$lib/courses/assignment-status';
import { localDatabase } from '$lib/storage/database';
import { downloadPack } from '$lib/storage/pack-download';
import { createPacksRepo } from '$lib/storage/packs.repo';
import { createSettingsRepo } from '$lib/storage/settings.repo';
import { catalogue } from 'virtual:taza/catalogue';
import { apiGet } from './api-client';

export interface AssignedCourse {
	id: string;
	courseId: string;
	dueOn: string | null;
	scopeKind: 'organisation' | 'class';
	scopeName: string;
	status: AssignmentStatus;
}

export interface CachedAssignments {
	personId: string;
	fetchedAt: string;
	assignments: AssignedCourse[];
}

const CACHE_KEY = 'assignments.mine';

export async function cachedAssignedCourses(): Promise<CachedAssignments | undefined> {
	return createSettingsRepo(localDatabase()).get<CachedAssignments>(CACHE_KEY);
}

/**
 * Asks the server when it can. Signed out, the cache is cleared (the last person's assignments are not the next
 * person's business); offline, the cache stays as it was.
 */
export async function refreshAssignedCourses(locale: Locale): Promise<CachedAssignments | undefined> {
	const settings = createSettingsRepo(localDatabase());
	const me = await apiGet<{ personId: string }>('/api/auth/me');
	if (!me.ok) {
		if (me.error !== 'offline') await settings.set(CACHE_KEY, undefined);
		return me.error === 'offline' ? cachedAssignedCourses() : undefined;
	}
	const fresh = await apiGet<{ assignments: AssignedCourse[] }>('/api/me/assignments');
	if (!fresh.ok) return cachedAssignedCourses();
	const cached = { personId: me.value.personId, fetchedAt: new Date().toISOString(), assignments: fresh.value.assignments };
	await settings.set(CACHE_KEY, cached);
	void downloadAssignedPacks(cached.assignments.map((assignment) => assignment.courseId), locale);
	return cached;
}

/** Saves each assigned course's pack in the page's language, unless this version is already on the device. */
async function downloadAssignedPacks(courseIds: readonly string[], locale: Locale): Promise<void> {
	const packs = createPacksRepo(localDatabase());
	for (const courseId of new Set(courseIds)) {
		const listed = catalogue.courses.find((course) => course.id === courseId);
		const entry = listed?.locales[locale];
		if (!listed || !entry) continue;
		const saved = await packs.get(courseId, locale);
		if (saved?.version === listed.version) continue;
		try {
			const pack = await downloadPack(entry.pack, entry.bytes, () => {});
			if (pack.id === courseId && pack.locale === locale) await packs.save(pack, { url: entry.pack, bytes: entry.bytes });
		} catch {
			// The next refresh tries again; the course page can still save it by hand.
		}
	}
}
