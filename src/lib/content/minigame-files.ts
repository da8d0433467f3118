// Build-time I/O edge of the mini-game compiler: reads content/minigames/ from disk. Never bundled for the browser.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { compileMiniGame, type CompiledMiniGame } from './compile-minigame.ts';
import { compileEnvironment, readCourseSource } from './content-files.ts';
import type { ContentProblem } from './content-problem.ts';

export interface MiniGameBuild {
	games: CompiledMiniGame[];
	problems: ContentProblem[];
}

export function miniGameDirectories(root: string): string[] {
	const dir = path.join(root, 'content/minigames');
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.map((entry) => `content/minigames/${entry.name}`)
		.sort();
}

export function compileAllMiniGames(root: string): MiniGameBuild {
	const env = compileEnvironment(root);
	const games: CompiledMiniGame[] = [];
	const problems: ContentProblem[] = [];
	for (const dir of miniGameDirectories(root)) {
		// A mini-game folder has only YAML documents; the course reader reads those the same way.
		const { documents } = readCourseSource(root, dir);
		const result = compileMiniGame({ dir, documents }, env);
		if (result.ok) games.push(result.game);
		else problems.push(...result.problems);
	}
	return { games, problems };
}
