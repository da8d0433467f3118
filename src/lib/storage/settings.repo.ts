import type { TazaLocalDatabase } from './database';

export function createSettingsRepo(db: TazaLocalDatabase, now: () => Date = () => new Date()) {
	return {
		async get<T>(key: string): Promise<T | undefined> {
			return (await db.settings.get(key))?.value as T | undefined;
		},
		async set(key: string, value: unknown): Promise<void> {
			await db.settings.put({ key, value, updatedAt: now().toISOString() });
		}
	};
}

export type SettingsRepo = ReturnType<typeof createSettingsRepo>;
