import { localDatabase } from '$lib/storage/database';
import { createAssignmentsRepo, type AssignmentsRepo } from '$lib/storage/assignments.repo';
import { ensureLocalIdentity } from '$lib/storage/local-identity';
import { createProfilesRepo } from '$lib/storage/profiles.repo';
import { createProgressRepo, type ProgressRepo } from '$lib/storage/progress.repo';
import { createSettingsRepo } from '$lib/storage/settings.repo';
import type { ProfileRow } from '$lib/storage/database';
import { fetchAs } from '$lib/sync/profile-fetch';
import { requestSync } from '$lib/sync/sync-loop.svelte';
import type { AssignmentVerdict } from '$lib/progress/training-events';
import { checkReview, withLocalReviews, type ReviewProblem, type SeminarSubmissions, type SubmissionForReview } from '$lib/training/submissions';
import { uuidV7Generator } from '$lib/utils/ids';

/**
 * A trainer reviewing a seminar's practical assignments, offline too: the list and its photos are kept on the device
 * each time they are fetched; a decision is an `assignment.reviewed` event recorded here (the trainer's person id in
 * `recordedBy`, the participant as subject) and pushed under the trainer's token when there is a connection.
 */
export class ReviewSession {
	state = $state<'loading' | 'ready' | 'refused' | 'nothing' | 'missing'>('loading');
	data = $state.raw<SeminarSubmissions>();
	fetchedAt = $state<string | null>(null);
	/** The list shown is the one kept on the device, because the server could not be reached. */
	fromCache = $state(false);
	submissions = $state.raw<SubmissionForReview[]>([]);
	photoUrls = $state<Record<string, string>>({});
	newId: () => string = uuidV7Generator(() => Date.now(), (length) => crypto.getRandomValues(new Uint8Array(length)));
	#profile: ProfileRow | undefined;
	#repo: AssignmentsRepo | undefined;
	#progress: ProgressRepo | undefined;

	async open(seminarId: string): Promise<void> {
		const db = localDatabase();
		const identity = await ensureLocalIdentity(createSettingsRepo(db), this.newId);
		this.#profile = await createProfilesRepo(db, { newId: this.newId, now: () => new Date() }).active();
		this.#repo = createAssignmentsRepo(db);
		this.#progress = createProgressRepo(db, { deviceId: identity.deviceId, newId: this.newId, now: () => new Date() });
		const key = `seminar:${seminarId}`;
		const kept = await this.#repo.cached<SeminarSubmissions>(key);
		let refused = false;
		try {
			const response = await fetchAs(this.#profile, `/api/seminars/${encodeURIComponent(seminarId)}/submissions`);
			if (response.ok) {
				this.data = (await response.json()) as SeminarSubmissions;
				await this.#repo.cache(key, this.data);
				this.fetchedAt = new Date().toISOString();
				this.fromCache = false;
			} else if (response.status === 401 || response.status === 403 || response.status === 404) refused = true;
		} catch {
			// Offline: the kept list serves.
		}
		if (!this.data && kept) {
			this.data = kept.value;
			this.fetchedAt = kept.fetchedAt;
			this.fromCache = true;
		}
		await this.#refresh();
		this.state = this.data ? 'ready' : refused ? 'refused' : 'nothing';
		if (this.data) await this.#keepPhotos(this.data.submissions.flatMap((submission) => submission.attachments));
	}

	/** Records the decision on this device; returning needs a comment. */
	async review(submission: SubmissionForReview, verdict: AssignmentVerdict, comment: string): Promise<ReviewProblem | 'save-failed' | null> {
		const problem = checkReview(verdict, comment);
		if (problem) return problem;
		if (!this.#profile || !this.#progress) return 'save-failed';
		try {
			await this.#progress.recordTrainingEvent(
				{ kind: 'learner', id: submission.personId },
				{ type: 'assignment.reviewed', payload: { programmeId: submission.programmeId, submissionId: submission.submissionId, verdict, comment: comment.trim() } },
				{ recordedBy: this.#profile.id }
			);
		} catch {
			return 'save-failed';
		}
		requestSync('write');
		await this.#refresh();
		return null;
	}

	dispose(): void {
		for (const url of Object.values(this.photoUrls)) URL.revokeObjectURL(url);
	}

	async #refresh(): Promise<void> {
		if (!this.data || !this.#repo || !this.#profile) return;
		const mine = await this.#repo.reviewsBy(this.#profile.id, this.data.programmeId);
		this.submissions = withLocalReviews(
			this.data.submissions,
			mine.map((event) => ({ personId: event.subject.id, eventId: event.id, at: event.at, reviewerId: event.recordedBy ?? null, payload: event.payload }))
		);
	}

	/** Photos from the device when kept, else fetched once and kept, so the review works offline afterwards. */
	async #keepPhotos(hashes: readonly string[]): Promise<void> {
		if (!this.#repo || !this.#profile) return;
		for (const sha256 of hashes) {
			if (this.photoUrls[sha256]) continue;
			let row = await this.#repo.attachment(sha256);
			if (!row) {
				try {
					const response = await fetchAs(this.#profile, `/api/attachments/${sha256}`);
					if (!response.ok) continue;
					await this.#repo.keepPhoto(sha256, await response.blob(), response.headers.get('content-type') ?? 'image/jpeg');
					row = await this.#repo.attachment(sha256);
				} catch {
					continue;
				}
			}
			if (row) this.photoUrls = { ...this.photoUrls, [sha256]: URL.createObjectURL(row.blob) };
		}
	}
}
