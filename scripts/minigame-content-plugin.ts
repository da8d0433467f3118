import path from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { describeProblems } from '../src/lib/content/content-problem.ts';
import { compileAllMiniGames, type MiniGameBuild } from '../src/lib/content/minigame-files.ts';

const LISTING = 'virtual:taza/minigames';
const LEGAL_CLAIMS = 'virtual:taza/minigame-legal-claims';
const GAME_PREFIX = 'virtual:taza/minigame/';

/**
 * Compiles content/minigames/ when the build starts and fails it on any problem. Pages get the list of games
 * (`virtual:taza/minigames`, small), each game's data as a module of its own (`virtual:taza/minigame/<id>`, imported
 * when the game opens; its chunk is named `game-data-<id>` in vite.config.ts and precached in the background), and
 * the legal statements for the content-review page.
 */
export function miniGameContent(options: { root: string }): Plugin {
	let build: MiniGameBuild | undefined;
	const compile = () => {
		const next = compileAllMiniGames(options.root);
		if (next.problems.length > 0) throw new Error(`Mini-game content has problems:\n${describeProblems(next.problems)}`);
		build = next;
		return next;
	};
	const current = () => build ?? compile();
	return {
		name: 'taza:minigame-content',
		buildStart() {
			try {
				compile();
			} catch (error) {
				this.error(error instanceof Error ? error.message : String(error));
			}
		},
		resolveId(id) {
			return id === LISTING || id === LEGAL_CLAIMS || id.startsWith(GAME_PREFIX) ? `\0${id}` : undefined;
		},
		load(id) {
			if (id === `\0${LISTING}`) return `export const miniGames = ${JSON.stringify(current().games.map((game) => game.listing))};`;
			if (id === `\0${LEGAL_CLAIMS}`) return `export const miniGameLegalClaims = ${JSON.stringify(current().games.flatMap((game) => game.legalClaims))};`;
			if (id.startsWith(`\0${GAME_PREFIX}`)) {
				const gameId = id.slice(`\0${GAME_PREFIX}`.length);
				const game = current().games.find((candidate) => candidate.data.id === gameId);
				if (!game) this.error(`no mini-game "${gameId}" in content/minigames/`);
				return `export const game = ${JSON.stringify(game.data)};`;
			}
			return undefined;
		},
		configureServer(server: ViteDevServer) {
			const dir = path.join(options.root, 'content/minigames');
			server.watcher.add(dir);
			server.watcher.on('change', (file) => {
				if (!file.startsWith(dir)) return;
				try {
					compile();
				} catch (error) {
					server.config.logger.error(error instanceof Error ? error.message : String(error));
					return;
				}
				for (const module of server.moduleGraph.idToModuleMap.values()) {
					if (module.id?.startsWith('\0virtual:taza/minigame')) server.moduleGraph.invalidateModule(module);
				}
				server.ws.send({ type: 'full-reload' });
			});
		}
	};
}
