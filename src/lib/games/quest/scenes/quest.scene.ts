/**
 * The quest's Phaser scene: draws the `QuestScreen` its host gives it — meters, the place and its characters, a
 * delayed consequence as its own card, the dialogue or the decision with its choice buttons, an ending with its
 * debrief — and sends `QuestInput` back on a tap. It decides nothing and stores nothing: every rule is the engine's,
 * every word and the keyboard the host's. Phaser arrives as a parameter (loaded lazily by the host), so this module pulls
 * no Phaser code into any bundle by itself.
 */
import type Phaser from 'phaser';
import { meterShare, meterTone, type MeterTone } from '../meter-view';
import type { QuestInput, QuestView } from '../quest-view';
import { questViewKey } from '../view-key';
import { castLook } from './cast-look';
import { drawFigure } from './figure-art';
import { drawPlace } from './place-art';
import { placeKind } from './place-kind';
import { layoutQuest, type FontRole, type LayoutBlock, type PlacedBlock, type QuestLayout, type Rect } from './quest-layout';
import { css, type QuestTokens } from './quest-palette';
import type { QuestScreen, QuestSceneBridge, QuestSceneOptions } from './quest-screen';

type PhaserModule = typeof Phaser;
type Text = Phaser.GameObjects.Text;
type Graphics = Phaser.GameObjects.Graphics;

const FONT: Record<FontRole, { size: number; weight: string; colour: keyof QuestTokens; spacing: number }> = {
	body: { size: 17, weight: 'normal', colour: 'ink', spacing: 5 },
	small: { size: 14, weight: 'normal', colour: 'inkMuted', spacing: 3 },
	label: { size: 13, weight: 'bold', colour: 'inkMuted', spacing: 2 },
	speaker: { size: 15, weight: 'bold', colour: 'primary', spacing: 3 },
	title: { size: 23, weight: 'bold', colour: 'ink', spacing: 4 },
	choice: { size: 17, weight: 'bold', colour: 'ink', spacing: 4 }
};

const TONE_FILL: Record<MeterTone, keyof QuestTokens> = { good: 'success', middle: 'accent', bad: 'danger' };
const ENDING_TONE = {
	good: { soft: 'successSoft', strong: 'success' },
	mixed: { soft: 'warningSoft', strong: 'warningInk' },
	bad: { soft: 'dangerSoft', strong: 'danger' }
} as const satisfies Record<string, { soft: keyof QuestTokens; strong: keyof QuestTokens }>;

/** The view without its ticking timer: when only the seconds change, only the timer is redrawn. */
function withoutTimer(view: QuestView): string {
	return JSON.stringify(view.kind === 'choice' ? { ...view, secondsLeft: undefined } : view);
}

