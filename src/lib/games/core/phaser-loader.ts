/**
 * The one door to Phaser. It is imported dynamically, so it lands in its own chunk (`game-phaser`, named in
 * vite.config.ts) that no page loads before a game needs it, and that the service worker fetches in the background
 * after the first visit instead of at install (src/service-worker.ts).
 */
export type PhaserModule = typeof import('phaser');

let loading: Promise<PhaserModule> | undefined;

/** Loads Phaser once per page; a failed load (offline before the background download finished) may be retried. */
export function loadPhaser(): Promise<PhaserModule> {
	loading ??= import('phaser').catch((error: unknown) => {
		loading = undefined;
		throw error;
	});
	return loading;
}
