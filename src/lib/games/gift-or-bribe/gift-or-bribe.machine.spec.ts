import { describe, expect, it } from 'vitest';
import { createActor, SimulatedClock } from 'xstate';
import { gameEventSchema } from '../../progress/game-events';
import { cardById } from './rules';
import { sortGame } from '../../../../tests/support/minigame-fixtures';
import { currentRound, giftOrBribeMachine, TICK_MS, type GiftOrBribeEmitted } from './gift-or-bribe.machine';

const PLAY_ID = '0190a5b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b';

/** A player at the game: a headless driver that reads like what a person does. */
function player(options: { untimed?: boolean } = {}) {
	const clock = new SimulatedClock();
	let seed = 7;
	const actor = createActor(giftOrBribeMachine, {
		input: { game: sortGame, newPlayId: () => PLAY_ID, newSeed: () => seed++, untimed: options.untimed },
		clock
	});
	const rounds: GiftOrBribeEmitted['draft'][] = [];
	actor.on('round', (event) => rounds.push(event.draft));
	actor.start();
	const snapshot = () => actor.getSnapshot();
	const driver = {
		actor,
		clock,
		rounds,
		context: () => snapshot().context,
		flow: () => (snapshot().value as { flow: string }).flow,
		pace: () => (snapshot().matches({ pace: 'timed' }) ? 'timed' : 'untimed'),
		currentCard: () => cardById(sortGame, snapshot().context.deck[snapshot().context.index]!),
		send: (event: Parameters<typeof actor.send>[0]) => (actor.send(event), driver),
		start: (level = 1) => driver.send({ type: 'START', level }),
		answerRight: () => driver.send({ type: 'ANSWER', category: driver.currentCard().answer }),
		answerWrong: () => driver.send({ type: 'ANSWER', category: driver.currentCard().answer === 'gift' ? 'bribe' : 'gift' }),
		next: () => driver.send({ type: 'NEXT' }),
		/** Time passes. A simulated clock fires each timer once per step, so it moves a tick at a time, as real time does. */
		wait: (ms: number) => {
			for (let left = ms; left > 0; left -= TICK_MS) clock.increment(Math.min(TICK_MS, left));
			return driver;
		}
	};
	return driver;
}

