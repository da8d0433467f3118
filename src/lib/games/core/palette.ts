/**
 * The app's colours for code that cannot use CSS: Phaser wants numbers (0x0d5c63) for fills and CSS strings for text.
 * Read the custom properties of tokens.css once when a game mounts, so a game and the page around it always match.
 */
export const PALETTE_TOKENS = [
	'canvas',
	'surface',
	'surface-sunk',
	'ink',
	'ink-muted',
	'line',
	'primary',
	'primary-strong',
	'primary-soft',
	'on-primary',
	'accent',
	'accent-soft',
	'accent-ink',
	'sky',
	'mountain',
	'snow',
	'success',
	'success-soft',
	'warning-ink',
	'warning-soft',
	'danger',
	'danger-soft',
	'focus'
] as const;

export type PaletteToken = (typeof PALETTE_TOKENS)[number];

export interface Palette {
	/** Fill colours as numbers, for Graphics and shapes. */
	hex: Record<PaletteToken, number>;
	/** The same colours as CSS strings, for Text styles. */
	css: Record<PaletteToken, string>;
}

/** `#0d5c63`, `#fff`, `rgb(13 92 99)` or `rgb(13, 92, 99)` → 0x0d5c63; undefined for anything else. */
export function parseCssColor(value: string): number | undefined {
	const text = value.trim().toLowerCase();
	const long = /^#([0-9a-f]{6})$/.exec(text);
	if (long) return Number.parseInt(long[1]!, 16);
	const short = /^#([0-9a-f]{3})$/.exec(text);
	if (short) return Number.parseInt([...short[1]!].map((digit) => digit + digit).join(''), 16);
	const rgb = /^rgba?\(\s*(\d{1,3})[\s,]+(\d{1,3})[\s,]+(\d{1,3})/.exec(text);
	if (rgb) return ((Number(rgb[1]) & 255) << 16) | ((Number(rgb[2]) & 255) << 8) | (Number(rgb[3]) & 255);
	return undefined;
}

export function toCssColor(hex: number): string {
	return `#${hex.toString(16).padStart(6, '0')}`;
}

/**
 * Builds the palette from a lookup of `--color-<token>` values (in the browser: `readPalette()`); a missing or
 * unreadable token falls back to ink so a game never draws with `undefined`.
 */
export function paletteFrom(lookup: (property: string) => string): Palette {
	const fallback = parseCssColor(lookup('--color-ink')) ?? 0x1b2530;
	const hex = Object.fromEntries(
		PALETTE_TOKENS.map((token) => [token, parseCssColor(lookup(`--color-${token}`)) ?? fallback])
	) as Record<PaletteToken, number>;
	const css = Object.fromEntries(PALETTE_TOKENS.map((token) => [token, toCssColor(hex[token])])) as Record<PaletteToken, string>;
	return { hex, css };
}

/** The palette as the page's stylesheet defines it (browser only). */
export function readPalette(element: Element = document.documentElement): Palette {
	const style = getComputedStyle(element);
	return paletteFrom((property) => style.getPropertyValue(property));
}
