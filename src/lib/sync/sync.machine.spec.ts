import { describe, expect, it, vi } from 'vitest';
import { createActor, fromPromise, SimulatedClock } from 'xstate';
import { BACKOFF_BASE_MS } from './batching';
import { PERIODIC_SYNC_MS, syncMachine } from './sync.machine';
import type { SyncRunResult } from './sync-run';

const done: SyncRunResult = { outcome: 'done', pushed: 1, pulledPages: 0, needsAttention: [] };
const failed: SyncRunResult = { outcome: 'retry', reason: 'HTTP 503', pushed: 0, pulledPages: 0, needsAttention: [] };

/** The machine with a scripted sequence of pass results and a simulated clock. */
function start(results: (SyncRunResult | Error)[]) {
	const clock = new SimulatedClock();
	const runs: number[] = [];
	const machine = syncMachine.provide({
		actors: {
			runSync: fromPromise(async () => {
				runs.push(clock.now());
				const next = results.shift() ?? done;
				if (next instanceof Error) throw next;
				return next;
			})
		}
	});
	const actor = createActor(machine, { input: { random: () => 1 }, clock });
	actor.start();
	return { actor, clock, runs };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the sync machine', () => {
	it('runs a pass on a trigger and on a timer, and waits in between', async () => {
		const { actor, clock, runs } = start([]);
		expect(actor.getSnapshot().value).toBe('idle');
		actor.send({ type: 'TRIGGER', reason: 'start' });
		await settle();
		expect(runs).toHaveLength(1);
		expect(actor.getSnapshot().value).toBe('idle');
		clock.increment(PERIODIC_SYNC_MS);
		await settle();
		expect(runs).toHaveLength(2);
	});

	it('backs off exponentially after failures, and resets after a success', async () => {
		const { actor, clock, runs } = start([failed, new Error('network'), failed, done]);
		actor.send({ type: 'TRIGGER', reason: 'start' });
		await settle();
		expect(actor.getSnapshot().value).toBe('waiting');
		expect(actor.getSnapshot().context).toMatchObject({ failures: 1, lastError: 'HTTP 503' });
		// A write does not cut a backoff short: it would hammer a struggling server.
		actor.send({ type: 'TRIGGER', reason: 'write' });
		await settle();
		expect(runs).toHaveLength(1);
		clock.increment(BACKOFF_BASE_MS);
		await settle();
		expect(actor.getSnapshot().context).toMatchObject({ failures: 2, lastError: 'network' });
		clock.increment(BACKOFF_BASE_MS * 2 - 1);
		await settle();
		expect(runs).toHaveLength(2);
		clock.increment(1);
		await settle();
		expect(runs).toHaveLength(3);
		// Coming back online does not wait out the rest.
		actor.send({ type: 'TRIGGER', reason: 'online' });
		await settle();
		expect(runs).toHaveLength(4);
		expect(actor.getSnapshot()).toMatchObject({ value: 'idle', context: { failures: 0, lastError: null } });
	});

	it('runs once more when a write arrives during a pass', async () => {
		let finish: (result: SyncRunResult) => void = () => {};
		const calls = vi.fn();
		const machine = syncMachine.provide({
			actors: {
				runSync: fromPromise(() => {
					calls();
					return new Promise<SyncRunResult>((resolve) => (finish = resolve));
				})
			}
		});
		const actor = createActor(machine, { input: { random: () => 0 } }).start();
		actor.send({ type: 'TRIGGER', reason: 'start' });
		actor.send({ type: 'TRIGGER', reason: 'write' });
		finish(done);
		await settle();
		expect(calls).toHaveBeenCalledTimes(2);
		finish(done);
		await settle();
		expect(actor.getSnapshot().value).toBe('idle');
		actor.stop();
	});

	it('stops asking once the server says the app is too old', async () => {
		const { actor, runs } = start([{ ...done, outcome: 'outdated' }]);
		actor.send({ type: 'TRIGGER', reason: 'start' });
		await settle();
		expect(actor.getSnapshot().value).toBe('outdated');
		actor.send({ type: 'TRIGGER', reason: 'retry' });
		await settle();
		expect(runs).toHaveLength(1);
	});
});
