/**
 * The places of the quests, drawn for Taza with plain shapes: a school classroom, a district hospital corridor, a
 * village office, a home with a shyrdak and a dastorkon, a university hall, and a village street under the
 * mountains. Each fills the stage rectangle it is given; the floor line sits where the layout stands characters.
 */
import type Phaser from 'phaser';
import type { Rect } from './quest-layout';
import type { PlaceKind } from './place-kind';
import { mix, shade, tint, type QuestTokens } from './quest-palette';

type Graphics = Phaser.GameObjects.Graphics;

/** The floor line as a share of the stage height: walls above, floor below. */
const FLOOR = 0.74;

export function drawPlace(g: Graphics, t: QuestTokens, kind: PlaceKind, rect: Rect): void {
	switch (kind) {
		case 'classroom':
			return classroom(g, t, rect);
		case 'hospital':
			return corridor(g, t, rect, true);
		case 'corridor':
			return corridor(g, t, rect, false);
		case 'office':
			return office(g, t, rect);
		case 'home':
			return home(g, t, rect);
		case 'university':
			return university(g, t, rect);
		case 'street':
			return street(g, t, rect);
	}
}

function room(g: Graphics, { x, y, width, height }: Rect, wall: number, floor: number): number {
	const floorY = y + height * FLOOR;
	g.fillStyle(wall, 1);
	g.fillRect(x, y, width, floorY - y);
	g.fillStyle(floor, 1);
	g.fillRect(x, floorY, width, y + height - floorY);
	g.fillStyle(shade(wall, 0.18), 1);
	g.fillRect(x, floorY - 6, width, 6);
	return floorY;
}

/** A window onto the sky and the mountains: every setting is somewhere in Kyrgyzstan. */
function mountainWindow(g: Graphics, t: QuestTokens, wx: number, wy: number, ww: number, wh: number): void {
	g.fillStyle(0xffffff, 1);
	g.fillRoundedRect(wx - 4, wy - 4, ww + 8, wh + 8, 4);
	g.fillStyle(t.sky, 1);
	g.fillRect(wx, wy, ww, wh);
	g.fillStyle(t.mountain, 1);
	g.fillTriangle(wx, wy + wh, wx + ww * 0.45, wy + wh * 0.35, wx + ww * 0.9, wy + wh);
	g.fillTriangle(wx + ww * 0.4, wy + wh, wx + ww * 0.8, wy + wh * 0.5, wx + ww, wy + wh * 0.8);
	g.fillRect(wx + ww * 0.9, wy + wh * 0.8, ww * 0.1, wh * 0.2);
	g.fillStyle(t.snow, 1);
	g.fillTriangle(wx + ww * 0.35, wy + wh * 0.51, wx + ww * 0.45, wy + wh * 0.35, wx + ww * 0.53, wy + wh * 0.5);
	g.fillStyle(0xffffff, 1);
	g.fillRect(wx + ww / 2 - 2, wy, 4, wh);
	g.fillRect(wx, wy + wh * 0.45 - 2, ww, 4);
}

function planks(g: Graphics, rect: Rect, floorY: number, colour: number): void {
	g.lineStyle(1, shade(colour, 0.15), 0.6);
	const bottom = rect.y + rect.height;
	for (let line = floorY + 10; line < bottom; line += 12) g.lineBetween(rect.x, line, rect.x + rect.width, line);
}

