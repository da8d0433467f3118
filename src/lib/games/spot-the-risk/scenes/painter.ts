/** What the scene's drawings get: a Graphics to draw shapes on, a way to write a word or a number, and the colours. */
import type Phaser from 'phaser';
import type { Palette } from '../../core/palette';

export interface Painter {
	g: Phaser.GameObjects.Graphics;
	/** Writes a short text centred on (x, y): numbers and signs on the drawn props. */
	text: (x: number, y: number, text: string, size: number, colour: string, bold?: boolean) => void;
	p: Palette['hex'];
	css: Palette['css'];
}

export interface PersonLook {
	body: number;
	hair?: number;
	/** Seen from behind (a queue, pupils at their desks). */
	back?: boolean;
	scale?: number;
	/** Only the upper body (behind a desk). */
	seated?: boolean;
}

/** A person standing or seated, (x, y) at the waist. */
export function person({ g, p }: Painter, x: number, y: number, look: PersonLook): void {
	const s = look.scale ?? 1;
	const skin = 0xe8b98a;
	g.fillStyle(look.body).fillRoundedRect(x - 14 * s, y - 30 * s, 28 * s, look.seated ? 30 * s : 34 * s, { tl: 12 * s, tr: 12 * s, bl: 3 * s, br: 3 * s });
	if (!look.seated) {
		g.fillStyle(p.ink).fillRect(x - 10 * s, y + 4 * s, 8 * s, 26 * s).fillRect(x + 2 * s, y + 4 * s, 8 * s, 26 * s);
	}
	g.fillStyle(look.back ? (look.hair ?? p.ink) : skin).fillCircle(x, y - 42 * s, 11 * s);
	if (!look.back) g.fillStyle(look.hair ?? p.ink).fillEllipse(x, y - 50 * s, 22 * s, 10 * s);
}

export function banknote({ g, p }: Painter, x: number, y: number): void {
	g.fillStyle(p.success).fillRect(x - 14, y - 7, 28, 14);
	g.lineStyle(1, p['success-soft']).strokeRect(x - 11, y - 4, 22, 8);
	g.fillStyle(p['success-soft']).fillCircle(x, y, 3);
}
