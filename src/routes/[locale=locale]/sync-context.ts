import type { SyncLoop } from '$lib/sync/sync-loop.svelte';
import { getContext, setContext } from 'svelte';

const KEY = Symbol('sync');

/** The layout's one sync loop, for pages that show more of its state than the header does. */
export function provideSync(loop: SyncLoop): void {
	setContext(KEY, loop);
}

export function syncLoop(): SyncLoop {
	return getContext<SyncLoop>(KEY);
}