function classroom(g: Graphics, t: QuestTokens, rect: Rect): void {
	const { x, y, width, height } = rect;
	const floor = 0xc9a37a;
	const floorY = room(g, rect, 0xeadfc8, floor);
	planks(g, rect, floorY, floor);
	// The chalkboard with a little arithmetic and a drawn sun.
	const bw = Math.min(width * 0.5, 420);
	const bh = (floorY - y) * 0.48;
	const bx = x + width * 0.08;
	const by = y + (floorY - y) * 0.16;
	g.fillStyle(0x8a6a48, 1);
	g.fillRoundedRect(bx - 6, by - 6, bw + 12, bh + 12, 4);
	g.fillStyle(0x2f5d4a, 1);
	g.fillRect(bx, by, bw, bh);
	g.lineStyle(2, 0xe8efe9, 0.75);
	g.lineBetween(bx + bw * 0.1, by + bh * 0.3, bx + bw * 0.45, by + bh * 0.3);
	g.lineBetween(bx + bw * 0.1, by + bh * 0.55, bx + bw * 0.35, by + bh * 0.55);
	g.strokeCircle(bx + bw * 0.75, by + bh * 0.42, bh * 0.16);
	g.fillStyle(0x8a6a48, 1);
	g.fillRect(bx, by + bh + 6, bw, 5);
	// A window and a clock.
	const ww = Math.min(width * 0.22, 160);
	mountainWindow(g, t, x + width - ww - width * 0.07, by, ww, bh * 1.1);
	g.fillStyle(0xffffff, 1);
	g.fillCircle(bx + bw + (width * 0.93 - ww - bx - bw) / 2, by + 14, 11);
	g.lineStyle(2, t.ink, 1);
	g.strokeCircle(bx + bw + (width * 0.93 - ww - bx - bw) / 2, by + 14, 11);
	// Desks at the back of the floor.
	g.fillStyle(0x9b7653, 1);
	for (let desk = 0; desk < 4; desk += 1) {
		const dx = x + width * (0.06 + desk * 0.24);
		g.fillRect(dx, floorY - height * 0.07, width * 0.16, 6);
		g.fillRect(dx + 4, floorY - height * 0.07, 4, height * 0.07);
		g.fillRect(dx + width * 0.16 - 8, floorY - height * 0.07, 4, height * 0.07);
	}
}

/** A corridor with doors and a bench: a district hospital's (mint walls, a plus sign) or a school's (warm walls). */
function corridor(g: Graphics, t: QuestTokens, rect: Rect, medical: boolean): void {
	const { x, y, width, height } = rect;
	const floorY = room(g, rect, medical ? 0xdcefe9 : 0xf0e6cf, medical ? 0xcfd6d8 : 0xc4a27c);
	// A painted lower wall, as in district hospitals and schools, and floor tiles.
	g.fillStyle(medical ? 0x9fcfc4 : 0x8fb3a0, 1);
	g.fillRect(x, y + (floorY - y) * 0.58, width, (floorY - y) * 0.42 - 6);
	g.lineStyle(1, 0xb5bec2, 0.8);
	for (let tile = x; tile < x + width; tile += 36) g.lineBetween(tile, floorY, tile - 20, y + height);
	// Ceiling lamps.
	g.fillStyle(0xfffbe8, 1);
	for (let lamp = 0; lamp < 3; lamp += 1) g.fillRoundedRect(x + width * (0.15 + lamp * 0.3), y + 6, width * 0.12, 7, 3);
	// Doors with small windows, each with a plate.
	const dw = Math.min(width * 0.14, 90);
	const dh = (floorY - y) * 0.72;
	for (let door = 0; door < 3; door += 1) {
		const dx = x + width * (0.08 + door * 0.32);
		g.fillStyle(0xf4f1ea, 1);
		g.fillRect(dx, floorY - dh, dw, dh - 6);
		g.lineStyle(2, 0xb7c4c0, 1);
		g.strokeRect(dx, floorY - dh, dw, dh - 6);
		g.fillStyle(t.sky, 1);
		g.fillRect(dx + dw * 0.25, floorY - dh + dh * 0.12, dw * 0.5, dh * 0.22);
		g.fillStyle(t.primary, 1);
		g.fillRoundedRect(dx + dw * 0.1, floorY - dh - 16, dw * 0.8, 10, 2);
		g.fillStyle(t.ink, 1);
		g.fillCircle(dx + dw * 0.82, floorY - dh * 0.45, 3);
	}
	const sx = x + width * 0.86;
	const sy = y + (floorY - y) * 0.2;
	if (medical) {
		// A plus sign over the corridor (teal, not the protected red cross).
		g.fillStyle(t.primary, 1);
		g.fillRect(sx - 12, sy - 4, 24, 8);
		g.fillRect(sx - 4, sy - 12, 8, 24);
	} else {
		// A notice board with timetables.
		g.fillStyle(0x8a6a48, 1);
		g.fillRect(sx - 26, sy - 14, 52, 38);
		g.fillStyle(0xffffff, 1);
		g.fillRect(sx - 21, sy - 9, 18, 24);
		g.fillRect(sx + 2, sy - 9, 18, 16);
	}
	// A bench where people wait.
	g.fillStyle(0x6f8f99, 1);
	g.fillRoundedRect(x + width * 0.3, floorY - height * 0.1, width * 0.4, 8, 3);
	g.fillRect(x + width * 0.32, floorY - height * 0.1, 5, height * 0.1);
	g.fillRect(x + width * 0.68 - 5, floorY - height * 0.1, 5, height * 0.1);
}

