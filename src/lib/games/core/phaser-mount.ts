/**
 * Mounts one Phaser game in an element and hands back the way to take it down. Scenes draw in a fixed logical size
 * (e.g. 360×480, portrait); the canvas is that size times the device's pixel ratio (at most 2) and is scaled to fit
 * its container, so lines and text stay sharp on a phone and on a laptop. Call `useLogicalCamera` in each scene's
 * `create` to draw in logical units, and `textStyle` for text at the canvas's resolution.
 */
import type Phaser from 'phaser';
import { loadPhaser, type PhaserModule } from './phaser-loader';

export interface GameViewport {
	/** The logical size scenes draw in. */
	width: number;
	height: number;
	/** Canvas pixels per logical unit. */
	resolution: number;
}

export interface MountOptions {
	parent: HTMLElement;
	width: number;
	height: number;
	/** The scenes, made once Phaser is loaded; the first one starts. */
	scenes: (phaser: PhaserModule, viewport: GameViewport) => Phaser.Types.Scenes.SceneType[];
	/** Background colour (a number from the palette). */
	background?: number;
	/** The canvas's name for screen readers; without it the canvas is hidden from them (the host offers the same in HTML). */
	label?: string;
	/** Aborted before Phaser finished loading (the person left): nothing is created. */
	signal?: AbortSignal;
	/** Anything else Phaser's config takes (keyboard input, physics …). */
	config?: Partial<Phaser.Types.Core.GameConfig>;
}

export interface MountedGame {
	game: Phaser.Game;
	viewport: GameViewport;
	/** `game.destroy(true)`: stops every scene and removes the canvas. Safe to call twice. */
	destroy(): void;
}

export function canvasResolution(devicePixelRatio: number): number {
	return Math.min(2, Math.max(1, Math.ceil(devicePixelRatio || 1)));
}

export async function mountGame(options: MountOptions): Promise<MountedGame | undefined> {
	const phaser = await loadPhaser();
	if (options.signal?.aborted) return undefined;
	const viewport: GameViewport = { width: options.width, height: options.height, resolution: canvasResolution(window.devicePixelRatio) };
	const game = new phaser.Game({
		type: phaser.AUTO,
		parent: options.parent,
		width: viewport.width * viewport.resolution,
		height: viewport.height * viewport.resolution,
		backgroundColor: options.background ?? 0xffffff,
		banner: false,
		audio: { noAudio: true },
		// The page owns the keyboard (buttons, arrow keys on the host); Phaser capturing keys would break Tab and Space.
		input: { keyboard: false },
		scale: { mode: phaser.Scale.FIT, autoCenter: phaser.Scale.CENTER_BOTH },
		scene: options.scenes(phaser, viewport),
		...options.config
	});
	const canvas = game.canvas as HTMLCanvasElement | undefined;
	if (canvas) {
		if (options.label) {
			canvas.setAttribute('role', 'img');
			canvas.setAttribute('aria-label', options.label);
		} else canvas.setAttribute('aria-hidden', 'true');
	}
	let destroyed = false;
	return {
		game,
		viewport,
		destroy() {
			if (destroyed) return;
			destroyed = true;
			game.destroy(true);
		}
	};
}

/** Makes the scene's main camera show the logical area (0,0)–(width,height); pointer world coordinates follow. */
export function useLogicalCamera(scene: Phaser.Scene, viewport: GameViewport): void {
	scene.cameras.main.setZoom(viewport.resolution).centerOn(viewport.width / 2, viewport.height / 2);
}

/** A text style in the app's font, drawn at the canvas's resolution. */
export function textStyle(
	viewport: GameViewport,
	fontFamily: string,
	style: Phaser.Types.GameObjects.Text.TextStyle = {}
): Phaser.Types.GameObjects.Text.TextStyle {
	return { fontFamily, fontSize: '18px', resolution: viewport.resolution, ...style };
}
