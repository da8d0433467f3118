/**
 * Asks the service worker to fetch what it left out of the install (Phaser and the games' data, src/service-worker.ts)
 * once this page is idle, so the download never competes with the page a person is opening. Skipped when they asked
 * the browser to save data: a game then fetches what it needs when it is opened.
 */
export function requestDeferredPrecache(): () => void {
	let cancelled = false;
	let cancelWait: (() => void) | undefined;
	const connection = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection;
	if (!('serviceWorker' in navigator) || connection?.saveData) return () => {};
	void navigator.serviceWorker.ready.then((registration) => {
		if (cancelled) return;
		const ask = () => registration.active?.postMessage({ type: 'PRECACHE_DEFERRED' });
		if (typeof window.requestIdleCallback === 'function') {
			const handle = window.requestIdleCallback(ask, { timeout: 10_000 });
			cancelWait = () => window.cancelIdleCallback(handle);
		} else {
			// Safari has no idle callback: a few seconds after load is idle enough.
			const handle = setTimeout(ask, 3_000);
			cancelWait = () => clearTimeout(handle);
		}
	});
	return () => {
		cancelled = true;
		cancelWait?.();
	};
}
