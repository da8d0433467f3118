import type Database from 'better-sqlite3';

/** How many plays took each option at each decision of a quest, and how many plays began. */
export interface QuestChoiceCounts {
	nodes: Record<string, Record<string, number>>;
	players: number;
}

/** Reads the counts ingest keeps (sync.repo.ts) and rebuilds them from the stored events. */
export function createQuestChoicesRepo(sqlite: Database.Database) {
	const choices = sqlite.prepare('select node_id as nodeId, choice_id as choiceId, count from quest_choice_counts where quest_id = ?');
	const plays = sqlite.prepare('select plays from quest_play_counts where quest_id = ?').pluck();
	return {
		async countsOf(questId: string): Promise<QuestChoiceCounts> {
			return sqlite.transaction(() => {
				const nodes: QuestChoiceCounts['nodes'] = {};
				for (const row of choices.all(questId) as { nodeId: string; choiceId: string; count: number }[]) {
					(nodes[row.nodeId] ??= {})[row.choiceId] = row.count;
				}
				return { nodes, players: (plays.get(questId) as number | undefined) ?? 0 };
			})();
		},

		/** Recounts everything from the events, in one transaction: the counts are a fold, like summaries. */
		async rebuild(): Promise<{ choices: number; plays: number }> {
			return sqlite.transaction(() => {
				sqlite.exec('delete from quest_choice_counts; delete from quest_play_counts;');
				const choiceRows = sqlite
					.prepare(
						`insert into quest_choice_counts (quest_id, node_id, choice_id, count)
						 select json_extract(body, '$.payload.questId'), json_extract(body, '$.payload.nodeId'), json_extract(body, '$.payload.choiceId'), count(*)
						 from events where type = 'quest.choice' group by 1, 2, 3`
					)
					.run().changes;
				const playRows = sqlite
					.prepare(
						`insert into quest_play_counts (quest_id, plays)
						 select json_extract(body, '$.payload.questId'), count(*) from events where type = 'quest.started' group by 1`
					)
					.run().changes;
				return { choices: choiceRows, plays: playRows };
			})();
		}
	};
}

export type QuestChoicesRepo = ReturnType<typeof createQuestChoicesRepo>;
