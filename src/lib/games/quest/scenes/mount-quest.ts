/**
 * Starts the quest's Phaser game in `parent` through games/core (lazy Phaser, `destroy()` = `game.destroy(true)`).
 * Unlike a mini-game's fixed logical size, a quest's canvas is as wide as its container and as tall as its text
 * needs, so the scale mode is NONE and the scene resizes the canvas itself, at the core's resolution.
 * The host imports this module dynamically: nothing of Phaser is on a page before a quest opens.
 */
import { ensureGameFont, gameFontFamily, KYRGYZ_LETTERS, missingGlyphs } from '../../core/game-font';
import { readPalette } from '../../core/palette';
import { canvasResolution, mountGame, type MountedGame } from '../../core/phaser-mount';
import { questTokens } from './quest-palette';
import { createQuestScene } from './quest.scene';
import type { QuestSceneBridge, QuestSceneOptions } from './quest-screen';

export async function mountQuest(
	parent: HTMLElement,
	bridge: QuestSceneBridge,
	options: Pick<QuestSceneOptions, 'scale' | 'choosable'>,
	signal?: AbortSignal
): Promise<(MountedGame & { missingGlyphs: string }) | undefined> {
	const { width, height } = bridge.viewport();
	const tokens = questTokens(readPalette());
	const fontFamily = gameFontFamily();
	await ensureGameFont(fontFamily);
	const resolution = canvasResolution(window.devicePixelRatio);
	const mounted = await mountGame({
		parent,
		width,
		height,
		background: tokens.canvas,
		signal,
		scenes: (phaser, viewport) => [createQuestScene(phaser, bridge, { ...options, tokens, fontFamily, pixelRatio: viewport.resolution })],
		// Canvas pixels shown at CSS size; the scene sets the height. No Phaser input at all: the scene takes the
		// canvas's native clicks (so a finger can scroll the page over it) and the page owns the keyboard.
		config: { scale: { mode: 0 /* Phaser.Scale.NONE */, zoom: 1 / resolution }, input: { keyboard: false, mouse: false, touch: false, gamepad: false } }
	});
	if (!mounted) return undefined;
	return {
		...mounted,
		// Kyrgyz letters the canvas's font cannot draw on this device: empty when all render (the host reports it).
		missingGlyphs: missingGlyphs(KYRGYZ_LETTERS, fontFamily).join(''),
		destroy() {
			// Phaser destroys a game on its next step; the quest's loop sleeps between steps, so wake it for that one.
			mounted.destroy();
			mounted.game.loop.wake();
		}
	};
}
