/**
 * The rooms "Spot the risk" is played in (SPOT_SCENES), drawn in the scene's 360×480 units: walls, floor, windows,
 * doors, furniture and the people who are only there to make the room alive. The props hiding risks (props.ts) are
 * drawn on top, where the content places them.
 */
import { person, type Painter } from './painter';

const room = ({ g, p }: Painter, wall: number) => {
	g.fillStyle(wall).fillRect(0, 0, 360, 336);
	g.fillStyle(p['surface-sunk']).fillRect(0, 336, 360, 144);
	g.fillStyle(p.line).fillRect(0, 332, 360, 6);
};

/** A window on the mountains, as from most rooms in Kyrgyzstan. */
const mountainWindow = ({ g, p }: Painter, x: number, y: number, width: number, height: number) => {
	g.fillStyle(p.surface).fillRect(x - 5, y - 5, width + 10, height + 10);
	g.fillStyle(p.sky).fillRect(x, y, width, height);
	g.fillStyle(p.mountain).fillTriangle(x, y + height, x + width * 0.45, y + height * 0.3, x + width * 0.9, y + height);
	g.fillStyle(p.snow).fillTriangle(x + width * 0.36, y + height * 0.45, x + width * 0.45, y + height * 0.3, x + width * 0.54, y + height * 0.45);
	g.lineStyle(4, p.surface).lineBetween(x + width / 2, y, x + width / 2, y + height);
};

const door = ({ g, p }: Painter, x: number, top: number, width: number) => {
	g.fillStyle(p['accent-ink']).fillRect(x, top, width, 336 - top);
	g.fillStyle(p['accent-soft']).fillRect(x + 5, top + 5, width - 10, 331 - top - 5);
	g.fillStyle(p['accent-ink']).fillCircle(x + width - 14, top + (336 - top) / 2, 3);
};

const desk = ({ g, p }: Painter, x: number, y: number, width: number) => {
	g.fillStyle(p['accent-ink']).fillRect(x, y, width, 12);
	g.fillStyle(p['accent-ink'], 0.8).fillRect(x + 6, y + 12, width - 12, 46);
};

export const BACKDROPS: Record<string, (painter: Painter) => void> = {
	'village-office'(painter) {
		const { p } = painter;
		room(painter, p.canvas);
		mountainWindow(painter, 112, 36, 72, 68);
		painter.g.fillStyle(p.primary).fillRect(290, 156, 62, 180);
		// The clerk behind the desk, the queue waiting in front of it.
		person(painter, 232, 250, { body: p.primary, hair: p.ink, seated: true });
		desk(painter, 124, 250, 160);
		person(painter, 96, 436, { body: p.accent, back: true, hair: p.ink });
		person(painter, 162, 444, { body: p['mountain'], back: true, hair: p['accent-ink'] });
		person(painter, 226, 438, { body: p['danger'], back: true, hair: p.ink });
	},
	school(painter) {
		const { p } = painter;
		room(painter, p['primary-soft']);
		mountainWindow(painter, 262, 40, 76, 96);
		door(painter, 18, 168, 64);
		desk(painter, 150, 268, 190);
		for (const [x, y, colour] of [
			[110, 430, p.accent],
			[200, 430, p.primary],
			[290, 430, p.danger]
		] as const) {
			person(painter, x, y, { body: colour, back: true, hair: p.ink, seated: true, scale: 0.9 });
			painter.g.fillStyle(p['accent-ink']).fillRect(x - 36, y + 2, 72, 8);
		}
	},
	clinic(painter) {
		const { g, p } = painter;
		room(painter, p.surface);
		g.fillStyle(p['primary-soft']).fillRect(0, 250, 360, 82);
		door(painter, 14, 150, 62);
		g.fillStyle(p.primary).fillRect(250, 150, 68, 186);
		// The nurses' station.
		g.fillStyle(p.surface).fillRect(86, 326, 170, 12);
		g.fillStyle(p.mountain).fillRect(92, 338, 158, 40);
		// People waiting on a bench.
		g.fillStyle(p['accent-ink']).fillRect(20, 452, 320, 8);
		person(painter, 60, 440, { body: p.accent, hair: p.ink, seated: true, scale: 0.9 });
		person(painter, 300, 440, { body: p.danger, hair: p['ink-muted'], seated: true, scale: 0.9 });
	}
};

export function drawBackdrop(painter: Painter, scene: string): void {
	(BACKDROPS[scene] ?? BACKDROPS['village-office']!)(painter);
}
