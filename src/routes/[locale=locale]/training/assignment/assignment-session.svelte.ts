import type { CatalogueCourse, CoursePack, Locale } from '$lib/content/pack.types';
import type { ProfileRow } from '$lib/storage/database';
import { localDatabase } from '$lib/storage/database';
import { createAssignmentsRepo, type AssignmentsRepo } from '$lib/storage/assignments.repo';
import { ensureLocalIdentity } from '$lib/storage/local-identity';
import { downloadPack } from '$lib/storage/pack-download';
import { createPacksRepo } from '$lib/storage/packs.repo';
import { subjectIdsOf } from '$lib/storage/profile-rules';
import { createProfilesRepo } from '$lib/storage/profiles.repo';
import { createProgressRepo, type ProgressRepo } from '$lib/storage/progress.repo';
import { createSettingsRepo } from '$lib/storage/settings.repo';
import { fetchAs } from '$lib/sync/profile-fetch';
import { requestSync } from '$lib/sync/sync-loop.svelte';
import { checkSubmission, composeAnswers, ownAssignment, type OwnAssignment, type SubmissionProblem } from '$lib/training/assignment-draft';
import { recordsOf, type ReviewRecord, type SubmissionForReview, type SubmittedRecord } from '$lib/training/submissions';
import { uuidV7Generator } from '$lib/utils/ids';
import { preparePhoto } from './photo-prepare';

/** Text of a rendered pack text, for a heading inside the submitted plan. */
const plain = (html: string | undefined) => (html ? (new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '').trim() : '');

/**
 * The participant's practical assignment on this device: the pack's template, a draft kept in IndexedDB as they
 * write, photos resized and kept by hash, and "submit" recorded as an event offline. Where it stands comes from the
 * events recorded here and, when online, from the server (a trainer reviews it on their own device).
 */
export class AssignmentSession {
	state = $state<'loading' | 'ready' | 'unavailable'>('loading');
	pack = $state.raw<CoursePack>();
	plan = $state<Record<string, string>>({});
	reflection = $state<Record<string, string>>({});
	photos = $state<string[]>([]);
	photoUrls = $state<Record<string, string>>({});
	own = $state.raw<OwnAssignment>(ownAssignment([], []));
	problems = $state.raw<SubmissionProblem[]>([]);
	photoBusy = $state(false);
	photoFailed = $state(false);
	/** Photos the server refused for good when they were sent (`markRefused`). */
	refusedPhotos = $state<string[]>([]);
	saveFailed = $state(false);
	/** The profile has an account: its submission and photos can reach the trainer. */
	canSync = $state(false);
	newId: () => string = uuidV7Generator(() => Date.now(), (length) => crypto.getRandomValues(new Uint8Array(length)));
	#profile: ProfileRow | undefined;
	#repo: AssignmentsRepo | undefined;
	#progress: ProgressRepo | undefined;
	#programmeId = '';
	#server: SubmissionForReview | null = null;

	async open(course: CatalogueCourse, locale: Locale): Promise<void> {
		const db = localDatabase();
		const identity = await ensureLocalIdentity(createSettingsRepo(db), this.newId);
		this.#profile = await createProfilesRepo(db, { newId: this.newId, now: () => new Date() }).active();
		this.#repo = createAssignmentsRepo(db);
		this.#progress = createProgressRepo(db, { deviceId: identity.deviceId, newId: this.newId, now: () => new Date() });
		this.#programmeId = course.id;
		this.canSync = this.#profile.token !== null;

		const packs = createPacksRepo(db);
		let pack = (await packs.get(course.id, locale))?.pack;
		const listed = course.locales[locale];
		if (!pack || pack.version !== course.version) {
			try {
				const fresh = await downloadPack(listed.pack, listed.bytes, () => {});
				await packs.save(fresh, { url: listed.pack, bytes: listed.bytes });
				pack = fresh;
			} catch {
				// Offline with an older saved version: its template still serves.
			}
		}
		this.pack = pack;
		const draft = await this.#repo.draft(this.#profile.id, this.#programmeId);
		this.plan = { ...draft?.plan };
		this.reflection = { ...draft?.reflection };
		this.photos = [...(draft?.photos ?? [])];
		for (const sha256 of this.photos) await this.#showPhoto(sha256);
		this.#server = (await this.#repo.cached<SubmissionForReview | null>(this.#ownKey()))?.value ?? null;
		await this.#refreshState();
		await this.#checkRefused();
		this.state = pack?.assignment ? 'ready' : 'unavailable';
		void this.refreshFromServer();
	}

