/**
 * A character drawn for Taza with plain shapes: a friendly round face, hair or a headdress (a grandmother's
 * jooluk scarf, a grandfather's white kalpak, a nurse's cap), clothes by role and an accessory. Everything scales
 * from the figure's height, so one drawing serves a phone and a projector. Drawing only: the look comes from
 * `castLook`, the place on stage from the layout.
 */
import type Phaser from 'phaser';
import type { CastLook } from './cast-look';
import { shade, tint, type QuestTokens } from './quest-palette';

type Graphics = Phaser.GameObjects.Graphics;

/** Draws `look` standing with its feet's middle at (x, floorY), `height` tall; `speaking` lifts it into a spotlight. */
export function drawFigure(g: Graphics, t: QuestTokens, look: CastLook, x: number, floorY: number, height: number, speaking: boolean): void {
	const u = height / 100;
	const elder = look.age === 'elder';
	const teen = look.age === 'teen';
	const shoulders = (teen ? 24 : 28) * u;
	const headR = (teen ? 10 : 9.5) * u;
	const headY = floorY - (teen ? 84 : 87) * u;
	const neckY = headY + headR;
	const waistY = floorY - 42 * u;

	// The speaker stands in a soft pool of light, so a reader sees who talks without colour alone.
	g.fillStyle(speaking ? t.accent : 0x000000, speaking ? 0.35 : 0.12);
	g.fillEllipse(x, floorY, shoulders * (speaking ? 2.6 : 1.9), 9 * u);

	// Backpack behind the body.
	if (look.accessory === 'backpack') {
		g.fillStyle(shade(look.top, 0.35), 1);
		g.fillRoundedRect(x - shoulders / 2 - 5 * u, neckY + 6 * u, 10 * u, 24 * u, 3 * u);
	}
	// Long hair falls behind the shoulders.
	if (look.hair === 'long') {
		g.fillStyle(look.hairColour, 1);
		g.fillRoundedRect(x - headR * 1.1, headY - headR * 0.2, headR * 2.2, headR * 2.6, headR * 0.6);
	}

	// Legs and shoes.
	const legW = 8 * u;
	g.fillStyle(look.bottom, 1);
	g.fillRect(x - legW - 1.5 * u, waistY, legW, 40 * u);
	g.fillRect(x + 1.5 * u, waistY, legW, 40 * u);
	g.fillStyle(t.ink, 1);
	g.fillRoundedRect(x - legW - 3 * u, floorY - 4 * u, legW + 3 * u, 5 * u, 2 * u);
	g.fillRoundedRect(x + 1.5 * u, floorY - 4 * u, legW + 3 * u, 5 * u, 2 * u);

	// Body by outfit.
	const bodyTop = neckY + 3 * u;
	const armY = bodyTop + 2 * u;
	if (look.outfit === 'dress') {
		g.fillStyle(look.top, 1);
		g.fillRoundedRect(x - shoulders / 2, bodyTop, shoulders, waistY - bodyTop + 4 * u, 5 * u);
		g.fillTriangle(x - shoulders / 2 - 6 * u, floorY - 12 * u, x + shoulders / 2 + 6 * u, floorY - 12 * u, x, waistY - 10 * u);
		// A woven band at the hem.
		g.fillStyle(tint(look.top, 0.55), 1);
		g.fillRect(x - shoulders / 2 - 4 * u, floorY - 15 * u, shoulders + 8 * u, 3 * u);
	} else if (look.outfit === 'white-coat') {
		g.fillStyle(look.bottom, 1);
		g.fillRoundedRect(x - shoulders / 2 + 2 * u, bodyTop, shoulders - 4 * u, waistY - bodyTop, 4 * u);
		g.fillStyle(0xffffff, 1);
		g.fillRoundedRect(x - shoulders / 2, bodyTop, shoulders * 0.42, floorY - 20 * u - bodyTop, 4 * u);
		g.fillRoundedRect(x + shoulders * 0.08, bodyTop, shoulders * 0.42, floorY - 20 * u - bodyTop, 4 * u);
		g.lineStyle(1.2 * u, t.line, 1);
		g.strokeRoundedRect(x - shoulders / 2, bodyTop, shoulders * 0.42, floorY - 20 * u - bodyTop, 4 * u);
		g.strokeRoundedRect(x + shoulders * 0.08, bodyTop, shoulders * 0.42, floorY - 20 * u - bodyTop, 4 * u);
	} else {
		g.fillStyle(look.top, 1);
		g.fillRoundedRect(x - shoulders / 2, bodyTop, shoulders, waistY - bodyTop + 4 * u, 6 * u);
		if (look.outfit === 'suit' || look.outfit === 'uniform' || look.outfit === 'jacket') {
			// A white shirt showing at the collar; a suit adds a tie.
			g.fillStyle(0xffffff, 1);
			g.fillTriangle(x - 5 * u, bodyTop, x + 5 * u, bodyTop, x, bodyTop + 10 * u);
			if (look.outfit === 'suit' || look.accessory === 'tie') {
				g.fillStyle(t.danger, 1);
				g.fillTriangle(x - 1.8 * u, bodyTop + 2 * u, x + 1.8 * u, bodyTop + 2 * u, x, bodyTop + 16 * u);
			}
			g.lineStyle(1.2 * u, shade(look.top, 0.3), 1);
			g.lineBetween(x, bodyTop + 10 * u, x, waistY + 2 * u);
		}
	}

	// Arms and hands.
	const sleeve = look.outfit === 'white-coat' ? 0xffffff : look.top;
	g.fillStyle(shade(sleeve, look.outfit === 'white-coat' ? 0.06 : 0.12), 1);
	g.fillRoundedRect(x - shoulders / 2 - 6 * u, armY, 7 * u, 30 * u, 3.5 * u);
	g.fillRoundedRect(x + shoulders / 2 - 1 * u, armY, 7 * u, 30 * u, 3.5 * u);
	g.fillStyle(look.skin, 1);
	g.fillCircle(x - shoulders / 2 - 2.5 * u, armY + 31 * u, 3.4 * u);
	g.fillCircle(x + shoulders / 2 + 2.5 * u, armY + 31 * u, 3.4 * u);

	if (look.accessory === 'folder') {
		g.fillStyle(t.primary, 1);
		g.fillRoundedRect(x + shoulders / 2 - 1 * u, armY + 18 * u, 12 * u, 16 * u, 1.5 * u);
	}
	if (look.accessory === 'cane') {
		g.lineStyle(2.2 * u, 0x6b4a2f, 1);
		g.lineBetween(x + shoulders / 2 + 3 * u, armY + 31 * u, x + shoulders / 2 + 6 * u, floorY);
	}
	if (look.accessory === 'stethoscope') {
		g.lineStyle(1.6 * u, t.inkMuted, 1);
		g.beginPath();
		g.arc(x, bodyTop + 4 * u, 7 * u, 0.15 * Math.PI, 0.85 * Math.PI, false);
		g.strokePath();
		g.fillStyle(t.inkMuted, 1);
		g.fillCircle(x + 2 * u, bodyTop + 16 * u, 2 * u);
	}

	// Neck and head.
	g.fillStyle(shade(look.skin, 0.08), 1);
	g.fillRect(x - 3 * u, neckY - 2 * u, 6 * u, 6 * u);
	g.fillStyle(look.skin, 1);
	g.fillCircle(x, headY, headR);
	drawHair(g, t, look, x, headY, headR, u);

	// A friendly face: eyes, cheeks, a smile; an elder gets soft lines by the eyes.
	g.fillStyle(t.ink, 1);
	g.fillCircle(x - headR * 0.36, headY + headR * 0.04, Math.max(1, headR * 0.1));
	g.fillCircle(x + headR * 0.36, headY + headR * 0.04, Math.max(1, headR * 0.1));
	g.fillStyle(0xe07a6a, 0.35);
	g.fillCircle(x - headR * 0.55, headY + headR * 0.3, headR * 0.16);
	g.fillCircle(x + headR * 0.55, headY + headR * 0.3, headR * 0.16);
	g.lineStyle(Math.max(1, headR * 0.09), shade(look.skin, 0.55), 1);
	g.beginPath();
	g.arc(x, headY + headR * 0.2, headR * 0.32, 0.2 * Math.PI, 0.8 * Math.PI, false);
	g.strokePath();
	if (elder) {
		g.lineBetween(x - headR * 0.62, headY - headR * 0.2, x - headR * 0.78, headY - headR * 0.12);
		g.lineBetween(x + headR * 0.62, headY - headR * 0.2, x + headR * 0.78, headY - headR * 0.12);
	}
	if (look.accessory === 'glasses') {
		g.lineStyle(Math.max(1, headR * 0.08), t.ink, 1);
		g.strokeCircle(x - headR * 0.36, headY + headR * 0.04, headR * 0.24);
		g.strokeCircle(x + headR * 0.36, headY + headR * 0.04, headR * 0.24);
		g.lineBetween(x - headR * 0.12, headY + headR * 0.04, x + headR * 0.12, headY + headR * 0.04);
	}
}

