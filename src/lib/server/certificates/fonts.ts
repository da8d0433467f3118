import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Noto Sans Regular and Bold, full TTFs from @expo-google-fonts/noto-sans (a runtime dependency: the server reads them
 * from node_modules). The @fontsource woff2 files split Cyrillic into separate files and crash when subset.
 */
let fonts: { regular: Uint8Array; bold: Uint8Array } | undefined;

/** Read once per process: the same bytes each time let the parsed fonts be reused (fontkit-even-glyphs.ts). */
export function loadCertificateFonts(): { regular: Uint8Array; bold: Uint8Array } {
	if (fonts) return fonts;
	const require = createRequire(import.meta.url);
	const file = (weight: string) => new Uint8Array(readFileSync(require.resolve(`@expo-google-fonts/noto-sans/${weight}/NotoSans_${weight}.ttf`)));
	fonts = { regular: file('400Regular'), bold: file('700Bold') };
	return fonts;
}
