/** Pure rules of the sync loop: how big a batch is, how long to wait after a failure. */

/** A batch fits in one push: at most `maxEvents`, and at most `maxBytes` of events (at least one, however big). */
export function takeBatch<Row extends { bytes: number }>(rows: readonly Row[], maxBytes: number, maxEvents: number): Row[] {
	const batch: Row[] = [];
	let bytes = 0;
	for (const row of rows) {
		if (batch.length >= maxEvents || (batch.length > 0 && bytes + row.bytes > maxBytes)) break;
		batch.push(row);
		bytes += row.bytes;
	}
	return batch;
}

export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_CAP_MS = 5 * 60_000;

/**
 * Exponential backoff with "equal jitter": half the exponential delay plus a random half, so devices that lost the
 * link together do not all come back in the same second. `attempt` counts failures in a row, from 1.
 */
export function retryDelay(attempt: number, random: () => number): number {
	const exponential = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1));
	return Math.round(exponential / 2 + (random() * exponential) / 2);
}
