import { requestPersistenceOnce } from './persistence';

let pending: ReturnType<typeof requestPersistenceOnce> | undefined;

/**
 * The page's one request for persistent storage, shared by the app shell and the settings page so the settings page
 * shows the answer rather than racing it. The local database loads lazily: it is not needed for the first paint.
 */
export function askForPersistentStorageOnce(): ReturnType<typeof requestPersistenceOnce> {
	pending ??= (async () => {
		const [{ localDatabase }, { createSettingsRepo }] = await Promise.all([
			import('./database'),
			import('./settings.repo')
		]);
		return requestPersistenceOnce(navigator.storage, createSettingsRepo(localDatabase()));
	})();
	return pending;
}
