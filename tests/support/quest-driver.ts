// A headless player for the quest machine: drive it as a player or a teacher would and read what it shows and emits.
//   const play = QuestDriver.start(quest).next().choose('pay');  expect(play.view.kind).toBe('ending');
import { rmSync } from 'node:fs';
import { expect } from 'vitest';
import { createActor, SimulatedClock, type Snapshot } from 'xstate';
import { compileQuest } from '../../src/lib/content/compile-quest';
import { contentHash, readCourseSource } from '../../src/lib/content/content-files';
import type { CompiledQuest } from '../../src/lib/content/quest.types';
import { createQuestMachine, questView, type QuestActor, type QuestMachineInput } from '../../src/lib/games/quest/quest.machine';
import type { QuestView } from '../../src/lib/games/quest/quest-view';
import type { GameEventDraft } from '../../src/lib/progress/game-events';
import { sampleQuest, writeQuest, type QuestFixture } from './quest-fixture';

export const TEST_PLAY_ID = '01900000-0000-7000-8000-000000000001';

/** Compiles a fixture quest from a temporary folder (it must be sound). */
export function compiledFixture(fixture: QuestFixture = sampleQuest()): CompiledQuest {
	const { root, dir } = writeQuest(fixture);
	try {
		const result = compileQuest(readCourseSource(root, dir), {
			hash: contentHash,
			legalReviewLabel: { ky: 'юрист текшериши керек', ru: 'требует проверки юристом', en: 'to be checked by a lawyer' },
			appLink: (locale, page) => `/${locale}/${page}`,
			packUrl: (fileName) => `/packs/${fileName}`
		});
		if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
		return result.quest.quest;
	} finally {
		rmSync(root, { recursive: true, force: true });
	}
}

export class QuestDriver {
	readonly events: GameEventDraft[] = [];
	/** Every view shown, in order. */
	readonly shown: QuestView[] = [];

	private constructor(
		readonly quest: CompiledQuest,
		readonly actor: QuestActor,
		readonly clock: SimulatedClock
	) {
		actor.on('*', (draft) => this.events.push(draft));
		actor.subscribe((snapshot) => {
			const view = questView(snapshot, quest);
			const last = this.shown.at(-1);
			if (!last || JSON.stringify(last) !== JSON.stringify(view)) this.shown.push(view);
		});
	}

	static start(quest: CompiledQuest, input: Partial<QuestMachineInput> = {}, snapshot?: unknown): QuestDriver {
		const clock = new SimulatedClock();
		// On restore the input is ignored (the context comes from the snapshot), but xstate's types ask for it.
		const actor = createActor(createQuestMachine(quest), {
			clock,
			input: { playId: TEST_PLAY_ID, seed: 7, ...input },
			...(snapshot ? { snapshot: snapshot as Snapshot<unknown> } : {})
		});
		const driver = new QuestDriver(quest, actor, clock);
		actor.start();
		return driver;
	}

	get view(): QuestView {
		return questView(this.actor.getSnapshot(), this.quest);
	}

	next(): this {
		this.actor.send({ type: 'NEXT' });
		return this;
	}

	choose(choiceId: string, votes?: Record<string, number>): this {
		this.actor.send({ type: 'CHOOSE', choiceId, ...(votes ? { votes } : {}) });
		return this;
	}

	pause(): this {
		this.actor.send({ type: 'PAUSE' });
		return this;
	}

	resume(): this {
		this.actor.send({ type: 'RESUME' });
		return this;
	}

	/** Lets time pass on the injected clock, a second at a time (each tick schedules the next). */
	wait(seconds: number): this {
		for (let i = 0; i < seconds; i += 1) this.clock.increment(1000);
		return this;
	}

	/** Presses "next" through lines and consequences until a decision or an ending is on screen. */
	skipLines(): this {
		for (let guard = 0; this.view.kind === 'line'; guard += 1) {
			if (guard > 1000) throw new Error('lines never end');
			this.next();
		}
		return this;
	}

	/** Plays a list of decisions (`<node>.<choice>`), skipping lines, and stops at the ending. */
	play(decisions: readonly string[]): this {
		for (const decision of decisions) {
			this.skipLines();
			const view = this.view;
			if (view.kind !== 'choice' || !decision.startsWith(`${view.nodeId}.`)) {
				throw new Error(`expected decision ${decision}, the screen shows ${view.kind} ${'nodeId' in view ? view.nodeId : view.endingId}`);
			}
			this.choose(decision.slice(view.nodeId.length + 1));
		}
		return this.skipLines();
	}

	expectEnding(endingId: string): this {
		const view = this.view;
		expect(view.kind === 'ending' ? view.endingId : `${view.kind} ${view.nodeId}`).toBe(endingId);
		return this;
	}

	ofType<T extends GameEventDraft['type']>(type: T): Extract<GameEventDraft, { type: T }>[] {
		return this.events.filter((event): event is Extract<GameEventDraft, { type: T }> => event.type === type);
	}
}
