/**
 * The "Spot the risk" picture: a drawn room with its props, and marks on what the player has tapped. It draws the
 * machine's snapshot and sends every tap as TAP_AT in scene units; the machine decides what was hit. No rules, no
 * storage. When the round ends, the risks that were missed are shown too.
 */
import type Phaser from 'phaser';
import type { Actor, SnapshotFrom } from 'xstate';
import { SPOT_SCENE_SIZE } from '../../../content/minigame.types';
import type { Palette } from '../../core/palette';
import type { PhaserModule } from '../../core/phaser-loader';
import { textStyle, useLogicalCamera, type GameViewport } from '../../core/phaser-mount';
import { levelScene } from '../rules';
import type { spotTheRiskMachine } from '../spot-the-risk.machine';
import { drawBackdrop } from './backdrops';
import type { Painter } from './painter';
import { drawProp } from './props';

export const RISK_SCENE_SIZE = SPOT_SCENE_SIZE;

export interface RiskSceneBindings {
	actor: Actor<typeof spotTheRiskMachine>;
	palette: Palette;
	fontFamily: string;
}

type Snapshot = SnapshotFrom<typeof spotTheRiskMachine>;

export function riskScene(phaser: PhaserModule, viewport: GameViewport, bindings: RiskSceneBindings) {
	const { actor, palette, fontFamily } = bindings;
	const colours = palette.hex;

	return class RiskScene extends phaser.Scene {
		#art: Phaser.GameObjects.Container | undefined;
		#marks!: Phaser.GameObjects.Graphics;
		#artKey = '';
		#pulse: Phaser.Tweens.Tween | undefined;
		#highlight!: Phaser.GameObjects.Graphics;

		constructor() {
			super('risk-scene');
		}

		create() {
			useLogicalCamera(this, viewport);
			this.cameras.main.setBackgroundColor(colours.canvas);
			this.input.on('pointerdown', (pointer: Phaser.Input.Pointer) => {
				const { flow } = actor.getSnapshot().value as { flow: string };
				if (flow === 'looking' || flow === 'explaining') actor.send({ type: 'TAP_AT', x: pointer.worldX, y: pointer.worldY });
			});
			const subscription = actor.subscribe((snapshot) => this.#render(snapshot));
			this.events.once('shutdown', () => subscription.unsubscribe());
			this.events.once('destroy', () => subscription.unsubscribe());
			this.#render(actor.getSnapshot());
		}

		#render(snapshot: Snapshot) {
			const { flow } = snapshot.value as { flow: string };
			const context = snapshot.context;
			const scene = levelScene(context.game, context.level);
			const key = `${context.level}`;
			if (key !== this.#artKey) {
				this.#artKey = key;
				this.#art?.destroy();
				this.#marks?.destroy();
				this.#highlight?.destroy();
				this.#art = this.#drawArt(scene.scene, scene.items);
				this.#highlight = this.add.graphics();
				this.#marks = this.add.graphics();
			}
			const g = this.#marks.clear();
			for (const item of scene.items) {
				const found = context.taps.found.includes(item.id);
				const wrong = context.taps.wrong.includes(item.id);
				const missed = flow === 'summary' && item.risk && !found;
				if (found || missed) this.#ring(g, item.x, item.y, item.r, colours.danger, missed);
				if (wrong) this.#ring(g, item.x, item.y, item.r, colours.success, false);
				if (found) this.#badge(g, item.x + item.r * 0.7, item.y - item.r * 0.7, colours.danger, 'risk');
				if (wrong) this.#badge(g, item.x + item.r * 0.7, item.y - item.r * 0.7, colours.success, 'fine');
			}
			const shown = flow === 'explaining' ? scene.items.find((item) => item.id === context.shown) : undefined;
			this.#highlight.clear();
			this.#pulse?.stop();
			if (shown) {
				this.#highlight.lineStyle(4, colours.focus).strokeCircle(0, 0, shown.r + 6).setPosition(shown.x, shown.y).setScale(1).setAlpha(1);
				if (!(window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false)) {
					this.#pulse = this.tweens.add({ targets: this.#highlight, scale: 1.12, alpha: 0.6, duration: 500, yoyo: true, repeat: -1 });
				}
			}
		}

		#drawArt(sceneId: string, items: ReturnType<typeof levelScene>['items']) {
			const g = this.add.graphics();
			const labels: Phaser.GameObjects.Text[] = [];
			const painter: Painter = {
				g,
				p: colours,
				css: palette.css,
				text: (x, y, text, size, colour, bold) => {
					labels.push(
						this.add.text(x, y, text, textStyle(viewport, fontFamily, { fontSize: `${size}px`, color: colour, fontStyle: bold ? 'bold' : 'normal' })).setOrigin(0.5)
					);
				}
			};
			drawBackdrop(painter, sceneId);
			for (const item of items) drawProp(painter, item.prop, item.x, item.y);
			return this.add.container(0, 0, [g, ...labels]);
		}

		#ring(g: Phaser.GameObjects.Graphics, x: number, y: number, r: number, colour: number, dashed: boolean) {
			g.lineStyle(4, colour, 1);
			if (!dashed) {
				g.strokeCircle(x, y, r);
				return;
			}
			const steps = 16;
			for (let i = 0; i < steps; i += 2) {
				const a = (i / steps) * Math.PI * 2;
				const b = ((i + 1) / steps) * Math.PI * 2;
				g.lineBetween(x + Math.cos(a) * r, y + Math.sin(a) * r, x + Math.cos(b) * r, y + Math.sin(b) * r);
			}
		}

		/** A round badge: "!" on a risk found, a tick on something that is fine. */
		#badge(g: Phaser.GameObjects.Graphics, x: number, y: number, colour: number, kind: 'risk' | 'fine') {
			g.fillStyle(colours.surface).fillCircle(x, y, 13);
			g.fillStyle(colour).fillCircle(x, y, 11);
			g.lineStyle(3, colours.surface);
			if (kind === 'risk') {
				g.lineBetween(x, y - 6, x, y + 2);
				g.fillStyle(colours.surface).fillCircle(x, y + 6, 1.8);
			} else g.lineBetween(x - 5, y, x - 1, y + 4).lineBetween(x - 1, y + 4, x + 6, y - 4);
		}
	};
}
