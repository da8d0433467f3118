import { Dexie, type EntityTable, type Table } from 'dexie';
import type { CoursePack, Locale } from '$lib/content/pack.types';
import type { CourseEvent } from '$lib/progress/course-events';
import type { CourseSummary } from '$lib/progress/course-summary';

/** A device-local preference or fact (when persistence was last asked for, …). */
export interface SettingRow {
	key: string;
	value: unknown;
	updatedAt: string;
}

/** A course pack kept on the device so the course opens offline. */
export interface SavedPackRow {
	courseId: string;
	locale: Locale;
	version: string;
	url: string;
	bytes: number;
	savedAt: string;
	pack: CoursePack;
}

/**
 * The one IndexedDB database of the app. Every `version()` stays in this file forever: a phone that skipped a
 * release must still upgrade step by step from whatever it has.
 */
export class TazaLocalDatabase extends Dexie {
	settings!: EntityTable<SettingRow, 'key'>;
	packs!: Table<SavedPackRow, [string, Locale]>;
	/** Every event recorded on this device, exactly as made; sync sends them and never rewrites them. */
	events!: EntityTable<CourseEvent, 'id'>;
	summaries!: Table<CourseSummary, [string, string]>;

	constructor(name = 'taza') {
		super(name);
		this.version(1).stores({
			settings: 'key'
		});
		this.version(2).stores({
			packs: '[courseId+locale], courseId',
			events: 'id, [subject.id+payload.courseId], type',
			summaries: '[subjectId+courseId], subjectId'
		});
	}
}

let database: TazaLocalDatabase | undefined;

/** The app's database, opened on first use (never on the server, which has no IndexedDB). */
export function localDatabase(): TazaLocalDatabase {
	database ??= new TazaLocalDatabase();
	return database;
}
