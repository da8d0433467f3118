/**
 * The sync loop's decisions as an xstate machine (DESIGN §4): when to run a pass, how long to wait after a failure,
 * and when to stop asking the server (an app too old for it). The pass itself (`runSync`) is provided by the host,
 * so the machine is pure and runs in tests with a simulated clock.
 */
import { assign, fromPromise, setup } from 'xstate';
import { retryDelay } from './batching';
import type { SyncRunResult } from './sync-run';

/** Even with no trigger, a device looks every few minutes: a teacher's class fills in while the page is open. */
export const PERIODIC_SYNC_MS = 3 * 60_000;

export type SyncTrigger = 'start' | 'online' | 'visible' | 'timer' | 'write' | 'retry';

export interface SyncContext {
	/** Failed passes in a row; the backoff grows with it. */
	failures: number;
	lastError: string | null;
	/** A trigger arrived during a pass: run once more right after, so a write is never left waiting for the timer. */
	again: boolean;
	lastResult: SyncRunResult | null;
	random: () => number;
}

export type SyncEvent = { type: 'TRIGGER'; reason: SyncTrigger };

export const syncMachine = setup({
	types: {
		context: {} as SyncContext,
		events: {} as SyncEvent,
		input: {} as { random: () => number }
	},
	actors: {
		runSync: fromPromise<SyncRunResult>(async () => {
			throw new Error('the host provides runSync');
		})
	},
	delays: {
		backoff: ({ context }) => retryDelay(context.failures, context.random),
		periodic: PERIODIC_SYNC_MS
	},
	guards: {
		outdated: ({ event }) => (event as unknown as { output: SyncRunResult }).output.outcome === 'outdated',
		failed: ({ event }) => (event as unknown as { output: SyncRunResult }).output.outcome === 'retry',
		runAgain: ({ context }) => context.again,
		/** Coming back online, or a person pressing "retry", is worth more than the rest of a backoff. */
		urgent: ({ event }) => event.reason === 'online' || event.reason === 'retry'
	}
}).createMachine({
	id: 'sync',
	context: ({ input }) => ({ failures: 0, lastError: null, again: false, lastResult: null, random: input.random }),
	initial: 'idle',
	states: {
		idle: {
			on: { TRIGGER: 'syncing' },
			after: { periodic: 'syncing' }
		},
		syncing: {
			entry: assign({ again: false }),
			on: { TRIGGER: { actions: assign({ again: true }) } },
			invoke: {
				src: 'runSync',
				onDone: [
					{ guard: 'outdated', target: 'outdated', actions: assign({ lastResult: ({ event }) => event.output }) },
					{
						guard: 'failed',
						target: 'waiting',
						actions: assign({
							failures: ({ context }) => context.failures + 1,
							lastError: ({ event }) => event.output.reason ?? 'failed',
							lastResult: ({ event }) => event.output
						})
					},
					{
						guard: 'runAgain',
						target: 'syncing',
						reenter: true,
						actions: assign({ failures: 0, lastError: null, lastResult: ({ event }) => event.output })
					},
					{ target: 'idle', actions: assign({ failures: 0, lastError: null, lastResult: ({ event }) => event.output }) }
				],
				onError: {
					target: 'waiting',
					actions: assign({
						failures: ({ context }) => context.failures + 1,
						lastError: ({ event }) => (event.error instanceof Error ? event.error.message : String(event.error))
					})
				}
			}
		},
		waiting: {
			after: { backoff: 'syncing' },
			on: { TRIGGER: { guard: 'urgent', target: 'syncing' } }
		},
		/** The server asked for a newer app: nothing more is sent until the page reloads with one. Events stay. */
		outdated: {}
	}
});
