import type { MiniGameTexts } from '$lib/content/minigame.types';

/** A game text by key, falling back to the key so a missing text shows up instead of breaking the page. */
export function gameText(texts: MiniGameTexts | undefined, key: string): string {
	return texts?.[key] ?? key;
}

/** Moves focus to an element when it appears (the "Next" of an explanation, the first answer of a new card). */
export function focusOnMount(element: HTMLElement): void {
	queueMicrotask(() => element.focus());
}
