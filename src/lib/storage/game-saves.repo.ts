/**
 * Games saved mid-way (a quest's engine snapshot and what its host keeps beside it), so a play survives a reload,
 * offline. Kept in the `settings` table under `gameSave:<id>` — no new database version for a few small rows.
 * `recordAndSave` writes a play's events and its save in one transaction: a reload never finds a save ahead of the
 * events it implies (a step recorded twice) or behind them (a step lost).
 */
import type { GameEventDraft } from '$lib/progress/game-events';
import type { Subject } from '$lib/progress/event';
import type { TazaLocalDatabase } from './database';
import type { ProgressRepo } from './progress.repo';

export interface GameSave<Meta = unknown> {
	/** The engine's persisted snapshot (JSON). */
	snapshot: unknown;
	/** What the host keeps beside it (the decisions shown, for "what others chose"). */
	meta: Meta;
	savedAt: string;
}

/** What one step of a play writes: its events, then its save — or the end of the save, when the play is over. */
export interface PlayStep<Meta = unknown> {
	events: { subject: Subject; draft: GameEventDraft; recordedBy?: string }[];
	save: { snapshot: unknown; meta: Meta } | 'clear' | 'keep';
}

const settingKey = (id: string) => `gameSave:${id}`;

/** The save of a quest played by one learner, or by one class on the teacher's screen. */
export function questSaveId(questId: string, subject: Subject): string {
	return `quest:${questId}:${subject.kind}:${subject.id}`;
}

export function createGameSavesRepo(db: TazaLocalDatabase, now: () => Date = () => new Date()) {
	async function put(id: string, snapshot: unknown, meta: unknown): Promise<void> {
		// A plain JSON copy: reactive state may hand over proxies, which IndexedDB cannot store.
		const value: GameSave = JSON.parse(JSON.stringify({ snapshot, meta, savedAt: now().toISOString() }));
		await db.settings.put({ key: settingKey(id), value, updatedAt: value.savedAt });
	}

	return {
		async get<Meta>(id: string): Promise<GameSave<Meta> | undefined> {
			return (await db.settings.get(settingKey(id)))?.value as GameSave<Meta> | undefined;
		},
		put,
		async clear(id: string): Promise<void> {
			await db.settings.delete(settingKey(id));
		},
		async recordAndSave<Meta>(progress: ProgressRepo, id: string, step: PlayStep<Meta>): Promise<void> {
			await db.transaction('rw', [db.events, db.settings, db.outbox], async () => {
				for (const { subject, draft, recordedBy } of step.events) await progress.recordGameEvent(subject, draft, recordedBy);
				if (step.save === 'clear') await db.settings.delete(settingKey(id));
				else if (step.save !== 'keep') await put(id, step.save.snapshot, step.save.meta);
			});
		}
	};
}

export type GameSavesRepo = ReturnType<typeof createGameSavesRepo>;