describe('the "Gift or bribe?" machine', () => {
	it('starts at the intro with the clock on but not ticking, and deals a round on START', () => {
		const game = player();
		expect(game.actor.getSnapshot().value).toEqual({ flow: 'intro', pace: { timed: 'waiting' } });
		game.start(1);
		expect(game.actor.getSnapshot().value).toEqual({ flow: 'card', pace: { timed: 'running' } });
		expect(game.context()).toMatchObject({ level: 1, index: 0, answers: [], remainingMs: 10_000, playId: PLAY_ID, seed: 7 });
		expect(game.context().deck).toHaveLength(3);
	});

	it('ticks only while a card is up', () => {
		const game = player().start(1).answerRight();
		expect(game.actor.getSnapshot().value).toEqual({ flow: 'feedback', pace: { timed: 'waiting' } });
		game.next();
		expect(game.actor.getSnapshot().value).toEqual({ flow: 'card', pace: { timed: 'running' } });
	});

	it('ignores a level that does not exist and a category that is not one', () => {
		const game = player().start(9);
		expect(game.flow()).toBe('intro');
		game.start(1).send({ type: 'ANSWER', category: 'maybe' });
		expect(game.flow()).toBe('card');
	});

	it('explains each answer, then moves to the next card with a full clock', () => {
		const game = player().start(1).wait(3_000);
		expect(game.context().remainingMs).toBe(7_000);
		game.answerRight();
		expect(game.flow()).toBe('feedback');
		expect(game.context().answers).toEqual([{ itemId: game.context().deck[0], response: expect.any(String), correct: true }]);
		// The clock does not run while the explanation is read.
		game.wait(30_000);
		expect(game.flow()).toBe('feedback');
		game.next();
		expect(game.flow()).toBe('card');
		expect(game.context()).toMatchObject({ index: 1, remainingMs: 10_000 });
	});

	it('counts a card as missed when its time runs out', () => {
		const game = player().start(1).wait(10_000 - TICK_MS);
		expect(game.flow()).toBe('card');
		game.wait(TICK_MS);
		expect(game.flow()).toBe('feedback');
		expect(game.context().answers[0]).toMatchObject({ response: 'timeout', correct: false });
		expect(game.context().remainingMs).toBe(0);
	});

	it('lets the player switch the timer off mid-card: the card then waits for ever, and the round is untimed', () => {
		const game = player().start(1).wait(4_000).send({ type: 'TIMER_OFF' });
		expect(game.pace()).toBe('untimed');
		game.wait(60_000);
		expect(game.flow()).toBe('card');
		expect(game.context().remainingMs).toBe(6_000);
		// Switched back on, the clock goes on from where it stopped.
		game.send({ type: 'TIMER_ON' }).wait(1_000);
		expect(game.pace()).toBe('timed');
		expect(game.context().remainingMs).toBe(5_000);
		game.answerRight().next().answerRight().next().answerRight().next();
		expect(game.flow()).toBe('summary');
		expect(game.rounds[0]?.payload.mode).toBe('untimed');
	});

	it('starts without a timer when asked, and never times a card out', () => {
		const game = player({ untimed: true });
		expect(game.pace()).toBe('untimed');
		game.start(1).wait(120_000);
		expect(game.flow()).toBe('card');
		expect(game.context().answers).toEqual([]);
	});

	it('ends a round in the summary and emits one valid minigame.round event', () => {
		const game = player().start(1).answerRight().next().answerWrong().next().answerRight().next();
		expect(game.flow()).toBe('summary');
		expect(game.rounds).toHaveLength(1);
		const draft = game.rounds[0]!;
		expect(draft.payload).toMatchObject({ gameId: 'gift-or-bribe', level: 1, mode: 'timed', score: 2, maxScore: 3, passed: false });
		expect(draft.payload.answers.map((answer) => answer.correct)).toEqual([true, false, true]);
		const envelope = {
			id: '0190a5b2-7c3d-7e4f-8a5b-6c7d8e9f0a1c',
			subject: { kind: 'learner', id: '0190a5b2-7c3d-7e4f-8a5b-6c7d8e9f0a1d' },
			deviceId: '0190a5b2-7c3d-7e4f-8a5b-6c7d8e9f0a1e',
			deviceSeq: 1,
			v: 1,
			at: '2026-03-01T10:00:00.000Z',
			...draft
		};
		expect(gameEventSchema.safeParse(envelope).success).toBe(true);
		// Waiting in the summary changes nothing.
		game.wait(60_000);
		expect(game.rounds).toHaveLength(1);
	});

	it('retries a level with a new deal, goes up a level only after a pass, and returns to the menu', () => {
		const game = player().start(1).answerWrong().next().answerWrong().next().answerWrong().next();
		expect(currentRound(game.context()).passed).toBe(false);
		game.send({ type: 'NEXT_LEVEL' });
		expect(game.flow()).toBe('summary');
		game.send({ type: 'RETRY' });
		expect(game.flow()).toBe('card');
		expect(game.context()).toMatchObject({ level: 1, index: 0, answers: [], seed: 8 });
		game.answerRight().next().answerRight().next().answerRight().next();
		game.send({ type: 'NEXT_LEVEL' });
		expect(game.context()).toMatchObject({ level: 2, index: 0 });
		expect(game.context().deck).toHaveLength(2);
		game.answerRight().next().answerRight().next();
		// Level 2 is the last: no level to go up to.
		game.send({ type: 'NEXT_LEVEL' });
		expect(game.flow()).toBe('summary');
		game.send({ type: 'MENU' });
		expect(game.flow()).toBe('intro');
		expect(game.rounds.map((round) => [round.payload.level, round.payload.passed])).toEqual([
			[1, false],
			[1, true],
			[2, true]
		]);
	});
});
