/**
 * The "Gift or bribe?" table: the card of the moment and its clock; a card swiped left or right is answered. It draws what the
 * machine's snapshot says and sends ANSWER when a card is swiped or a side is tapped — nothing else: no rules, no
 * storage. Texts (the situation, the category names) come resolved in the player's language from the host.
 */
import type Phaser from 'phaser';
import type { Actor, SnapshotFrom } from 'xstate';
import type { Palette } from '../../core/palette';
import type { PhaserModule } from '../../core/phaser-loader';
import { textStyle, useLogicalCamera, type GameViewport } from '../../core/phaser-mount';
import type { giftOrBribeMachine } from '../gift-or-bribe.machine';
import { cardById, levelSettings } from '../rules';
import { drawPlace } from './place-icons';

export const TABLE_SIZE = { width: 360, height: 480 } as const;

export interface CardTableBindings {
	actor: Actor<typeof giftOrBribeMachine>;
	palette: Palette;
	fontFamily: string;
	cardText: (cardId: string) => string;
	categoryLabel: (category: string) => string;
}

type Snapshot = SnapshotFrom<typeof giftOrBribeMachine>;

const CARD = { x: 180, y: 256, width: 300, height: 380 } as const;
/** How far a card must travel to count as swiped. */
const SWIPE_DISTANCE = 70;

