import { localDatabase, type ProfileRow } from '$lib/storage/database';
import { createSeminarsRepo } from '$lib/storage/seminars.repo';
import type { SeminarKit, SeminarListItem } from '$lib/training/seminar-kit';
import { apiGet } from '../../api-client';

/**
 * "My seminars": the server's list when there is a connection, else the seminars prepared on this device; and
 * "prepare for offline", which keeps a seminar's kit (roster, schools, check-in key) for the trainer who fetched it.
 */
export class SeminarList {
	state = $state<'loading' | 'ready' | 'offline' | 'signed-out'>('loading');
	seminars = $state.raw<SeminarListItem[]>([]);
	/** When each seminar's kit was saved on this device, by seminar id. */
	savedAt = $state.raw<Record<string, string>>({});
	preparing = $state.raw<Record<string, 'saving' | 'failed'>>({});
	#repo = createSeminarsRepo<SeminarKit>(localDatabase());

	async load(trainer: ProfileRow): Promise<void> {
		const kits = await this.#repo.kitsOf(trainer.id);
		this.savedAt = Object.fromEntries(kits.map((row) => [row.seminarId, row.savedAt]));
		const answer = trainer.token ? await apiGet<{ seminars: SeminarListItem[] }>('/api/seminars') : undefined;
		if (answer?.ok) {
			this.seminars = answer.value.seminars;
			this.state = 'ready';
			return;
		}
		this.seminars = kits.map((row) => row.kit.seminar);
		this.state = !trainer.token || answer?.status === 401 || answer?.status === 403 ? 'signed-out' : 'offline';
	}

	async prepare(trainer: ProfileRow, seminarId: string): Promise<void> {
		this.preparing = { ...this.preparing, [seminarId]: 'saving' };
		const answer = await apiGet<SeminarKit>(`/api/seminars/${encodeURIComponent(seminarId)}`);
		if (!answer.ok) {
			this.preparing = { ...this.preparing, [seminarId]: 'failed' };
			return;
		}
		await this.#repo.saveKit(seminarId, trainer.id, answer.value);
		const { [seminarId]: _done, ...rest } = this.preparing;
		this.preparing = rest;
		this.savedAt = { ...this.savedAt, [seminarId]: new Date().toISOString() };
	}
}
