/**
 * Order-insensitive building blocks for summaries (DESIGN §3). Each join below is commutative, associative and
 * idempotent, so a summary built from them is the same whatever order events arrive in, however often one is resent,
 * and whether two devices' events are folded together or folded apart and then joined.
 */

/** Combines two partial results into one; must not care which comes first or whether both are the same. */
export type Join<T> = (a: T, b: T) => T;

/** When something happened on the device, and the event id that breaks a tie between equal times. */
export interface Stamp {
	at: string;
	id: string;
}

/** Code-unit order, not localeCompare: a fold must sort the same on every device and server whatever its locale. */
export function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** Milliseconds since the epoch; an unreadable time sorts first, so it never wins "latest". */
function instantOf(at: string): number {
	const instant = Date.parse(at);
	return Number.isNaN(instant) ? Number.NEGATIVE_INFINITY : instant;
}

/** Orders by device time as an instant (so "…00Z" equals "…00.000Z"), then by event id: a total order. */
export function compareStamps(a: Stamp, b: Stamp): number {
	return instantOf(a.at) - instantOf(b.at) || compareText(a.id, b.id);
}

/** One event per id, in the order first seen; events are immutable, so any copy of an id is the event. */
export function uniqueById<T extends { id: string }>(events: readonly T[]): T[] {
	const byId = new Map<string, T>();
	for (const event of events) if (!byId.has(event.id)) byId.set(event.id, event);
	return [...byId.values()];
}

/** Set union of sorted, distinct lists, as a sorted, distinct list. */
export function unionSorted(a: readonly string[], b: readonly string[]): string[] {
	return [...new Set([...a, ...b])].sort(compareText);
}

/** Lifts a join to optional values: null means "none yet" and gives way to anything. */
export function nullable<T>(join: Join<T>): Join<T | null> {
	return (a, b) => (a === null ? b : b === null ? a : join(a, b));
}

/** The larger number; null means "none yet". */
export const maxOrNull: Join<number | null> = nullable(Math.max);

/** True once anything was true. */
export const or: Join<boolean> = (a, b) => a || b;

/** Keeps the later of two stamped values; equal times go to the larger event id. */
export function latestBy<T>(stampOf: (value: T) => Stamp): Join<T> {
	return (a, b) => (compareStamps(stampOf(a), stampOf(b)) >= 0 ? a : b);
}

/** Keeps the earlier of two stamped values; equal times go to the smaller event id. */
export function earliestBy<T>(stampOf: (value: T) => Stamp): Join<T> {
	return (a, b) => (compareStamps(stampOf(a), stampOf(b)) <= 0 ? a : b);
}

/** Joins two keyed lists item by item (an item alone is kept), sorted by key. */
export function joinByKey<T>(a: readonly T[], b: readonly T[], keyOf: (item: T) => string, join: Join<T>): T[] {
	const byKey = new Map<string, T>();
	for (const item of [...a, ...b]) {
		const key = keyOf(item);
		const existing = byKey.get(key);
		byKey.set(key, existing === undefined ? item : join(existing, item));
	}
	return [...byKey.entries()].sort(([x], [y]) => compareText(x, y)).map(([, item]) => item);
}

/** Joins two records key by key, with keys in sorted order so equal records also serialise the same. */
export function joinRecords<T>(a: Readonly<Record<string, T>>, b: Readonly<Record<string, T>>, join: Join<T>): Record<string, T> {
	const joined = new Map(Object.entries(a));
	for (const [key, value] of Object.entries(b)) {
		const existing = joined.get(key);
		joined.set(key, existing === undefined ? value : join(existing, value));
	}
	// fromEntries defines own properties, so even a key like "__proto__" stays data.
	return Object.fromEntries([...joined].sort(([x], [y]) => compareText(x, y)));
}
