import type { SettingsRepo } from './settings.repo';

/** What the settings page shows about this device's storage. */
export interface StorageStatus {
	persistence: 'granted' | 'refused' | 'unsupported';
	usageBytes?: number;
	quotaBytes?: number;
}

/** The part of `navigator.storage` we use; injected so the rules run without a browser. */
export type StorageManagerLike = Partial<Pick<StorageManager, 'persist' | 'persisted' | 'estimate'>>;

const ASKED_KEY = 'storage.persistenceAskedAt';

export async function readStorageStatus(storage: StorageManagerLike | undefined): Promise<StorageStatus> {
	const persistence = !storage?.persisted ? 'unsupported' : (await storage.persisted()) ? 'granted' : 'refused';
	const estimate = storage?.estimate ? await storage.estimate().catch(() => undefined) : undefined;
	return { persistence, usageBytes: estimate?.usage, quotaBytes: estimate?.quota };
}

/** Asks the browser not to evict our data; `persist()` may prompt (Firefox), so the app asks unprompted only once. */
export async function requestPersistence(storage: StorageManagerLike | undefined): Promise<StorageStatus['persistence']> {
	if (!storage?.persist) return 'unsupported';
	return (await storage.persist()) ? 'granted' : 'refused';
}

export async function requestPersistenceOnce(
	storage: StorageManagerLike | undefined,
	settings: SettingsRepo,
	now: () => Date = () => new Date()
): Promise<StorageStatus['persistence'] | 'already-asked'> {
	if (storage?.persisted && (await storage.persisted())) return 'granted';
	if (await settings.get<string>(ASKED_KEY)) return 'already-asked';
	const result = await requestPersistence(storage);
	await settings.set(ASKED_KEY, now().toISOString());
	return result;
}

/** The share of the quota in use, in percent, at least 1 so a fresh install still shows a sliver. */
export function usedPercent(usageBytes: number, quotaBytes: number): number {
	if (quotaBytes <= 0) return 100;
	return Math.max(1, Math.min(100, (usageBytes / quotaBytes) * 100));
}
