/**
 * The small pictures on "Gift or bribe?" cards, one per place a situation happens (SORT_CARD_PLACES), drawn with
 * shapes in the app's palette — no image files. Each fits a 72×72 box centred on (x, y).
 */
import type Phaser from 'phaser';
import type { Palette } from '../../core/palette';

type Draw = (g: Phaser.GameObjects.Graphics, x: number, y: number, p: Palette['hex']) => void;

const building = (g: Phaser.GameObjects.Graphics, x: number, y: number, wall: number, roof: number) => {
	g.fillStyle(wall).fillRect(x - 30, y - 8, 60, 38);
	g.fillStyle(roof).fillTriangle(x - 36, y - 6, x + 36, y - 6, x, y - 32);
};

const PLACES: Record<string, Draw> = {
	school(g, x, y, p) {
		building(g, x, y, p['accent-soft'], p.primary);
		g.fillStyle(p.sky).fillRect(x - 24, y, 12, 10).fillRect(x + 12, y, 12, 10);
		g.fillStyle(p['primary-strong']).fillRect(x - 6, y + 12, 12, 18);
		g.lineStyle(2, p.ink).lineBetween(x, y - 32, x, y - 44);
		g.fillStyle(p.danger).fillTriangle(x, y - 44, x + 12, y - 40, x, y - 36);
	},
	road(g, x, y, p) {
		g.fillStyle(p['ink-muted']).fillRect(x - 36, y + 14, 72, 16);
		g.fillStyle(p.snow).fillRect(x - 30, y + 21, 12, 3).fillRect(x - 6, y + 21, 12, 3).fillRect(x + 18, y + 21, 12, 3);
		g.fillStyle(p.primary).fillRoundedRect(x - 26, y - 6, 52, 18, 5).fillRoundedRect(x - 14, y - 18, 28, 14, 5);
		g.fillStyle(p.sky).fillRect(x - 10, y - 15, 9, 8).fillRect(x + 1, y - 15, 9, 8);
		g.fillStyle(p.ink).fillCircle(x - 15, y + 13, 6).fillCircle(x + 15, y + 13, 6);
		g.fillStyle(p.danger).fillRect(x - 4, y - 22, 4, 4);
		g.fillStyle(p.primary).fillRect(x, y - 22, 4, 4);
	},
	clinic(g, x, y, p) {
		g.fillStyle(p.surface).fillRect(x - 30, y - 24, 60, 54);
		g.lineStyle(2, p.line).strokeRect(x - 30, y - 24, 60, 54);
		g.fillStyle(p.danger).fillRect(x - 5, y - 18, 10, 28).fillRect(x - 14, y - 9, 28, 10);
		g.fillStyle(p.sky).fillRect(x - 22, y + 14, 44, 16);
	},
	office(g, x, y, p) {
		g.fillStyle(p.line).fillRect(x - 34, y + 24, 68, 6);
		g.fillStyle(p.surface).fillRect(x - 28, y - 8, 56, 32);
		g.fillStyle(p['mountain']).fillTriangle(x - 34, y - 8, x + 34, y - 8, x, y - 30);
		g.fillStyle(p['surface-sunk']);
		for (const dx of [-22, -8, 6, 20]) g.fillRect(x + dx - 2, y - 4, 6, 28);
		g.fillStyle(p.danger).fillRect(x - 3, y - 44, 10, 7);
		g.fillStyle(p.accent).fillRect(x - 3, y - 37, 10, 1);
		g.lineStyle(2, p.ink).lineBetween(x - 3, y - 44, x - 3, y - 30);
	},
	home(g, x, y, p) {
		building(g, x, y, p.surface, p.danger);
		g.lineStyle(2, p.line).strokeRect(x - 30, y - 8, 60, 38);
		g.fillStyle(p.accent).fillRect(x - 22, y + 2, 14, 12);
		g.fillStyle(p['accent-ink']).fillRect(x + 6, y + 6, 14, 24);
	},
	celebration(g, x, y, p) {
		// A yurt (boz üy), where a toi is held.
		g.fillStyle(p.surface).fillRect(x - 32, y - 4, 64, 34);
		g.fillStyle(p['surface-sunk']).fillEllipse(x, y - 6, 70, 34);
		g.fillStyle(p.surface).fillEllipse(x, y - 10, 58, 26);
		g.fillStyle(p.danger).fillRect(x - 32, y + 2, 64, 5);
		g.fillStyle(p['accent-ink']).fillRoundedRect(x - 8, y + 10, 16, 20, { tl: 8, tr: 8, bl: 0, br: 0 });
		g.lineStyle(2, p['accent-ink']).strokeCircle(x, y - 22, 6);
		g.fillStyle(p.accent).fillCircle(x - 26, y - 30, 3).fillCircle(x + 28, y - 28, 3);
		g.fillStyle(p.primary).fillCircle(x + 20, y - 36, 3);
	},
	university(g, x, y, p) {
		g.fillStyle(p.ink).fillTriangle(x - 36, y - 8, x, y - 24, x + 36, y - 8).fillTriangle(x - 36, y - 8, x, y + 8, x + 36, y - 8);
		g.fillStyle(p['ink-muted']).fillRoundedRect(x - 20, y - 2, 40, 22, { tl: 0, tr: 0, bl: 10, br: 10 });
		g.lineStyle(2, p.accent).lineBetween(x, y - 8, x + 28, y + 2).lineBetween(x + 28, y + 2, x + 28, y + 20);
		g.fillStyle(p.accent).fillCircle(x + 28, y + 22, 4);
	},
	sport(g, x, y, p) {
		g.fillStyle(p.accent).fillRoundedRect(x - 20, y - 28, 40, 30, { tl: 0, tr: 0, bl: 18, br: 18 });
		g.lineStyle(4, p.accent).strokeCircle(x - 22, y - 16, 8).strokeCircle(x + 22, y - 16, 8);
		g.fillStyle(p['accent-ink']).fillRect(x - 4, y + 2, 8, 12).fillRoundedRect(x - 16, y + 14, 32, 10, 3);
		g.fillStyle(p.surface).fillCircle(x - 6, y - 18, 3);
	}
};

export function drawPlace(g: Phaser.GameObjects.Graphics, place: string, x: number, y: number, palette: Palette): void {
	(PLACES[place] ?? PLACES.home!)(g, x, y, palette.hex);
}
