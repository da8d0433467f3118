/** Every word the lesson player shows, passed in by the page in the learner's language. */
export interface PlayerLabels {
	step: (current: number, total: number) => string;
	next: string;
	back: string;
	check: string;
	answerFirst: string;
	correct: string;
	incorrect: string;
	finish: string;
	answerSaved: string;
	true: string;
	false: string;
	chooseOne: string;
	chooseMany: string;
	matchHint: string;
	matchPlaceholder: string;
	orderHint: string;
	moveUp: (item: string) => string;
	moveDown: (item: string) => string;
	moved: (item: string, position: number) => string;
	dilemmaChoose: string;
	dilemmaConsequence: string;
	dilemmaWhy: string;
	dilemmaOutcome: Record<'best' | 'acceptable' | 'harmful', string>;
	dilemmaTryOther: string;
	transcript: string;
	videoSize: (bytes: number) => string;
	videoLoad: string;
	legalReviewMark: string;
}