export function cardTableScene(phaser: PhaserModule, viewport: GameViewport, bindings: CardTableBindings) {
	const { actor, palette, fontFamily } = bindings;
	const colours = palette.hex;
	const reducedMotion = () => window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

	return class CardTableScene extends phaser.Scene {
		#card: Phaser.GameObjects.Container | undefined;
		#cardKey = '';
		#timer!: Phaser.GameObjects.Graphics;
		#verdict: Phaser.GameObjects.Container | undefined;
		#stamps: Phaser.GameObjects.Text[] = [];
		#dragFrom: number | undefined;

		constructor() {
			super('card-table');
		}

		create() {
			useLogicalCamera(this, viewport);
			this.cameras.main.setBackgroundColor(colours.canvas);
			this.#timer = this.add.graphics();
			this.#listenForSwipes();
			const subscription = actor.subscribe((snapshot) => this.#render(snapshot));
			this.events.once('shutdown', () => subscription.unsubscribe());
			this.events.once('destroy', () => subscription.unsubscribe());
			this.#render(actor.getSnapshot());
		}

		#text(x: number, y: number, text: string, style: Phaser.Types.GameObjects.Text.TextStyle) {
			return this.add.text(x, y, text, textStyle(viewport, fontFamily, style));
		}

		#flow(): string {
			return (actor.getSnapshot().value as { flow: string }).flow;
		}

		#listenForSwipes() {
			this.input.on('pointerdown', (pointer: Phaser.Input.Pointer) => {
				const inCard = Math.abs(pointer.worldX - CARD.x) <= CARD.width / 2 && Math.abs(pointer.worldY - CARD.y) <= CARD.height / 2;
				if (this.#flow() === 'card' && inCard && this.#card) this.#dragFrom = pointer.worldX;
			});
			this.input.on('pointermove', (pointer: Phaser.Input.Pointer) => {
				if (this.#dragFrom === undefined || !this.#card) return;
				const dx = pointer.worldX - this.#dragFrom;
				this.#card.setX(CARD.x + dx).setAngle(dx / 14);
				// The category the card is heading to shows on it, as a stamp.
				this.#stamps.forEach((stamp, index) => stamp.setAlpha(Math.min(1, Math.max(0, (index === 0 ? -dx : dx) / SWIPE_DISTANCE))));
			});
			const release = (pointer: Phaser.Input.Pointer) => {
				if (this.#dragFrom === undefined) return;
				const dx = pointer.worldX - this.#dragFrom;
				this.#dragFrom = undefined;
				this.#stamps.forEach((stamp) => stamp.setAlpha(0));
				const categories = actor.getSnapshot().context.game.categories;
				if (Math.abs(dx) >= SWIPE_DISTANCE && this.#flow() === 'card') {
					actor.send({ type: 'ANSWER', category: dx < 0 ? categories[0]! : categories[1]! });
				} else if (this.#card) {
					this.tweens.add({ targets: this.#card, x: CARD.x, angle: 0, duration: reducedMotion() ? 0 : 160, ease: 'Back.easeOut' });
				}
			};
			this.input.on('pointerup', release);
			this.input.on('pointerupoutside', release);
		}

		#render(snapshot: Snapshot) {
			const { flow } = snapshot.value as { flow: string };
			const context = snapshot.context;
			this.#drawTimer(flow === 'card' && snapshot.matches({ pace: 'timed' }) ? context.remainingMs / (levelSettings(context.game, context.level).secondsPerCard * 1000) : undefined);
			const key = flow === 'card' || flow === 'feedback' ? `${context.playId}:${context.index}` : flow;
			if (key !== this.#cardKey) {
				this.#cardKey = key;
				this.#verdict?.destroy();
				this.#verdict = undefined;
				this.#card?.destroy();
				this.#card = flow === 'card' || flow === 'feedback' ? this.#drawCard(context.deck[context.index]!) : this.#drawStack();
			}
			if (flow === 'feedback' && !this.#verdict) this.#showVerdict(snapshot);
		}

		#drawTimer(fraction: number | undefined) {
			const g = this.#timer.clear();
			if (fraction === undefined) return;
			const colour = fraction > 0.5 ? colours.primary : fraction > 0.25 ? colours.accent : colours.danger;
			g.fillStyle(colours['surface-sunk']).fillRoundedRect(24, 20, 312, 12, 6);
			g.fillStyle(colour).fillRoundedRect(24, 20, Math.max(12, 312 * Math.max(0, Math.min(1, fraction))), 12, 6);
		}

		#cardBackground(g: Phaser.GameObjects.Graphics) {
			g.fillStyle(colours.ink, 0.08).fillRoundedRect(-CARD.width / 2 + 3, -CARD.height / 2 + 6, CARD.width, CARD.height, 22);
			g.fillStyle(colours.surface).fillRoundedRect(-CARD.width / 2, -CARD.height / 2, CARD.width, CARD.height, 22);
			g.lineStyle(2, colours.line).strokeRoundedRect(-CARD.width / 2, -CARD.height / 2, CARD.width, CARD.height, 22);
		}

		#drawCard(cardId: string) {
			const g = this.add.graphics();
			this.#cardBackground(g);
			g.fillStyle(colours['primary-soft']).fillCircle(0, -CARD.height / 2 + 76, 52);
			drawPlace(g, cardById(actor.getSnapshot().context.game, cardId).place, 0, -CARD.height / 2 + 76, palette);
			const text = this.#text(0, -CARD.height / 2 + 148, bindings.cardText(cardId), {
				fontSize: '20px',
				color: palette.css.ink,
				align: 'center',
				lineSpacing: 4,
				wordWrap: { width: CARD.width - 40, useAdvancedWrap: true }
			}).setOrigin(0.5, 0);
			// A long situation shrinks to fit rather than spill off the card.
			while (text.height > CARD.height - 166 && Number.parseInt(String(text.style.fontSize), 10) > 13) {
				text.setFontSize(Number.parseInt(String(text.style.fontSize), 10) - 1);
			}
			const categories = actor.getSnapshot().context.game.categories;
			this.#stamps = categories.slice(0, 2).map((category, index) =>
				this.#text(index === 0 ? 70 : -70, -CARD.height / 2 + 40, bindings.categoryLabel(category), {
					fontSize: '24px',
					fontStyle: 'bold',
					color: index === 0 ? palette.css.success : palette.css.danger,
					backgroundColor: palette.css.surface,
					padding: { x: 10, y: 4 }
				})
					.setOrigin(0.5)
					.setAngle(index === 0 ? 12 : -12)
					.setAlpha(0)
			);
			const card = this.add.container(CARD.x, CARD.y, [g, text, ...this.#stamps]);
			if (!reducedMotion()) {
				card.setScale(0.92).setAlpha(0);
				this.tweens.add({ targets: card, scale: 1, alpha: 1, duration: 180, ease: 'Quad.easeOut' });
			}
			return card;
		}

		/** Between rounds: a fanned stack of cards. */
		#drawStack() {
			const layers = (
				[
					[-10, colours['success-soft']],
					[8, colours['danger-soft']],
					[0, colours.surface]
				] as const
			).map(([angle, colour]) => {
				const layer = this.add.graphics();
				layer.fillStyle(colour).fillRoundedRect(-110, -140, 220, 280, 20);
				layer.lineStyle(2, colours.line).strokeRoundedRect(-110, -140, 220, 280, 20);
				return layer.setAngle(angle);
			});
			const mark = this.#text(0, 0, '?', { fontSize: '96px', fontStyle: 'bold', color: palette.css.primary }).setOrigin(0.5);
			return this.add.container(CARD.x, CARD.y - 10, [...layers, mark]);
		}

		#showVerdict(snapshot: Snapshot) {
			const context = snapshot.context;
			const answer = context.answers[context.index];
			if (!answer || !this.#card) return;
			const categories = context.game.categories;
			const direction = answer.response === categories[0] ? -1 : answer.response === categories[1] ? 1 : 0;
			const duration = reducedMotion() ? 0 : 260;
			this.tweens.add({
				targets: this.#card,
				x: CARD.x + direction * 320,
				y: direction === 0 ? CARD.y + 120 : CARD.y,
				angle: direction * 18,
				alpha: 0,
				duration,
				ease: 'Quad.easeIn'
			});
			const correctAnswer = cardById(context.game, answer.itemId).answer;
			const g = this.add.graphics();
			g.fillStyle(answer.correct ? colours['success-soft'] : colours['danger-soft']).fillCircle(0, 0, 64);
			g.lineStyle(10, answer.correct ? colours.success : colours.danger);
			if (answer.correct) g.lineBetween(-26, 2, -8, 22).lineBetween(-8, 22, 28, -20);
			else g.lineBetween(-22, -22, 22, 22).lineBetween(22, -22, -22, 22);
			const pillColour = correctAnswer === categories[0] ? colours.success : colours.danger;
			const label = this.#text(0, 96, bindings.categoryLabel(correctAnswer), {
				fontSize: '26px',
				fontStyle: 'bold',
				color: palette.css.surface,
				backgroundColor: `#${pillColour.toString(16).padStart(6, '0')}`,
				padding: { x: 22, y: 8 }
			}).setOrigin(0.5);
			// High on the table: the explanation covers its lower half.
			this.#verdict = this.add.container(CARD.x, 112, [g, label]);
			if (duration > 0) {
				this.#verdict.setScale(0.6).setAlpha(0);
				this.tweens.add({ targets: this.#verdict, scale: 1, alpha: 1, delay: 120, duration: 200, ease: 'Back.easeOut' });
			}
		}
	};
}
