import { Dexie, type EntityTable, type Table } from 'dexie';
import type { CoursePack, Locale } from '$lib/content/pack.types';
import type { CourseEvent } from '$lib/progress/course-events';
import type { CourseSummary } from '$lib/progress/course-summary';
import type { OfflineVerifier } from '$lib/utils/offline-verifier';

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
 * A person who learns on this device. Several people may share one phone: each has a profile, one is active, and
 * events are recorded for the active one (DESIGN §4, "Several people on one device").
 */
export interface ProfileRow {
	/** The learner's person id: the subject id of every event recorded while this profile is active. */
	id: string;
	/** A guest has no account (its progress is on this device only); an account signed in here. */
	kind: 'guest' | 'account';
	displayName: string | null;
	/** What "Who is learning?" shows under the name: the phone number or username, or a child's class. */
	loginHint: string | null;
	/** What the person shows to switch to this profile: a password, or a child's pictures. Null for a guest. */
	secret: 'password' | 'pictures' | null;
	/** The profile token, sent as the bearer of this profile's API calls and sync; null when signed out by the server. */
	token: string | null;
	tokenExpiresAt: string | null;
	/** Checks the secret with no connection (`utils/offline-verifier.ts`); null for a guest. */
	verifier: OfflineVerifier | null;
	/**
	 * Guest ids this account took over when it signed in on this device (the server keeps them as aliases): their
	 * events, still stored under the guest id, are this person's, and sync sends them under this profile's token.
	 */
	aliases: string[];
	createdAt: string;
	lastUsedAt: string;
}

/** Settings keys of the profiles. */
export const ACTIVE_PROFILE_KEY = 'profiles.activeId';
/** Before profiles (database version 2), the device's one guest learner. Read once, by the upgrade to version 3. */
export const LEGACY_GUEST_KEY = 'learner.guestId';

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
	profiles!: EntityTable<ProfileRow, 'id'>;

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
		// Profiles: the guest learner of version 2 becomes the device's first profile, and the active one.
		this.version(3)
			.stores({ profiles: 'id' })
			.upgrade(async (tx) => {
				const guest = (await tx.table<SettingRow, string>('settings').get(LEGACY_GUEST_KEY)) as SettingRow | undefined;
				if (typeof guest?.value !== 'string') return;
				await tx.table<ProfileRow, string>('profiles').put(guestProfile(guest.value, null, guest.updatedAt));
				await tx.table<SettingRow, string>('settings').put({ key: ACTIVE_PROFILE_KEY, value: guest.value, updatedAt: guest.updatedAt });
			});
	}
}

/** A guest profile: no account, no secret, no token. */
export function guestProfile(id: string, displayName: string | null, at: string): ProfileRow {
	return { id, kind: 'guest', displayName, loginHint: null, secret: null, token: null, tokenExpiresAt: null, verifier: null, aliases: [], createdAt: at, lastUsedAt: at };
}

let database: TazaLocalDatabase | undefined;

/** The app's database, opened on first use (never on the server, which has no IndexedDB). */
export function localDatabase(): TazaLocalDatabase {
	database ??= new TazaLocalDatabase();
	return database;
}