export function createQuestScene(P: PhaserModule, bridge: QuestSceneBridge, options: QuestSceneOptions) {
	const s = options.scale;
	const ratio = options.pixelRatio;
	const t = options.tokens;

	return class QuestScene extends P.Scene {
		#texts = new Map<string, Text>();
		#hover = -1;
		#drawnAt = 0;
		#drawnKey = '';
		#screen: QuestScreen | undefined;
		#layout: QuestLayout | undefined;
		#buttons: { block: PlacedBlock; graphics: Graphics; index: number }[] = [];
		#timer: Text | undefined;
		#unsubscribe: (() => void) | undefined;

		constructor() {
			super('quest');
		}

		create(): void {
			// Logical (CSS) pixels from the top-left corner, at the canvas's resolution.
			this.cameras.main.setOrigin(0, 0).setZoom(ratio).setBackgroundColor(css(t.canvas));
			this.#unsubscribe = bridge.subscribe(() => this.#refresh());
			const stopListening = this.#listen(this.game.canvas);
			// Phaser wakes its loop when the tab comes back: one frame, then sleep again.
			const onVisible = () => this.#renderOnce();
			this.game.events.on('visible', onVisible);
			this.events.once('shutdown', () => {
				this.#unsubscribe?.();
				stopListening();
				this.game.events.off('visible', onVisible);
			});
			this.#refresh();
		}

		#refresh(): void {
			const screen = bridge.screen();
			const { width, height } = bridge.viewport();
			const key = `${withoutTimer(screen.view)}|${screen.paused}|${width}x${height}|${JSON.stringify(screen.trends)}`;
			const previous = this.#screen;
			this.#screen = screen;
			if (key === this.#drawnKey && previous) {
				// Same view: the ticking timer or the focus ring, drawn without rebuilding the rest.
				this.#updateTimer();
				if (previous.focus !== screen.focus) this.#paintButtons();
				this.#renderOnce();
				return;
			}
			if (!previous || questViewKey(previous.view) !== questViewKey(screen.view)) this.#hover = -1;
			this.#drawnKey = key;
			this.#draw(screen, width, height);
			this.#renderOnce();
		}

		/**
		 * Nothing on a quest's screen moves between steps, so the game loop sleeps and wakes for one frame when
		 * something changed: no script or GPU time per frame while a person reads (a cheap phone's battery, the
		 * bench's frame budget). Waking runs one step at once; the frame's end puts the loop back to sleep.
		 */
		#renderOnce(): void {
			const loop = this.game.loop;
			this.game.events.once('postrender', () => loop.sleep());
			loop.wake();
		}

		#style(role: FontRole) {
			const font = FONT[role];
			return {
				fontFamily: options.fontFamily,
				fontSize: `${Math.round(font.size * s)}px`,
				fontStyle: font.weight,
				color: css(t[font.colour]),
				lineSpacing: Math.round(font.spacing * s),
				resolution: ratio
			};
		}

		/** A wrapped text, made once per (role, width, text) for a drawing: the layout measures it, then places it. */
		#text(text: string, role: FontRole, width: number): Text {
			const key = `${role}|${Math.round(width)}|${text}`;
			let made = this.#texts.get(key);
			if (!made) {
				made = this.add.text(0, 0, text, { ...this.#style(role), wordWrap: { width, useAdvancedWrap: true } }).setVisible(false);
				this.#texts.set(key, made);
			}
			return made;
		}

		#blocks(screen: QuestScreen): LayoutBlock[] {
			const { view, words } = screen;
			const speaker = view.stage.speaker ? words.castName(view.stage.speaker) : undefined;
			if (view.kind === 'line') {
				// A delayed consequence is its own card (its text is the line's); the node's own line follows it.
				if (view.consequence) return [{ kind: 'consequence', heading: words.consequence, ...(speaker ? { speaker } : {}), text: words.text(view.consequence), hint: words.next }];
				return [{ kind: 'dialogue', ...(speaker ? { speaker } : {}), text: words.text(view.text), hint: words.next }];
			}
			if (view.kind === 'choice') {
				const blocks: LayoutBlock[] = [];
				if (view.discussion) blocks.push({ kind: 'discussion', heading: words.discussion, text: words.text(view.discussion) });
				blocks.push(speaker ? { kind: 'dialogue', speaker, text: words.text(view.prompt) } : { kind: 'prompt', text: words.text(view.prompt) });
				view.choices.forEach((choice, index) => {
					const notes = [choice.reporting ? words.reporting : '', !choice.available && choice.lockedReason ? words.text(choice.lockedReason) : ''].filter(Boolean);
					blocks.push({ kind: 'choice', number: index + 1, text: words.text(choice.text), ...(notes.length ? { note: notes.join(' · ') } : {}) });
				});
				return blocks;
			}
			return [
				{ kind: 'ending', heading: words.ending, title: words.text(view.title), text: words.text(view.text) },
				{ kind: 'debrief', heading: words.debrief, items: view.debrief.map((key) => words.text(key)) }
			];
		}

		#draw(screen: QuestScreen, width: number, viewportHeight: number): void {
			this.children.removeAll(true);
			this.#texts.clear();
			this.#buttons = [];
			this.#timer = undefined;
			const { view } = screen;
			const characters = view.stage.characters;
			const layout = layoutQuest(
				{ width, height: viewportHeight, meterCount: view.meters.length, characterCount: characters.length, blocks: this.#blocks(screen), scale: s },
				(text, role, wrap) => this.#text(text, role, wrap).height
			);
			this.#layout = layout;
			this.#fitCanvas(width, layout.height);

			this.#drawnAt = performance.now();

			const stage = this.add.graphics();
			drawPlace(stage, t, placeKind(view.stage.place), layout.stage);
			layout.figures.forEach((figure, index) => {
				const id = characters[index]!;
				drawFigure(stage, t, castLook(id), figure.x, figure.floorY, figure.height, id === view.stage.speaker);
			});
			if (view.kind === 'ending') this.#toneWash(stage, view.tone, layout.stage);
			this.#drawMeters(screen, layout);
			const speakerX = view.stage.speaker ? layout.figures[characters.indexOf(view.stage.speaker)]?.x : undefined;
			let choiceIndex = 0;
			for (const block of layout.blocks) {
				if (block.block.kind === 'choice') this.#drawChoice(screen, block, choiceIndex++);
				else this.#drawCard(screen, block, speakerX);
			}
			// Texts measured but not placed (the meter probe) are not shown.
			for (const text of this.#texts.values()) if (!text.visible) text.destroy();
		}

		/** The canvas is as tall as its content: the page scrolls rather than the type shrinking. */
		#fitCanvas(width: number, height: number): void {
			const targetWidth = Math.round(width * ratio);
			const targetHeight = Math.round(height * ratio);
			if (this.scale.width !== targetWidth || this.scale.height !== targetHeight) {
				this.scale.resize(targetWidth, targetHeight);
				this.cameras.main.setSize(targetWidth, targetHeight);
				bridge.resized(height);
			}
		}

		#place(text: string, role: FontRole, x: number, y: number, width: number): Text {
			let made = this.#text(text, role, width);
			// The same words twice on one screen (two equal options) need two objects.
			if (made.visible) made = this.add.text(0, 0, text, { ...this.#style(role), wordWrap: { width, useAdvancedWrap: true } });
			return made.setPosition(x, y).setVisible(true).setDepth(2);
		}

		/** A label kept to one line: shortened with an ellipsis when a long word would not fit (the transcript has it whole). */
		#oneLine(label: string, x: number, y: number, width: number): Text {
			const text = this.add.text(x, y, label, this.#style('label')).setDepth(2);
			let shown = label;
			while (text.width > width && shown.length > 4) {
				shown = shown.slice(0, -1);
				text.setText(`${shown.trimEnd()}…`);
			}
			return text;
		}

		/** A bad ending dims the place; a good or mixed one leaves it as it is (the card carries the tone). */
		#toneWash(g: Graphics, tone: 'good' | 'mixed' | 'bad', rect: Rect): void {
			if (tone === 'bad') {
				g.fillStyle(t.ink, 0.22);
				g.fillRect(rect.x, rect.y, rect.width, rect.height);
			}
		}

		#drawMeters(screen: QuestScreen, layout: QuestLayout): void {
			const g = this.add.graphics().setDepth(1);
			screen.view.meters.forEach((meter, index) => {
				const cell = layout.meters.cells[index]!;
				const trend = screen.trends[meter.id] ?? 'same';
				const arrow = trend === 'better' ? ' ▲' : trend === 'worse' ? ' ▼' : '';
				// The label takes the cell's whole width; the value (with its trend arrow) sits at the end of the bar.
				const label = this.#oneLine(screen.words.text(meter.label), cell.x, cell.y, cell.width);
				const rowY = cell.y + label.height + 4 * s;
				const value = this.add.text(cell.x + cell.width, rowY, `${meter.value}${arrow}`, this.#style('label')).setOrigin(1, 0).setDepth(2);
				if (trend !== 'same') value.setColor(css(trend === 'better' ? t.success : t.danger));
				const barWidth = Math.max(24 * s, cell.width - value.width - 8 * s);
				const barY = rowY + value.height / 2 - 4 * s;
				g.fillStyle(t.surfaceSunk, 1);
				g.fillRoundedRect(cell.x, barY, barWidth, 8 * s, 4 * s);
				const share = meterShare(meter);
				if (share > 0) {
					g.fillStyle(t[TONE_FILL[meterTone(meter)]], 1);
					g.fillRoundedRect(cell.x, barY, Math.max(8 * s, barWidth * share), 8 * s, 4 * s);
				}
				g.lineStyle(1, t.line, 1);
				g.strokeRoundedRect(cell.x, barY, barWidth, 8 * s, 4 * s);
			});
		}

		#drawCard(screen: QuestScreen, placed: PlacedBlock, speakerX: number | undefined): void {
			const g = this.add.graphics().setDepth(1);
			const { x, y, width, height, block } = placed;
			const radius = 12 * s;
			let fill: number = t.surface;
			let border: number = t.line;
			if (block.kind === 'consequence') {
				fill = t.warningSoft;
				border = t.accent;
			} else if (block.kind === 'discussion') {
				fill = t.primarySoft;
				border = t.primary;
			} else if (block.kind === 'ending' && screen.view.kind === 'ending') {
				fill = t[ENDING_TONE[screen.view.tone].soft];
				border = t[ENDING_TONE[screen.view.tone].strong];
			}
			g.fillStyle(t.ink, 0.08);
			g.fillRoundedRect(x, y + 3, width, height, radius);
			g.fillStyle(fill, 1);
			g.fillRoundedRect(x, y, width, height, radius);
			g.lineStyle(block.kind === 'dialogue' || block.kind === 'prompt' || block.kind === 'debrief' ? 1.5 : 2.5, border, 1);
			g.strokeRoundedRect(x, y, width, height, radius);
			if (block.kind === 'consequence') {
				// A clock: this card is news from later, not the current line.
				g.fillStyle(t.accent, 1);
				g.fillRoundedRect(x, y, 6 * s, height, { tl: radius, bl: radius, tr: 0, br: 0 });
			}
			if ((block.kind === 'dialogue' || block.kind === 'consequence') && speakerX !== undefined && placed === this.#layout?.blocks.find((b) => b.block.kind === 'dialogue' || b.block.kind === 'consequence')) {
				// A tail up to the speaker, when the box sits right under the stage.
				const tailX = Math.min(x + width - 24 * s, Math.max(x + 24 * s, speakerX));
				g.fillStyle(fill, 1);
				g.fillTriangle(tailX - 10 * s, y + 1, tailX + 10 * s, y + 1, tailX, y - 12 * s);
				g.lineStyle(1.5, border, 1);
				g.lineBetween(tailX - 10 * s, y, tailX, y - 12 * s);
				g.lineBetween(tailX + 10 * s, y, tailX, y - 12 * s);
			}
			for (const part of placed.parts) {
				const text = this.#place(part.text, part.role, part.x, part.y, part.width);
				if (block.kind === 'consequence' && part.role === 'speaker' && part.text === block.heading) text.setColor(css(t.warningInk));
				if (block.kind === 'discussion' && part.role === 'speaker') text.setColor(css(t.primaryStrong));
				if (block.kind === 'ending' && part.role === 'label' && screen.view.kind === 'ending') text.setColor(css(t[ENDING_TONE[screen.view.tone].strong]));
			}
			if ((block.kind === 'dialogue' || block.kind === 'consequence') && block.hint) {
				// "Go on" also drawn as an arrow, so the affordance does not rest on the words alone.
				const last = placed.parts.at(-1)!;
				g.fillStyle(t.primary, 1);
				const ax = x + width - 22 * s;
				const ay = last.y + last.height / 2;
				g.fillTriangle(ax, ay - 7 * s, ax, ay + 7 * s, ax + 10 * s, ay);
			}
			if (screen.view.kind === 'choice' && screen.view.secondsLeft !== undefined && (block.kind === 'prompt' || block.kind === 'dialogue')) {
				this.#timer = this.add
					.text(x + width - 10 * s, y - 14 * s, screen.words.secondsLeft(screen.view.secondsLeft), { ...this.#style('speaker'), color: css(t.onPrimary), backgroundColor: css(t.primaryStrong), padding: { x: 10 * s, y: 4 * s } })
					.setOrigin(1, 0)
					.setDepth(3);
			}
		}

		#updateTimer(): void {
			const view = this.#screen?.view;
			if (this.#timer && view?.kind === 'choice' && view.secondsLeft !== undefined) this.#timer.setText(this.#screen!.words.secondsLeft(view.secondsLeft));
		}

		#drawChoice(screen: QuestScreen, placed: PlacedBlock, index: number): void {
			const view = screen.view;
			if (view.kind !== 'choice') return;
			const choice = view.choices[index]!;
			const graphics = this.add.graphics().setDepth(1);
			this.#buttons.push({ block: placed, graphics, index });
			for (const part of placed.parts) {
				const text = this.#place(part.text, part.role, part.x, part.y, part.width);
				if (!choice.available) text.setColor(css(t.inkMuted));
			}
			this.add
				.text(placed.x + 12 * s + 16 * s, placed.y + placed.height / 2, String(index + 1), { ...this.#style('choice'), color: css(choice.available ? t.onPrimary : t.inkMuted) })
				.setOrigin(0.5)
				.setDepth(3);
			this.#paintButton(this.#buttons.at(-1)!);
		}

		/** The input a tap at (x, y) in CSS pixels of the canvas gives, if any: a choice's button, or anywhere on a line. */
		#inputAt(x: number, y: number): { input: QuestInput; index: number } | undefined {
			const screen = this.#screen;
			if (!screen || screen.paused) return undefined;
			// A tap on a line goes on wherever it lands, as in a phone's story app.
			if (screen.view.kind === 'line') return { input: { type: 'NEXT' }, index: -1 };
			if (screen.view.kind !== 'choice' || !options.choosable) return undefined;
			for (const { block, index } of this.#buttons) {
				const choice = screen.view.choices[index];
				if (choice?.available && x >= block.x && x <= block.x + block.width && y >= block.y && y <= block.y + block.height) {
					return { input: { type: 'CHOOSE', choiceId: choice.id }, index };
				}
			}
			return undefined;
		}

		/**
		 * Taps are the canvas's native clicks, not Phaser's touch input: a click only follows a real tap (never the end of
		 * a scroll that began on the canvas), comes once per tap, and lets the page scroll under a finger. A click within
		 * a moment of a new view is ignored, so a double tap cannot skip a line nobody read.
		 */
		#listen(canvas: HTMLCanvasElement): () => void {
			const point = (event: MouseEvent) => {
				const bounds = canvas.getBoundingClientRect();
				return { x: event.clientX - bounds.left, y: event.clientY - bounds.top };
			};
			const onClick = (event: MouseEvent) => {
				if (performance.now() - this.#drawnAt < 300) return;
				const { x, y } = point(event);
				const hit = this.#inputAt(x, y);
				if (hit) bridge.send(hit.input);
			};
			const onMove = (event: PointerEvent) => {
				if (event.pointerType !== 'mouse') return;
				const { x, y } = point(event);
				const hit = this.#inputAt(x, y);
				canvas.style.cursor = hit ? 'pointer' : 'default';
				const hover = hit?.index ?? -1;
				if (hover !== this.#hover) {
					this.#hover = hover;
					this.#paintButtons();
					this.#renderOnce();
				}
			};
			const onLeave = () => {
				if (this.#hover === -1) return;
				this.#hover = -1;
				this.#paintButtons();
				this.#renderOnce();
			};
			canvas.addEventListener('click', onClick);
			canvas.addEventListener('pointermove', onMove);
			canvas.addEventListener('pointerleave', onLeave);
			return () => {
				canvas.removeEventListener('click', onClick);
				canvas.removeEventListener('pointermove', onMove);
				canvas.removeEventListener('pointerleave', onLeave);
			};
		}

		#paintButtons(): void {
			for (const button of this.#buttons) this.#paintButton(button);
		}

		#paintButton({ block, graphics: g, index }: { block: PlacedBlock; graphics: Graphics; index: number }): void {
			const view = this.#screen?.view;
			if (view?.kind !== 'choice') return;
			const choice = view.choices[index]!;
			const { x, y, width, height } = block;
			const radius = 12 * s;
			const lit = options.choosable && choice.available && (index === this.#hover || index === this.#screen?.focus);
			g.clear();
			if (index === this.#screen?.focus) {
				g.lineStyle(3 * s, t.focus, 1);
				g.strokeRoundedRect(x - 4 * s, y - 4 * s, width + 8 * s, height + 8 * s, radius + 4 * s);
			}
			g.fillStyle(t.ink, 0.08);
			g.fillRoundedRect(x, y + 3, width, height, radius);
			g.fillStyle(!choice.available ? t.surfaceSunk : lit ? t.primarySoft : t.surface, 1);
			g.fillRoundedRect(x, y, width, height, radius);
			g.lineStyle(2, choice.available ? t.primary : t.line, 1);
			g.strokeRoundedRect(x, y, width, height, radius);
			g.fillStyle(choice.available ? t.primary : t.line, 1);
			g.fillCircle(x + 12 * s + 16 * s, y + height / 2, 16 * s);
			if (choice.reporting) {
				// A small flag marks the reporting option beside its words, so it is easy to find.
				const fx = x + width - 20 * s;
				const fy = y + 10 * s;
				g.fillStyle(t.accentInk, 1);
				g.fillRect(fx, fy, 2 * s, 18 * s);
				g.fillTriangle(fx + 2 * s, fy, fx + 2 * s, fy + 10 * s, fx + 13 * s, fy + 5 * s);
			}
			if (!choice.available) {
				// A padlock: the option is shown but not on offer (its reason is written under it).
				const lx = x + width - 22 * s;
				const ly = y + 12 * s;
				g.lineStyle(2 * s, t.inkMuted, 1);
				g.beginPath();
				g.arc(lx + 6 * s, ly + 6 * s, 4.5 * s, Math.PI, 0, false);
				g.strokePath();
				g.fillStyle(t.inkMuted, 1);
				g.fillRoundedRect(lx, ly + 6 * s, 12 * s, 10 * s, 2 * s);
			}
		}
	};
}