function office(g: Graphics, t: QuestTokens, rect: Rect): void {
	const { x, y, width, height } = rect;
	const floor = 0xa88a6a;
	const floorY = room(g, rect, 0xdfe6ee, floor);
	planks(g, rect, floorY, floor);
	const wallH = floorY - y;
	// A cabinet of folders with coloured spines.
	const cx = x + width * 0.05;
	const cw = Math.min(width * 0.2, 150);
	g.fillStyle(0x8b6b4c, 1);
	g.fillRect(cx, y + wallH * 0.18, cw, wallH * 0.82 - 6);
	const spines = [t.primary, t.accent, t.danger, 0x5b6fb5, t.success];
	for (let shelf = 0; shelf < 3; shelf += 1) {
		const sy = y + wallH * (0.22 + shelf * 0.25);
		g.fillStyle(0x6d5239, 1);
		g.fillRect(cx + 4, sy + wallH * 0.2, cw - 8, 3);
		for (let folder = 0; folder < 5; folder += 1) {
			g.fillStyle(spines[(folder + shelf) % spines.length]!, 1);
			g.fillRect(cx + 8 + folder * ((cw - 16) / 5), sy + 2, (cw - 16) / 5 - 3, wallH * 0.18);
		}
	}
	// A window, a wall calendar and a plant.
	const ww = Math.min(width * 0.24, 180);
	mountainWindow(g, t, x + width * 0.42, y + wallH * 0.14, ww, wallH * 0.45);
	g.fillStyle(0xffffff, 1);
	g.fillRect(x + width * 0.8, y + wallH * 0.18, width * 0.09, wallH * 0.3);
	g.fillStyle(t.danger, 1);
	g.fillRect(x + width * 0.8, y + wallH * 0.18, width * 0.09, wallH * 0.06);
	g.lineStyle(1, t.line, 1);
	for (let row = 1; row < 5; row += 1) g.lineBetween(x + width * 0.81, y + wallH * (0.24 + row * 0.045), x + width * 0.88, y + wallH * (0.24 + row * 0.045));
	// The official's desk with papers and a stamp.
	const dx = x + width * 0.3;
	const dw = width * 0.45;
	const dy = floorY - height * 0.16;
	g.fillStyle(0x7a5a3c, 1);
	g.fillRect(dx, dy, dw, 10);
	g.fillStyle(0x6a4c31, 1);
	g.fillRect(dx + 6, dy + 10, dw * 0.28, height * 0.16 - 10);
	g.fillRect(dx + dw - 10, dy + 10, 6, height * 0.16 - 10);
	g.fillStyle(0xffffff, 1);
	g.fillRect(dx + dw * 0.45, dy - 5, dw * 0.18, 5);
	g.fillRect(dx + dw * 0.48, dy - 9, dw * 0.16, 4);
	g.fillStyle(t.primaryStrong, 1);
	g.fillRect(dx + dw * 0.75, dy - 12, 8, 12);
	g.fillCircle(dx + dw * 0.75 + 4, dy - 14, 5);
	g.fillStyle(0x3f8f5a, 1);
	g.fillCircle(x + width * 0.93, floorY - height * 0.14, height * 0.06);
	g.fillCircle(x + width * 0.91, floorY - height * 0.19, height * 0.045);
	g.fillStyle(0xb0643a, 1);
	g.fillRect(x + width * 0.91, floorY - height * 0.1, width * 0.045, height * 0.1);
}

