import type { TargetsReport } from '$lib/training/targets-report';
import { localDatabase } from '$lib/storage/database';
import { createProfilesRepo } from '$lib/storage/profiles.repo';
import { createSettingsRepo } from '$lib/storage/settings.repo';
import { uuidV7Generator } from '$lib/utils/ids';
import { apiGet, type ApiResult } from '../../api-client';

export type TargetsStatus = 'checking' | 'signed-out' | 'forbidden' | 'unavailable' | 'ready';

/** The report is kept per profile: another person on a shared device never sees a programme administrator's copy. */
const cacheKey = (profileId: string) => `targets-report:${profileId}`;

/**
 * Under `npm run dev` only, `?fixture` serves the report and people from the fixture, for working on the page without
 * the server's data; a production build leaves this branch out.
 */
async function fixtureGet<T>(path: string): Promise<ApiResult<T> | undefined> {
	if (!import.meta.env.DEV || !new URL(window.location.href).searchParams.has('fixture')) return undefined;
	const { FIXTURE_REPORT, fixturePeople } = await import('$lib/training/targets-report.fixture');
	const url = new URL(path, window.location.origin);
	const value = url.pathname.endsWith('/people') ? { people: fixturePeople(Object.fromEntries(url.searchParams)) } : FIXTURE_REPORT;
	return { ok: true, status: 200, value: value as T };
}

/** A programme API call, or the fixture in development. */
export async function targetsGet<T>(path: string): Promise<ApiResult<T>> {
	return (await fixtureGet<T>(path)) ?? apiGet<T>(path);
}

function activeProfileId(): Promise<string> {
	const repo = createProfilesRepo(localDatabase(), { newId: uuidV7Generator(() => Date.now(), (length) => crypto.getRandomValues(new Uint8Array(length))), now: () => new Date() });
	return repo.active().then((profile) => profile.id);
}

/**
 * The programme targets report, live: fetched on open, again when the connection returns or the page is shown again;
 * the last answer is kept on the device so that offline the page shows it, saying as of when.
 */
export class TargetsLive {
	status = $state<TargetsStatus>('checking');
	report = $state.raw<TargetsReport>();
	/** True while the report shown is the saved copy because the server could not be reached. */
	saved = $state(false);
	refreshing = $state(false);

	async load(): Promise<void> {
		if (this.refreshing) return;
		this.refreshing = true;
		try {
			const result = await targetsGet<TargetsReport>('/api/programme/targets');
			const settings = createSettingsRepo(localDatabase());
			const profileId = await activeProfileId();
			if (result.ok) {
				this.report = result.value;
				this.saved = false;
				this.status = 'ready';
				await settings.set(cacheKey(profileId), result.value);
				return;
			}
			if (result.status === 401) this.status = 'signed-out';
			else if (result.status === 403) this.status = 'forbidden';
			else {
				// No connection, or the server failed: the last figures this profile saw, marked as such.
				const kept = this.report ?? (await settings.get<TargetsReport>(cacheKey(profileId)));
				this.report = kept;
				this.saved = kept !== undefined;
				this.status = kept ? 'ready' : 'unavailable';
			}
		} finally {
			this.refreshing = false;
		}
	}

	/** Refetches when the connection comes back and when the page becomes visible; returns the function that stops. */
	watch(target: Window = window): () => void {
		const again = () => void this.load();
		const visible = () => {
			if (target.document.visibilityState === 'visible') again();
		};
		target.addEventListener('online', again);
		target.document.addEventListener('visibilitychange', visible);
		void this.load();
		return () => {
			target.removeEventListener('online', again);
			target.document.removeEventListener('visibilitychange', visible);
		};
	}
}
