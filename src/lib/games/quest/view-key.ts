/**
 * One screen of a quest, named: `line:intro`, `consequence:rumour@home` (a delayed consequence shown before the line
 * of its node), `choice:collect`, `ending:honest-ending`. Everything that must notice "a new screen" (the focus ring,
 * the transcript's focus, saving, the meters' trend) compares these, never a whole view (a timer's tick is not one).
 */
import type { QuestView } from './quest-view';

export function questViewKey(view: QuestView | undefined): string {
	if (view === undefined) return '';
	if (view.kind === 'ending') return `ending:${view.endingId}`;
	if (view.kind === 'line' && view.consequence) return `consequence:${view.consequence}@${view.nodeId}`;
	return `${view.kind}:${view.nodeId}`;
}
