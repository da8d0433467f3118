/**
 * The contract between the quest engine and whatever draws it (the Phaser scene, the teacher-led screen, tests).
 * The engine decides; a renderer shows a `QuestView` and sends back `QuestInput`. Texts are keys into the quest's
 * translated strings, so the renderer resolves them in the player's language and the engine never sees a language.
 * Besides the keys in a view, a renderer finds names and labels under fixed keys (`questTextKey` in
 * `$lib/content/quest.types`): `title`, `summary`, `cast.<character>`, `place.<place>` (a short description, for
 * screen readers). Compiled texts are plain text, never HTML.
 */

/** A key into the compiled quest's `texts[locale]` table. */
export type QuestTextKey = string;

export interface QuestMeterView {
	id: string;
	label: QuestTextKey;
	value: number;
	min: number;
	max: number;
	/** Which way is good, so a renderer can colour a fall in trust as bad and a fall in cost as good. */
	goodWhen: 'high' | 'low';
}

export interface QuestChoiceView {
	id: string;
	text: QuestTextKey;
	/** False when a condition on meters or past choices rules it out; shown greyed with `lockedReason`. */
	available: boolean;
	lockedReason?: QuestTextKey;
	/** The choice is the reporting option (a real option, drawn so a player can find it). */
	reporting?: boolean;
}

/** Who is on screen and where: ids of characters and places the art draws (see the quest's `cast` and `places`). */
export interface QuestStageView {
	place: string;
	characters: string[];
	/** The speaking character's id, if any. */
	speaker?: string;
}

export type QuestView =
	| {
			kind: 'line';
			nodeId: string;
			stage: QuestStageView;
			text: QuestTextKey;
			meters: QuestMeterView[];
			/**
			 * Set when this line is a delayed consequence arriving now (then `text` is the same key): draw it as such,
			 * e.g. under a "Later…" banner. It comes before the node `nodeId`, on that node's stage.
			 */
			consequence?: QuestTextKey;
	  }
	| {
			kind: 'choice';
			nodeId: string;
			stage: QuestStageView;
			prompt: QuestTextKey;
			choices: QuestChoiceView[];
			meters: QuestMeterView[];
			/** Seconds left when the decision is timed (injected clock); absent when untimed. */
			secondsLeft?: number;
			/** Teacher-led mode: a prompt for the class to discuss before voting. */
			discussion?: QuestTextKey;
	  }
	| {
			kind: 'ending';
			endingId: string;
			stage: QuestStageView;
			title: QuestTextKey;
			text: QuestTextKey;
			/** 'good' | 'mixed' | 'bad': the tone of the ending art, never a grade of the player. */
			tone: 'good' | 'mixed' | 'bad';
			meters: QuestMeterView[];
			debrief: QuestTextKey[];
	  };

/**
 * What a renderer may send: advance a line, take a choice, pause and resume. In teacher-led mode a CHOOSE may carry
 * the class's `votes` per choice id: the majority is taken, and `choiceId` must name it — or, on a tie at the top, the
 * tied option the teacher picks (a CHOOSE that contradicts its votes is ignored; `resolveVote` in quest-rules.ts says
 * what a vote takes).
 */
export type QuestInput =
	| { type: 'NEXT' }
	| { type: 'CHOOSE'; choiceId: string; votes?: Record<string, number> }
	| { type: 'PAUSE' }
	| { type: 'RESUME' };