function home(g: Graphics, t: QuestTokens, rect: Rect): void {
	const { x, y, width, height } = rect;
	const floorY = room(g, rect, 0xf3e1c7, 0xb98a5e);
	const wallH = floorY - y;
	// A tush kiyiz (embroidered wall hanging) with a curl pattern.
	const tx = x + width * 0.08;
	const tw = Math.min(width * 0.34, 260);
	const th = wallH * 0.55;
	const ty = y + wallH * 0.14;
	g.fillStyle(0x8e1f2b, 1);
	g.fillRect(tx, ty, tw, th);
	g.lineStyle(3, 0xf2c14e, 1);
	g.strokeRect(tx + 6, ty + 6, tw - 12, th - 12);
	for (let curl = 0; curl < 3; curl += 1) {
		const cx = tx + tw * (0.22 + curl * 0.28);
		g.beginPath();
		g.arc(cx, ty + th / 2, th * 0.16, Math.PI, Math.PI * 2.6, false);
		g.strokePath();
	}
	mountainWindow(g, t, x + width * 0.62, y + wallH * 0.16, Math.min(width * 0.26, 190), wallH * 0.48);
	// A shyrdak on the floor and a low dastorkon table with a teapot and bowls.
	const carpetY = floorY + (y + height - floorY) * 0.2;
	g.fillStyle(0xb23a3a, 1);
	g.fillRect(x + width * 0.1, carpetY, width * 0.8, y + height - carpetY);
	g.fillStyle(0xf2e3c6, 1);
	for (let motif = 0; motif < 6; motif += 1) {
		const mx = x + width * (0.16 + motif * 0.135);
		g.fillTriangle(mx - 10, carpetY + 14, mx + 10, carpetY + 14, mx, carpetY + 4);
		g.fillTriangle(mx - 10, carpetY + 16, mx + 10, carpetY + 16, mx, carpetY + 26);
	}
	const tableY = floorY - height * 0.06;
	g.fillStyle(0x7a4e2d, 1);
	g.fillRoundedRect(x + width * 0.38, tableY, width * 0.3, 8, 3);
	g.fillRect(x + width * 0.4, tableY + 8, 5, height * 0.05);
	g.fillRect(x + width * 0.66 - 5, tableY + 8, 5, height * 0.05);
	g.fillStyle(t.primary, 1);
	g.fillEllipse(x + width * 0.46, tableY - 8, 24, 16);
	g.fillRect(x + width * 0.46 + 10, tableY - 12, 8, 3);
	g.fillStyle(0xffffff, 1);
	g.fillEllipse(x + width * 0.56, tableY - 4, 16, 8);
	g.fillEllipse(x + width * 0.62, tableY - 4, 16, 8);
	g.fillStyle(0xd8a24a, 1);
	g.fillCircle(x + width * 0.52, tableY - 5, 6);
}

