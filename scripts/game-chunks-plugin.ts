import type { Plugin } from 'vite';

/** Chunks named `game-…` (Phaser, mini-game data) are left out of the install-time precache (src/service-worker.ts). */
export const GAME_CHUNK_PREFIX = 'game-';

/**
 * SvelteKit names client chunks by hash alone (`_app/immutable/chunks/[hash].js`). This keeps that for every chunk
 * but the ones named `game-…` in vite.config.ts, which become `_app/immutable/chunks/game-phaser.[hash].js`: the
 * service worker recognises them by that stable prefix, and the hash still changes when their content does.
 */
export function gameChunkNames(): Plugin {
	return {
		name: 'taza:game-chunk-names',
		apply: 'build',
		outputOptions(options) {
			const original = options.chunkFileNames;
			// The client build only; the server's chunks keep their names.
			if (typeof original !== 'string' || !original.startsWith('_app/')) return null;
			return {
				...options,
				chunkFileNames: (chunk) =>
					chunk.name.startsWith(GAME_CHUNK_PREFIX) ? original.replace('[hash]', `${chunk.name}.[hash]`) : original
			};
		}
	};
}
