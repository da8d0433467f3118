import { eq } from 'drizzle-orm';
import type { TazaDatabase } from '../db/connection';
import { appMeta } from '../db/schema';

export function createAppMetaRepo(db: TazaDatabase) {
	return {
		async get(key: string): Promise<string | undefined> {
			return db.select({ value: appMeta.value }).from(appMeta).where(eq(appMeta.key, key)).get()?.value;
		},
		async set(key: string, value: string): Promise<void> {
			db.insert(appMeta).values({ key, value }).onConflictDoUpdate({ target: appMeta.key, set: { value } }).run();
		}
	};
}

export type AppMetaRepo = ReturnType<typeof createAppMetaRepo>;
