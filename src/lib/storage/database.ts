import { Dexie, type EntityTable, type Table } from 'dexie';
import type { CoursePack, FacilitatorPack, Locale } from '$lib/content/pack.types';
import type { CourseEvent } from '$lib/progress/course-events';
import type { ProgressEvent } from '$lib/progress/progress-event';
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

/** A course's facilitator guides kept on a trainer's device, so a seminar runs with no signal. */
export interface SavedFacilitatorPackRow {
	courseId: string;
	locale: Locale;
	version: string;
	url: string;
	bytes: number;
	savedAt: string;
	pack: FacilitatorPack;
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

/**
 * An event not yet acknowledged by the server (DESIGN §4, G2): written in the same transaction as the event, removed
 * only when a push answer says the server holds it. The event itself stays in `events` for ever.
 */
export interface OutboxRow {
	/** The event's id. */
	id: string;
	/** Whose token pushes it: the recorder's person id when someone recorded it for a class, else the subject id (a profile, or a guest id it took over). */
	subjectId: string;
	/** Its JSON size, for batches sized by bytes. */
	bytes: number;
	queuedAt: string;
}

/** Where a profile's device stands in one partition: the last change it applied (G6: never ahead of its data). */
export interface CursorRow {
	profileId: string;
	partition: string;
	cursor: number;
	updatedAt: string;
}

/** A summary pulled from a partition the profile reads but does not own: a teacher's class, an organisation. */
export interface PulledSummaryRow {
	profileId: string;
	partition: string;
	subjectId: string;
	courseId: string;
	summary: CourseSummary;
}

/**
 * A seminar's kit kept on a trainer's device ("prepare for offline"), so the seminar runs with no signal. Storage keeps
 * it as the server sent it; its shape is training's (`training/seminar-kit.ts`), which storage may not import.
 */
export interface SeminarKitRow<Kit = unknown> {
	seminarId: string;
	/** The trainer profile that prepared it (its token fetched the kit, with the check-in key). */
	trainerId: string;
	savedAt: string;
	kit: Kit;
}

/**
 * A person a trainer registered for a seminar on this device: scanned (an existing person) or created on the spot
 * (`provisional`, with a person id made here). Kept for the roster; `sentAt` is null while it waits in the queue for
 * `POST /api/seminars/:id/participants`, which the sync pass sends before the events.
 */
export interface SeminarRegistrationRow {
	seminarId: string;
	personId: string;
	/** Whose token sends it: the trainer profile that registered the person. */
	trainerId: string;
	displayName: string;
	schoolCode: string | null;
	/** Only for a person created on the spot: what the server needs to create them. */
	provisional: { displayName: string; phone: string | null; schoolCode: string } | null;
	registeredAt: string;
	sentAt: string | null;
}

/**
 * A photo kept on the device by its SHA-256 (DESIGN §3): one a participant attached (resized here), or one a trainer's
 * device fetched to review offline. `uploadOwner` — the profile whose token sends it — is set while it waits to be
 * uploaded (an assignment naming it was submitted) and removed once the server holds it.
 */
export interface AttachmentRow {
	sha256: string;
	blob: Blob;
	contentType: string;
	bytes: number;
	createdAt: string;
	uploadOwner?: string;
	uploadedAt: string | null;
	/** The server refused it for good (too large, not a photo): kept for the person to see, never resent. */
	refused?: string;
}

/** A practical assignment being written on this device: kept after submitting, so a returned one is reworked from it. */
export interface AssignmentDraftRow {
	profileId: string;
	programmeId: string;
	plan: Record<string, string>;
	reflection: Record<string, string>;
	/** Attached photos, in order, by hash (their bytes are in `attachments`). */
	photos: string[];
	updatedAt: string;
}

/** An answer fetched for offline use: a seminar's submissions for a trainer, a participant's own review. */
export interface AssignmentCacheRow {
	key: string;
	fetchedAt: string;
	value: unknown;
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
	/** Course and game events alike: the outbox and sync treat them the same. */
	events!: EntityTable<ProgressEvent, 'id'>;
	summaries!: Table<CourseSummary, [string, string]>;
	profiles!: EntityTable<ProfileRow, 'id'>;
	outbox!: EntityTable<OutboxRow, 'id'>;
	cursors!: Table<CursorRow, [string, string]>;
	pulledSummaries!: Table<PulledSummaryRow, [string, string, string, string]>;
	facilitatorPacks!: Table<SavedFacilitatorPackRow, [string, Locale]>;
	seminarKits!: EntityTable<SeminarKitRow, 'seminarId'>;
	seminarRegistrations!: Table<SeminarRegistrationRow, [string, string]>;
	attachments!: EntityTable<AttachmentRow, 'sha256'>;
	assignmentDrafts!: Table<AssignmentDraftRow, [string, string]>;
	assignmentCache!: EntityTable<AssignmentCacheRow, 'key'>;

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
		// Sync: every event recorded before it existed is still to be sent, so the upgrade queues them all.
		this.version(4)
			.stores({
				outbox: 'id, subjectId',
				cursors: '[profileId+partition], profileId',
				pulledSummaries: '[profileId+partition+subjectId+courseId], [profileId+partition]'
			})
			.upgrade(async (tx) => {
				const queuedAt = new Date().toISOString();
				await tx
					.table<CourseEvent, string>('events')
					.each((event) => tx.table<OutboxRow, string>('outbox').put(outboxRow(event, queuedAt)));
			});
		// Facilitator guides for trainers: a pack per course and locale, apart from the course packs learners keep.
		this.version(5).stores({
			facilitatorPacks: '[courseId+locale]'
		});
		// Seminars on a trainer's device: kits for offline check-in, and the people registered here (queued for the server).
		this.version(6).stores({
			seminarKits: 'seminarId',
			seminarRegistrations: '[seminarId+personId], seminarId, trainerId'
		});
		// Practical assignments: photos by content hash (and the upload queue), drafts, and what a review needs offline.
		this.version(7).stores({
			attachments: 'sha256, uploadOwner',
			assignmentDrafts: '[profileId+programmeId]',
			assignmentCache: 'key'
		});
		// A tab still holding an older version would block the upgrade another tab needs: it steps aside and reloads.
		this.on('versionchange', () => {
			this.close();
			if (typeof location !== 'undefined') location.reload();
			return false;
		});
	}
}

/**
 * The outbox row's `subjectId` names the profile whose token must push the event: the recorder's when someone records
 * for a class or a seminar (their person id in `recordedBy`), else the subject's own.
 */
export function outboxRow(event: ProgressEvent, queuedAt: string): OutboxRow {
	return { id: event.id, subjectId: event.recordedBy ?? event.subject.id, bytes: JSON.stringify(event).length, queuedAt };
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
