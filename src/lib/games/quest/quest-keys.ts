/**
 * The keyboard of a quest, as a pure function: a key, what is on screen and which choice has the focus ring give the
 * input to send (if any) and where the focus ring goes. Number keys take a choice at once; arrows move the ring and
 * Enter or Space take it; Space, Enter or the right arrow go on after a line; P or Escape pause.
 */
import type { QuestInput, QuestView } from './quest-view';

export interface QuestKeyResult {
	input?: QuestInput;
	/** The choice under the focus ring (an index into the view's choices), or -1 when none is. */
	focus: number;
}

export interface QuestKeyOptions {
	/** False on the teacher's screen: the class votes, so the scene's choices only show the options. */
	choosable: boolean;
}

const NEXT_KEYS = new Set([' ', 'Enter', 'ArrowRight']);
const PAUSE_KEYS = new Set(['p', 'P', 'Escape']);

/** The next available choice from `from` going `step` (1 or -1), wrapping round; -1 when none is available. */
export function nextAvailable(view: Extract<QuestView, { kind: 'choice' }>, from: number, step: 1 | -1): number {
	const count = view.choices.length;
	for (let offset = 1; offset <= count; offset += 1) {
		const index = (((from + step * offset) % count) + count) % count;
		if (view.choices[index]?.available) return index;
	}
	return -1;
}

/** What a key does; undefined when the quest has no use for it (so the page keeps its default behaviour). */
export function questKey(key: string, view: QuestView, focus: number, options: QuestKeyOptions = { choosable: true }): QuestKeyResult | undefined {
	if (PAUSE_KEYS.has(key) && view.kind !== 'ending') return { input: { type: 'PAUSE' }, focus };
	if (view.kind === 'line') return NEXT_KEYS.has(key) ? { input: { type: 'NEXT' }, focus: -1 } : undefined;
	if (view.kind === 'ending' || !options.choosable) return undefined;

	if (/^[1-9]$/.test(key)) {
		const index = Number(key) - 1;
		const choice = view.choices[index];
		if (!choice) return undefined;
		// A locked choice takes the ring, so its reason is read, but is not taken.
		return choice.available ? { input: { type: 'CHOOSE', choiceId: choice.id }, focus: index } : { focus: index };
	}
	// Tab is left alone: it must still lead out of the game to the page (no keyboard trap).
	if (key === 'ArrowDown' || key === 'ArrowRight') return { focus: nextAvailable(view, focus < 0 ? -1 : focus, 1) };
	if (key === 'ArrowUp' || key === 'ArrowLeft') return { focus: nextAvailable(view, focus < 0 ? 0 : focus, -1) };
	if (key === 'Enter' || key === ' ') {
		const choice = view.choices[focus];
		if (choice?.available) return { input: { type: 'CHOOSE', choiceId: choice.id }, focus };
		// Nothing under the ring yet: the first press shows where it is.
		return { focus: nextAvailable(view, -1, 1) };
	}
	return undefined;
}