function university(g: Graphics, t: QuestTokens, rect: Rect): void {
	const { x, y, width, height } = rect;
	const floorY = room(g, rect, 0xece7df, 0xd6cfc2);
	const wallH = floorY - y;
	// Marble floor squares.
	g.fillStyle(0xc8c0b1, 1);
	for (let tile = 0; tile * 40 < width; tile += 2) g.fillRect(x + tile * 40, floorY, 40, (y + height - floorY) / 2);
	// Columns, a tall door and a notice board with the exam lists.
	const columns = width > 600 ? 5 : 3;
	for (let column = 0; column < columns; column += 1) {
		const cx = x + (width / columns) * (column + 0.5);
		if (Math.abs(cx - (x + width / 2)) < width * 0.12) continue;
		g.fillStyle(0xf7f4ee, 1);
		g.fillRect(cx - 14, y + wallH * 0.08, 28, wallH * 0.92 - 6);
		g.fillStyle(0xdcd5c8, 1);
		g.fillRect(cx - 18, y + wallH * 0.05, 36, 8);
		g.fillRect(cx - 18, floorY - 14, 36, 8);
		g.lineStyle(1, 0xdcd5c8, 1);
		g.lineBetween(cx - 5, y + wallH * 0.1, cx - 5, floorY - 14);
		g.lineBetween(cx + 5, y + wallH * 0.1, cx + 5, floorY - 14);
	}
	const dw = Math.min(width * 0.16, 110);
	g.fillStyle(0x6b4a2f, 1);
	g.fillRoundedRect(x + width / 2 - dw / 2, y + wallH * 0.2, dw, wallH * 0.8 - 6, { tl: dw / 2, tr: dw / 2, bl: 0, br: 0 });
	g.lineStyle(2, 0x4f3521, 1);
	g.lineBetween(x + width / 2, y + wallH * 0.3, x + width / 2, floorY - 6);
	g.fillStyle(0x2f5d4a, 1);
	const nx = x + width / 2 + dw / 2 + 16;
	g.fillRect(nx, y + wallH * 0.3, Math.min(width * 0.12, 90), wallH * 0.3);
	g.fillStyle(0xffffff, 1);
	for (let sheet = 0; sheet < 3; sheet += 1) g.fillRect(nx + 6 + sheet * Math.min(width * 0.035, 27), y + wallH * 0.34, Math.min(width * 0.028, 20), wallH * 0.2);
	// Steps at the door.
	g.fillStyle(0xcfc6b6, 1);
	g.fillRect(x + width / 2 - dw * 0.8, floorY - 4, dw * 1.6, 6);
}

function street(g: Graphics, t: QuestTokens, rect: Rect): void {
	const { x, y, width, height } = rect;
	const horizon = y + height * 0.62;
	g.fillStyle(t.sky, 1);
	g.fillRect(x, y, width, height);
	g.fillStyle(t.accent, 1);
	g.fillCircle(x + width * 0.94, y + height * 0.12, Math.min(width, height) * 0.06);
	// Mountains with snow, then the foothills.
	g.fillStyle(t.mountain, 1);
	g.fillTriangle(x - width * 0.1, horizon, x + width * 0.22, y + height * 0.16, x + width * 0.55, horizon);
	g.fillTriangle(x + width * 0.35, horizon, x + width * 0.68, y + height * 0.1, x + width * 1.05, horizon);
	g.fillStyle(t.snow, 1);
	g.fillTriangle(x + width * 0.16, y + height * 0.25, x + width * 0.22, y + height * 0.16, x + width * 0.28, y + height * 0.25);
	g.fillTriangle(x + width * 0.615, y + height * 0.2, x + width * 0.68, y + height * 0.1, x + width * 0.745, y + height * 0.2);
	g.fillStyle(0x9cc18f, 1);
	g.fillRect(x, horizon, width, y + height - horizon);
	g.fillStyle(mix(0x9cc18f, t.primary, 0.25), 1);
	g.fillEllipse(x + width * 0.3, horizon, width * 0.8, height * 0.12);
	// A house with a red roof, poplars, and the road.
	const hx = x + width * 0.08;
	const hw = Math.min(width * 0.28, 200);
	const hh = height * 0.2;
	g.fillStyle(0xf5efe4, 1);
	g.fillRect(hx, horizon - hh, hw, hh);
	g.fillStyle(t.danger, 0.85);
	g.fillTriangle(hx - 10, horizon - hh, hx + hw + 10, horizon - hh, hx + hw / 2, horizon - hh * 1.7);
	g.fillStyle(t.sky, 1);
	g.fillRect(hx + hw * 0.15, horizon - hh * 0.7, hw * 0.22, hh * 0.35);
	g.fillRect(hx + hw * 0.63, horizon - hh * 0.7, hw * 0.22, hh * 0.35);
	for (let tree = 0; tree < 3; tree += 1) {
		const tx = x + width * (0.5 + tree * 0.08);
		g.fillStyle(0x6b4a2f, 1);
		g.fillRect(tx - 2, horizon - height * 0.05, 4, height * 0.05);
		g.fillStyle(shade(0x3f8f5a, tree * 0.08), 1);
		g.fillEllipse(tx, horizon - height * 0.17, width * 0.035, height * 0.26);
	}
	g.fillStyle(tint(0xb9a58a, 0.2), 1);
	g.fillRect(x, y + height * 0.86, width, height * 0.14);
}
