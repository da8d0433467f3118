import { describe, expect, it } from 'vitest';
import { paletteFrom, parseCssColor, toCssColor } from './palette';

describe('the palette for canvas drawing', () => {
	it('reads hex and rgb colours as numbers', () => {
		expect(parseCssColor(' #0d5c63 ')).toBe(0x0d5c63);
		expect(parseCssColor('#FFF')).toBe(0xffffff);
		expect(parseCssColor('rgb(13, 92, 99)')).toBe(0x0d5c63);
		expect(parseCssColor('rgb(13 92 99 / 0.5)')).toBe(0x0d5c63);
		expect(parseCssColor('teal')).toBeUndefined();
		expect(toCssColor(0x0d5c63)).toBe('#0d5c63');
	});

	it('takes every token from the stylesheet and falls back to ink for an unreadable one', () => {
		const styles: Record<string, string> = { '--color-ink': '#1b2530', '--color-primary': '#0d5c63' };
		const palette = paletteFrom((property) => styles[property] ?? '');
		expect(palette.hex.primary).toBe(0x0d5c63);
		expect(palette.css.primary).toBe('#0d5c63');
		expect(palette.hex.accent).toBe(0x1b2530);
	});
});
