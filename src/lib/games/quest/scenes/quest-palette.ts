/**
 * The colours the quest canvas draws with: the app's tokens (src/lib/ui/tokens.css), read from the page by
 * `games/core/palette` when the game mounts, so the canvas and the page around it match. Scene colours the tokens do
 * not name (walls, wood, skin tones) are written in the art. Text keeps the tokens' contrast: ink on surface,
 * on-primary on primary.
 */
import type { Palette, PaletteToken } from '../../core/palette';

/** The tokens as they stand in tokens.css today: what tests and a page without the stylesheet draw with. */
export const DEFAULT_TOKENS = {
	canvas: 0xf7f4ee,
	surface: 0xffffff,
	surfaceSunk: 0xefe9de,
	ink: 0x1b2530,
	inkMuted: 0x4b5866,
	line: 0xd9d1c3,
	primary: 0x0d5c63,
	primaryStrong: 0x08434a,
	primarySoft: 0xd8ecec,
	onPrimary: 0xffffff,
	accent: 0xf2a541,
	accentSoft: 0xfde9c9,
	accentInk: 0x8a4a0b,
	sky: 0xcfe6f2,
	mountain: 0x7fa9b5,
	snow: 0xffffff,
	success: 0x1c6e3d,
	successSoft: 0xdcefe2,
	warningInk: 0x7a4a00,
	warningSoft: 0xfff1cf,
	danger: 0xa8201a,
	dangerSoft: 0xfbe3e1,
	focus: 0xb4530a
};

export type QuestTokens = typeof DEFAULT_TOKENS;

const camel = (token: PaletteToken) => token.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase()) as keyof QuestTokens;

/** The page's palette under the names the quest art uses. */
export function questTokens(palette: Palette): QuestTokens {
	const tokens = { ...DEFAULT_TOKENS };
	for (const [token, value] of Object.entries(palette.hex) as [PaletteToken, number][]) tokens[camel(token)] = value;
	return tokens;
}

/** `#rrggbb` for Phaser text styles. */
export function css(colour: number): string {
	return `#${colour.toString(16).padStart(6, '0')}`;
}

/** Mixes two colours; `amount` 0 gives `from`, 1 gives `to`. Used to shade walls and clothes from one base. */
export function mix(from: number, to: number, amount: number): number {
	const channel = (shift: number) => {
		const a = (from >> shift) & 0xff;
		const b = (to >> shift) & 0xff;
		return Math.round(a + (b - a) * amount) & 0xff;
	};
	return (channel(16) << 16) | (channel(8) << 8) | channel(0);
}

export const shade = (colour: number, amount: number) => mix(colour, 0x000000, amount);
export const tint = (colour: number, amount: number) => mix(colour, 0xffffff, amount);