function drawHair(g: Graphics, t: QuestTokens, look: CastLook, x: number, headY: number, r: number, u: number): void {
	const colour = look.hairColour;
	switch (look.hair) {
		case 'scarf': {
			// A jooluk: a patterned headscarf over the hair, tied under the chin.
			const scarf = 0xb8486a;
			g.fillStyle(scarf, 1);
			g.fillCircle(x, headY - r * 0.2, r * 1.12);
			g.fillTriangle(x - r * 1.05, headY, x + r * 1.05, headY, x, headY + r * 1.5);
			g.fillStyle(look.skin, 1);
			g.fillEllipse(x, headY + r * 0.12, r * 1.6, r * 1.7);
			g.fillStyle(tint(scarf, 0.6), 1);
			for (let dot = -2; dot <= 2; dot += 1) g.fillCircle(x + dot * r * 0.38, headY - r * 0.92, r * 0.09);
			break;
		}
		case 'kalpak': {
			// A white felt kalpak with its black upturned brim.
			g.fillStyle(0xf5f1e8, 1);
			g.fillTriangle(x - r * 1.05, headY - r * 0.55, x + r * 1.05, headY - r * 0.55, x + r * 0.1, headY - r * 2.4);
			g.fillStyle(t.ink, 1);
			g.fillRect(x - r * 1.1, headY - r * 0.75, r * 2.2, r * 0.35);
			g.lineStyle(Math.max(1, u), t.inkMuted, 1);
			g.lineBetween(x - r * 0.3, headY - r * 1.1, x + r * 0.05, headY - r * 2.1);
			break;
		}
		case 'cap':
			g.fillStyle(colour, 1);
			g.fillEllipse(x, headY - r * 0.62, r * 2.1, r * 0.9);
			g.fillStyle(0xffffff, 1);
			g.fillRoundedRect(x - r * 0.8, headY - r * 1.35, r * 1.6, r * 0.6, r * 0.2);
			break;
		case 'curly':
			g.fillStyle(colour, 1);
			for (let step = 0; step < 7; step += 1) {
				const angle = Math.PI * (1.05 + (step / 6) * 0.9);
				g.fillCircle(x + Math.cos(angle) * r * 0.95, headY + Math.sin(angle) * r * 0.95, r * 0.38);
			}
			break;
		case 'bun':
			g.fillStyle(colour, 1);
			g.fillEllipse(x, headY - r * 0.6, r * 2.12, r * 0.92);
			g.fillCircle(x, headY - r * 1.2, r * 0.45);
			break;
		case 'ponytail':
			g.fillStyle(colour, 1);
			g.fillEllipse(x, headY - r * 0.6, r * 2.12, r * 0.92);
			g.fillEllipse(x + r * 1.05, headY + r * 0.2, r * 0.55, r * 1.5);
			break;
		case 'long':
		case 'short':
			g.fillStyle(colour, 1);
			g.fillEllipse(x, headY - r * 0.6, r * 2.12, r * 0.92);
			g.fillTriangle(x - r * 0.2, headY - r * 0.95, x + r * 0.95, headY - r * 0.75, x + r * 0.8, headY - r * 0.25);
			break;
	}
}
