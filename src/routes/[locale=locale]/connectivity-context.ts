import type { Connectivity } from '$lib/pwa/connectivity.svelte';
import { getContext, setContext } from 'svelte';

const KEY = Symbol('connectivity');

/** The layout's one watcher of online/offline, for pages whose actions need the server. */
export function provideConnectivity(connectivity: Connectivity): void {
	setContext(KEY, connectivity);
}

export function connectivity(): Connectivity {
	return getContext<Connectivity>(KEY);
}
