/**
 * The props a "Spot the risk" scene can hide (SPOT_PROPS in the content schema), each drawn around its centre (x, y)
 * so content can place it. Everything is drawn with shapes in the app's palette: no image files.
 */
import { banknote, person, type Painter } from './painter';

type Prop = (painter: Painter, x: number, y: number) => void;

const paper = ({ g, p }: Painter, x: number, y: number, width: number, height: number, tilt = 0) => {
	g.fillStyle(p.ink, 0.12).fillRect(x - width / 2 + 2, y - height / 2 + 3, width, height);
	g.fillStyle(p.surface).fillRect(x - width / 2, y - height / 2, width, height);
	g.lineStyle(1, p.line).strokeRect(x - width / 2, y - height / 2, width, height);
	if (tilt) g.fillStyle(p.accent, 0.7).fillRect(x - 8, y - height / 2 - 4, 16, 7);
};

const lines = ({ g, p }: Painter, x: number, y: number, width: number, count: number, gap = 7, colour = p['ink-muted']) => {
	g.lineStyle(2, colour);
	for (let i = 0; i < count; i += 1) g.lineBetween(x - width / 2, y + i * gap, x + width / 2 - (i % 2) * 8, y + i * gap);
};

export const PROPS: Record<string, Prop> = {
	'envelope-folder'(painter, x, y) {
		const { g, p } = painter;
		g.fillStyle(p['accent-soft']).fillRect(x - 4, y - 14, 34, 20);
		g.lineStyle(1, p['accent-ink']).strokeRect(x - 4, y - 14, 34, 20).lineBetween(x - 4, y - 14, x + 13, y - 3).lineBetween(x + 13, y - 3, x + 30, y - 14);
		banknote(painter, x + 20, y - 16);
		g.fillStyle(p.primary).fillRect(x - 30, y - 8, 46, 14);
		g.fillStyle(p['primary-strong']).fillRect(x - 30, y - 8, 46, 3);
	},
	'fee-sign'(painter, x, y) {
		paper(painter, x, y, 52, 44, -0.1);
		painter.text(x, y - 6, '500', 16, painter.css.danger, true);
		lines(painter, x, y + 10, 34, 1, 0, painter.p.danger);
	},
	'side-door-visitor'(painter, x, y) {
		const { g, p } = painter;
		g.fillStyle(p['accent-ink']).fillRect(x - 30, y - 70, 60, 140);
		g.fillStyle(p.ink).fillRect(x - 24, y - 64, 48, 134);
		person(painter, x + 4, y + 30, { body: p['ink-muted'], hair: p.ink });
		g.fillStyle(0xe8b98a).fillCircle(x - 18, y + 8, 5);
		g.lineStyle(6, p['ink-muted']).lineBetween(x - 6, y + 4, x - 16, y + 8);
	},
	'relative-desk'(painter, x, y) {
		const { g, p } = painter;
		person(painter, x, y + 12, { body: p.accent, hair: p.ink, seated: true });
		g.fillStyle(p['accent-ink']).fillRect(x - 42, y + 12, 84, 10);
		g.fillStyle(p['accent-ink'], 0.75).fillRect(x - 38, y + 22, 76, 30);
		// A family photo on the desk: the head and his nephew, side by side.
		g.fillStyle(p.surface).fillRect(x + 16, y - 6, 22, 18);
		g.lineStyle(2, p['accent-ink']).strokeRect(x + 16, y - 6, 22, 18);
		g.fillStyle(p.primary).fillCircle(x + 22, y + 3, 4);
		g.fillStyle(p.accent).fillCircle(x + 32, y + 3, 4);
	},
	'price-list'(painter, x, y) {
		const { g, p } = painter;
		paper(painter, x, y, 56, 72);
		g.fillStyle(p.primary).fillRect(x - 28, y - 36, 56, 12);
		lines(painter, x, y - 14, 40, 5);
		g.lineStyle(2, p.primary).strokeCircle(x + 14, y + 24, 8);
	},
	'cash-window'(painter, x, y) {
		const { g, p } = painter;
		g.fillStyle(p['accent-ink']).fillRect(x - 34, y - 30, 68, 60);
		g.fillStyle(p.sky).fillRect(x - 28, y - 24, 56, 40);
		person(painter, x, y + 10, { body: p.primary, hair: p.ink, seated: true, scale: 0.7 });
		g.fillStyle(p['surface-sunk']).fillRect(x - 34, y + 16, 68, 10);
		paper(painter, x + 16, y + 12, 16, 20);
		lines(painter, x + 16, y + 6, 10, 3, 5);
	},
	'complaint-box'(painter, x, y) {
		const { g, p } = painter;
		g.fillStyle(p.primary).fillRoundedRect(x - 18, y - 16, 36, 34, 4);
		g.fillStyle(p['primary-strong']).fillRect(x - 10, y - 10, 20, 4);
		g.fillStyle(p.surface).fillRect(x - 9, y + 1, 18, 11);
		g.lineStyle(1, p.primary).lineBetween(x - 9, y + 1, x, y + 7).lineBetween(x, y + 7, x + 9, y + 1);
	},
	'ticket-machine'(painter, x, y) {
		const { g, p } = painter;
		g.fillStyle(p['ink-muted']).fillRoundedRect(x - 14, y - 26, 28, 52, 4);
		g.fillStyle(p.sky).fillRect(x - 9, y - 20, 18, 14);
		paper(painter, x, y + 10, 12, 10);
	},
	'queue-board'(painter, x, y) {
		const { g, p } = painter;
		g.fillStyle(p.ink).fillRoundedRect(x - 40, y - 20, 80, 40, 4);
		painter.text(x - 18, y - 8, 'A 14', 11, painter.css.accent, true);
		painter.text(x + 18, y - 8, '→ 3', 11, painter.css.snow, true);
		painter.text(x - 18, y + 8, 'A 15', 11, painter.css.snow, true);
		painter.text(x + 18, y + 8, '→ 5', 11, painter.css.snow, true);
	},
	'board-collection'(painter, x, y) {
		const { g, p } = painter;
		g.fillStyle(p['accent-ink']).fillRect(x - 110, y - 58, 220, 116);
		g.fillStyle(p.success).fillRect(x - 104, y - 52, 208, 104);
		painter.text(x - 44, y - 32, '1000 ×', 16, painter.css.snow, true);
		g.lineStyle(2, p.snow, 0.9);
		for (let row = 0; row < 4; row += 1) g.lineBetween(x - 80, y - 8 + row * 14, x - 20 - (row % 2) * 14, y - 8 + row * 14);
		g.lineStyle(2, p.accent).lineBetween(x + 10, y - 12, x + 80, y - 12);
		for (let row = 0; row < 3; row += 1) g.lineStyle(2, p.snow, 0.9).lineBetween(x + 20, y + 4 + row * 14, x + 76, y + 4 + row * 14);
	},
	'gradebook-envelope'(painter, x, y) {
		const { g, p } = painter;
		g.fillStyle(p['accent-soft']).fillRect(x - 2, y - 16, 26, 16);
		g.lineStyle(1, p['accent-ink']).strokeRect(x - 2, y - 16, 26, 16).lineBetween(x - 2, y - 16, x + 11, y - 8).lineBetween(x + 11, y - 8, x + 24, y - 16);
		g.fillStyle(p['primary-strong']).fillRect(x - 26, y - 6, 44, 12);
		g.fillStyle(p.surface).fillRect(x - 24, y - 4, 40, 3);
	},
	'gift-box'(painter, x, y) {
		const { g, p } = painter;
		g.fillStyle(p.ink).fillRoundedRect(x - 22, y - 16, 44, 28, 3);
		g.fillStyle(p.sky).fillRoundedRect(x - 8, y - 12, 16, 20, 2);
		g.lineStyle(2, p.accent).strokeRoundedRect(x - 22, y - 16, 44, 28, 3);
	},
	'tutoring-note'(painter, x, y) {
		paper(painter, x, y, 40, 46, 1);
		painter.text(x, y - 10, '800', 12, painter.css.danger, true);
		lines(painter, x, y + 4, 26, 3, 6);
	},
	flowers(painter, x, y) {
		const { g, p } = painter;
		g.fillStyle(p.sky).fillRoundedRect(x - 8, y + 2, 16, 24, 4);
		g.lineStyle(2, p.success).lineBetween(x, y + 4, x - 10, y - 14).lineBetween(x, y + 4, x + 10, y - 14).lineBetween(x, y + 4, x, y - 20);
		g.fillStyle(p.danger).fillCircle(x - 10, y - 16, 6);
		g.fillStyle(p.accent).fillCircle(x + 10, y - 16, 6);
		g.fillStyle(p['danger-soft']).fillCircle(x, y - 22, 6);
	},
	'class-card'(painter, x, y) {
		const { g, p } = painter;
		paper(painter, x, y, 40, 32, 1);
		g.fillStyle(p.danger).fillCircle(x - 4, y - 4, 5).fillCircle(x + 4, y - 4, 5).fillTriangle(x - 9, y - 2, x + 9, y - 2, x, y + 8);
		lines(painter, x, y + 11, 26, 1);
	},
	'pocket-cash'(painter, x, y) {
		const { g, p } = painter;
		person(painter, x, y + 12, { body: p.surface, hair: p.ink, seated: true });
		g.lineStyle(1, p.line).strokeRoundedRect(x - 14, y - 18, 28, 30, { tl: 12, tr: 12, bl: 3, br: 3 });
		g.fillStyle(p['primary-soft']).fillRect(x + 2, y - 2, 10, 10);
		// The visitor's hand, from the right, with a banknote.
		g.lineStyle(7, p.mountain).lineBetween(x + 40, y + 4, x + 18, y + 2);
		banknote(painter, x + 12, y - 2);
	},
	'pharmacy-flyer'(painter, x, y) {
		const { g, p } = painter;
		for (const dx of [-8, 0, 8]) {
			paper(painter, x + dx, y - dx / 2, 26, 20);
			g.fillStyle(p.success).fillRect(x + dx - 3, y - dx / 2 - 7, 6, 14).fillRect(x + dx - 7, y - dx / 2 - 3, 14, 6);
		}
	},
	'free-services-poster'(painter, x, y) {
		const { g, p } = painter;
		paper(painter, x, y, 60, 70);
		g.fillStyle(p.success).fillRect(x - 30, y - 35, 60, 12);
		for (let row = 0; row < 4; row += 1) {
			g.lineStyle(2, p.success).lineBetween(x - 22, y - 12 + row * 12, x - 18, y - 8 + row * 12).lineBetween(x - 18, y - 8 + row * 12, x - 12, y - 16 + row * 12);
			g.lineStyle(2, p['ink-muted']).lineBetween(x - 6, y - 12 + row * 12, x + 22, y - 12 + row * 12);
		}
	}
};

export function drawProp(painter: Painter, prop: string, x: number, y: number): void {
	(PROPS[prop] ?? PROPS['complaint-box']!)(painter, x, y);
}
