/**
 * Fonts for canvas text. Phaser draws text with the canvas 2D API, which uses the same font matching as CSS: given the
 * app's stack (`--font-body`: system-ui, Roboto, Noto Sans …), the browser falls back per glyph to any installed
 * font that has it. Every stack font on Android, iOS and desktop carries Kyrgyz ң, ө, ү, so no web font is shipped
 * (nothing to download, nothing to precache). `missingGlyphs` checks that on the device, and hosts report it.
 */
export const KYRGYZ_LETTERS = 'ҢңӨөҮү';

const FALLBACK_STACK = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif";

/** The app's font stack, read from the stylesheet once (browser only). */
export function gameFontFamily(element: Element = document.documentElement): string {
	return getComputedStyle(element).getPropertyValue('--font-body').trim() || FALLBACK_STACK;
}

/** Resolves when the stack's faces for these letters are ready (immediate for system fonts; kept for web fonts). */
export async function ensureGameFont(family = gameFontFamily(), sample = KYRGYZ_LETTERS): Promise<void> {
	await document.fonts?.load(`16px ${family}`, sample).catch(() => []);
}

/**
 * The letters of `text` that the canvas cannot draw with `family` (they would come out as the same empty box as a
 * code point no font has). Browser only; an empty array means every letter renders.
 */
export function missingGlyphs(text: string, family = gameFontFamily()): string[] {
	const size = 32;
	const canvas = document.createElement('canvas');
	canvas.width = size * 2;
	canvas.height = size * 2;
	const context = canvas.getContext('2d', { willReadFrequently: true });
	if (!context) return [];
	const draw = (glyph: string) => {
		context.clearRect(0, 0, canvas.width, canvas.height);
		context.font = `${size}px ${family}`;
		context.fillStyle = '#000';
		context.textBaseline = 'top';
		context.fillText(glyph, 4, 4);
		return context.getImageData(0, 0, canvas.width, canvas.height).data.join(',');
	};
	// A private-use code point: no font the app relies on draws it, so it shows the "missing glyph" box (or nothing).
	const missing = draw('\u{F0000}');
	return [...new Set(text)].filter((glyph) => glyph.trim() !== '' && draw(glyph) === missing);
}
