import type { Workbox } from 'workbox-window';

/**
 * Registers the service worker and notices when a newer one is installed and waiting. The new version takes over only
 * when the person says so, so a lesson in progress is never reloaded under them.
 */
export class ServiceWorkerUpdates {
	updateReady = $state(false);
	/** True once registration finished and updates are being watched. */
	watching = $state(false);
	#workbox: Workbox | undefined;

	async register(scriptUrl = '/service-worker.js'): Promise<void> {
		if (!('serviceWorker' in navigator)) return;
		// Loaded after the first paint: the page must not wait for update plumbing.
		const { Workbox } = await import('workbox-window');
		const workbox = new Workbox(scriptUrl);
		workbox.addEventListener('waiting', () => (this.updateReady = true));
		this.#workbox = workbox;
		const registration = await workbox.register();
		// A worker that finished installing while this page was still loading is waiting already.
		if (registration?.waiting && navigator.serviceWorker.controller) this.updateReady = true;
		this.watching = true;
	}

	/** Lets the waiting worker take control, then reloads once it does. */
	applyUpdate(): void {
		const workbox = this.#workbox;
		if (!workbox) return;
		workbox.addEventListener('controlling', () => window.location.reload());
		workbox.messageSkipWaiting();
	}
}
