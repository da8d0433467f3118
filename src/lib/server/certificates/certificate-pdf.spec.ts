import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { credentialInPdf, renderCertificatePdf } from './certificate-pdf';
import { loadCertificateFonts } from './fonts';

const TOKEN = `eyJhbGciOiJFZERTQSJ9.${'eyJhIjoxfQ'.repeat(20)}.${'s'.repeat(86)}`;

describe('the certificate PDF', () => {
	it('is one A4 landscape page with Kyrgyz letters in its embedded font, and carries the credential for cert:verify', async () => {
		const bytes = await renderCertificatePdf({
			recipientName: 'Айгүл Өмүрбекова',
			achievementName: 'Мамлекеттик кызматтагы ак ниеттүүлүк',
			locale: 'ky',
			verifyUrl: `https://taza.example/ky/verify#${TOKEN}`,
			credential: TOKEN,
			issuedAt: new Date('2026-05-12T08:33:12Z'),
			fonts: loadCertificateFonts(),
			texts: {
				heading: 'Сертификат',
				awardedTo: 'Бул сертификат төмөнкү адамга берилди',
				completed: 'милдеттүү курсту ийгиликтүү аяктагандыгы үчүн',
				issued: 'Берилген күнү: 12-май 2026-ж.',
				version: 'Мазмундун версиясы: a1b2c3d4',
				number: 'Сертификаттын №: 1',
				signedWith: 'ачкыч k1',
				scanHint: 'Кодду сканерлеңиз — ң ө ү',
				issuer: 'Taza',
				title: 'Taza сертификаты'
			}
		});
		const pdf = await PDFDocument.load(bytes);
		expect(pdf.getPageCount()).toBe(1);
		const { width, height } = pdf.getPage(0).getSize();
		expect([Math.round(width), Math.round(height)]).toEqual([842, 595]);
		expect(pdf.getTitle()).toBe('Taza сертификаты');
		expect(await credentialInPdf(bytes)).toBe(TOKEN);
		// The embedded font has a glyph for each Kyrgyz letter (a missing one would be drawn as .notdef, glyph 0).
		const fonts = loadCertificateFonts();
		const fontkit = (await import('@pdf-lib/fontkit')).default;
		const font = fontkit.create(fonts.regular);
		for (const letter of 'ңөүҢӨҮ') expect(font.glyphForCodePoint(letter.codePointAt(0)!).id, letter).toBeGreaterThan(0);
	});
});

describe('the font subset a certificate embeds', () => {
	it('keeps every glyph it takes, outline for outline (without the even-glyph fix most would be wrong)', async () => {
		const { evenGlyphFontkit } = await import('./fontkit-even-glyphs');
		const { regular } = loadCertificateFonts();
		const font = evenGlyphFontkit.create(regular);
		const subset = font.createSubset();
		const glyphs = font.layout('Айгүл Өмүрбекова ңөү ҢӨҮ Taza 2026').glyphs;
		const ids = glyphs.map((glyph) => subset.includeGlyph(glyph));
		const bytes = await new Promise<Uint8Array>((resolve) => {
			const parts: Uint8Array[] = [];
			subset
				.encodeStream()
				.on('data', (part: Uint8Array) => parts.push(part))
				.on('end', () => resolve(Buffer.concat(parts)));
		});
		const embedded = evenGlyphFontkit.create(new Uint8Array(bytes));
		glyphs.forEach((glyph, index) => expect(embedded.getGlyph(ids[index]!).path.toSVG(), String.fromCodePoint(...glyph.codePoints)).toBe(glyph.path.toSVG()));
	});
});