	/** A review made on the trainer's device reaches this one through the server, when there is a connection. */
	async refreshFromServer(): Promise<void> {
		if (!this.#profile?.token || !this.#repo) return;
		try {
			const response = await fetchAs(this.#profile, `/api/me/submissions?programme=${encodeURIComponent(this.#programmeId)}`);
			if (!response.ok) return;
			this.#server = ((await response.json()) as { submission: SubmissionForReview | null }).submission;
			await this.#repo.cache(this.#ownKey(), this.#server);
			await this.#refreshState();
			await this.#checkRefused();
		} catch {
			// Offline: what this device knows stands.
		}
	}

	async saveDraft(): Promise<void> {
		if (!this.#profile || !this.#repo) return;
		try {
			await this.#repo.saveDraft({ profileId: this.#profile.id, programmeId: this.#programmeId, plan: { ...this.plan }, reflection: { ...this.reflection }, photos: [...this.photos] });
			this.saveFailed = false;
		} catch {
			this.saveFailed = true;
		}
	}

	async addPhotos(files: readonly File[]): Promise<void> {
		if (!this.#repo) return;
		this.photoBusy = true;
		this.photoFailed = false;
		try {
			for (const file of files) {
				const prepared = await preparePhoto(file);
				await this.#repo.keepPhoto(prepared.sha256, prepared.blob, prepared.contentType);
				if (!this.photos.includes(prepared.sha256)) this.photos = [...this.photos, prepared.sha256];
				await this.#showPhoto(prepared.sha256);
			}
		} catch {
			this.photoFailed = true;
		} finally {
			this.photoBusy = false;
			await this.saveDraft();
		}
	}

	async removePhoto(sha256: string): Promise<void> {
		this.photos = this.photos.filter((photo) => photo !== sha256);
		await this.saveDraft();
	}

	/** Records the submission (offline too) with a fresh id; photos queue for upload in the same transaction. */
	async submit(): Promise<boolean> {
		const assignment = this.pack?.assignment;
		if (!assignment || !this.#profile || !this.#repo || !this.#progress || !this.own.canSubmit) return false;
		const texts = this.pack!.texts;
		const lessonPlan = composeAnswers(assignment.plan.map((field) => field.id), this.plan, (id) => plain(texts[`assignment.plan.${id}`]));
		const reflection = composeAnswers(assignment.reflection, this.reflection, (id) => plain(texts[`assignment.reflection.${id}`]));
		this.problems = checkSubmission(assignment, { plan: this.plan, reflection: this.reflection, photos: this.photos }, { lessonPlan, reflection });
		if (this.problems.length > 0) return false;
		await this.saveDraft();
		try {
			await this.#repo.submit(this.#progress, this.#profile.id, { programmeId: this.#programmeId, submissionId: this.newId(), lessonPlan, reflection, attachments: [...this.photos] });
		} catch {
			this.saveFailed = true;
			return false;
		}
		requestSync('write');
		await this.#refreshState();
		return true;
	}

	dispose(): void {
		for (const url of Object.values(this.photoUrls)) URL.revokeObjectURL(url);
	}

	#ownKey(): string {
		return `own:${this.#profile?.id}:${this.#programmeId}`;
	}

	async #showPhoto(sha256: string): Promise<void> {
		if (this.photoUrls[sha256] || !this.#repo) return;
		const row = await this.#repo.attachment(sha256);
		if (row) this.photoUrls = { ...this.photoUrls, [sha256]: URL.createObjectURL(row.blob) };
	}

	async #checkRefused(): Promise<void> {
		const refused: string[] = [];
		for (const sha256 of this.photos) if ((await this.#repo?.attachment(sha256))?.refused) refused.push(sha256);
		this.refusedPhotos = refused;
	}

	async #refreshState(): Promise<void> {
		if (!this.#profile || !this.#repo) return;
		const subjectIds = subjectIdsOf(this.#profile);
		const local = await this.#repo.events(subjectIds, this.#programmeId);
		// Every record is this participant's: one person id, so their own and the server's fold together.
		const me = this.#profile.id;
		const submitted: SubmittedRecord[] = local.submitted.map((event) => ({ personId: me, eventId: event.id, at: event.at, payload: event.payload }));
		const reviews: ReviewRecord[] = local.reviewed.map((event) => ({ personId: me, eventId: event.id, at: event.at, reviewerId: event.recordedBy ?? null, payload: event.payload }));
		if (this.#server) {
			const fromServer = recordsOf({ ...this.#server, personId: me });
			submitted.push(fromServer.submitted);
			reviews.push(...fromServer.reviews);
		}
		this.own = ownAssignment(submitted, reviews);
	}
}
