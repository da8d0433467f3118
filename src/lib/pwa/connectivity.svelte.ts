/** Whether the browser believes it is online, kept current by the `online`/`offline` events. */
export class Connectivity {
	online = $state(true);

	/** Starts listening; returns the function that stops. */
	watch(target: Window = window): () => void {
		this.online = target.navigator.onLine;
		const update = () => (this.online = target.navigator.onLine);
		target.addEventListener('online', update);
		target.addEventListener('offline', update);
		return () => {
			target.removeEventListener('online', update);
			target.removeEventListener('offline', update);
		};
	}
}
