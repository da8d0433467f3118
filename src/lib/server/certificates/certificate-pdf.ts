/**
 * The printable certificate: A4 landscape, Taza's colours, an emblem drawn with vector paths, the recipient and the
 * achievement in the certificate's language, and a QR code with the verify link (which carries the signed compact
 * token, so a phone checks it offline). The full credential travels inside the PDF too: as an attached file
 * (`certificate.jwt`) and in the document's keywords, where `npm run cert:verify` finds it.
 *
 * The font is a full Noto Sans TTF (Cyrillic with ң, ө, ү), embedded as a subset of the letters used (with the fix in
 * fontkit-even-glyphs.ts; without it @pdf-lib/fontkit's subsets lose most glyphs of this font).
 */
import { evenGlyphFontkit } from './fontkit-even-glyphs';
import { PDFDocument, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import QRCode from 'qrcode';

export interface CertificatePdfTexts {
	/** "Certificate" */
	heading: string;
	/** "This certifies that" */
	awardedTo: string;
	/** "has completed the course" / "has completed the training programme" */
	completed: string;
	/** "Issued on 12 May 2026" */
	issued: string;
	/** "Content version a1b2c3d4" */
	version: string;
	/** "Certificate no. …" */
	number: string;
	/** "Scan the code to check this certificate, even offline" */
	scanHint: string;
	/** Who issues it, one line at the foot. */
	issuer: string;
	/** "Signed digitally (key …)" */
	signedWith: string;
	/** Document title in the PDF's properties. */
	title: string;
}

export interface CertificatePdfInput {
	recipientName: string;
	achievementName: string;
	locale: string;
	texts: CertificatePdfTexts;
	/** What the QR code encodes: `<origin>/<locale>/verify#<compact token>`. */
	verifyUrl: string;
	/** The Open Badges credential (VC-JWT), attached to the PDF. */
	credential: string | null;
	issuedAt: Date;
	fonts: { regular: Uint8Array; bold: Uint8Array };
}

const TEAL = rgb(0x0d / 255, 0x5c / 255, 0x63 / 255);
const TEAL_DARK = rgb(0x08 / 255, 0x43 / 255, 0x4a / 255);
const TEAL_SOFT = rgb(0xd8 / 255, 0xec / 255, 0xec / 255);
const APRICOT = rgb(0xf2 / 255, 0xa5 / 255, 0x41 / 255);
const APRICOT_SOFT = rgb(0xfd / 255, 0xe9 / 255, 0xc9 / 255);
const INK = rgb(0x1b / 255, 0x25 / 255, 0x30 / 255);
const MUTED = rgb(0x4b / 255, 0x58 / 255, 0x66 / 255);
const WHITE = rgb(1, 1, 1);
const CANVAS = rgb(0xfb / 255, 0xf9 / 255, 0xf5 / 255);

const PAGE = { width: 841.89, height: 595.28 };

/** Lines no wider than `width`, broken between words (a single over-long word is shrunk by the caller's size). */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		const candidate = line ? `${line} ${word}` : word;
		if (line && font.widthOfTextAtSize(candidate, size) > width) {
			lines.push(line);
			line = word;
		} else line = candidate;
	}
	if (line) lines.push(line);
	return lines;
}

/** The largest size up to `max` at which the text fits in `maxLines` lines of `width`. */
function fitText(text: string, font: PDFFont, max: number, min: number, width: number, maxLines: number): { size: number; lines: string[] } {
	for (let size = max; size > min; size -= 1) {
		const lines = wrapText(text, font, size, width);
		if (lines.length <= maxLines && lines.every((line) => font.widthOfTextAtSize(line, size) <= width)) return { size, lines };
	}
	return { size: min, lines: wrapText(text, font, min, width) };
}

function centred(page: PDFPage, text: string, y: number, font: PDFFont, size: number, color: RGB, letterSpacing = 0) {
	if (letterSpacing === 0) {
		page.drawText(text, { x: (PAGE.width - font.widthOfTextAtSize(text, size)) / 2, y, font, size, color });
		return;
	}
	const letters = [...text];
	const width = letters.reduce((sum, letter) => sum + font.widthOfTextAtSize(letter, size), 0) + letterSpacing * (letters.length - 1);
	let x = (PAGE.width - width) / 2;
	for (const letter of letters) {
		page.drawText(letter, { x, y, font, size, color });
		x += font.widthOfTextAtSize(letter, size) + letterSpacing;
	}
}

/** Mountains under a rising sun in a ring: "taza" is clean air and clear water. Drawn with paths, no image. */
function drawEmblem(page: PDFPage, cx: number, cy: number, r: number) {
	page.drawCircle({ x: cx, y: cy, size: r, color: TEAL });
	page.drawCircle({ x: cx, y: cy, size: r - 4, borderColor: APRICOT, borderWidth: 1.5 });
	// drawSvgPath's origin is the top-left of the path, with y growing downwards.
	const s = r / 40;
	page.drawSvgPath('M -16 4 A 16 16 0 0 1 16 4 Z', { x: cx, y: cy + 2 * s, scale: s, color: APRICOT });
	for (let ray = 0; ray < 7; ray += 1) {
		const angle = Math.PI * (0.1 + (0.8 * ray) / 6);
		const [x1, y1, x2, y2] = [Math.cos(angle) * 20, -Math.sin(angle) * 20, Math.cos(angle) * 26, -Math.sin(angle) * 26];
		page.drawSvgPath(`M ${x1} ${y1 + 4} L ${x2} ${y2 + 4}`, { x: cx, y: cy + 2 * s, scale: s, borderColor: APRICOT, borderWidth: 2 * s });
	}
	page.drawSvgPath('M -30 18 L -12 -4 L -4 6 L 8 -10 L 30 18 Z', { x: cx, y: cy + 2 * s, scale: s, color: TEAL_SOFT });
	// Snow on both peaks, with a jagged edge.
	page.drawSvgPath('M -12 -4 L -7.2 2 L -9 1 L -11 3 L -13.5 1 L -16.9 2 Z M 8 -10 L 13.5 -3 L 11 -4.5 L 8.5 -2 L 5.5 -4.5 L 2.75 -3 Z', { x: cx, y: cy + 2 * s, scale: s, color: WHITE });
	// Clear water below.
	for (const y of [22, 26]) {
		page.drawSvgPath(`M -24 ${y} Q -18 ${y - 2.5} -12 ${y} Q -6 ${y + 2.5} 0 ${y} Q 6 ${y - 2.5} 12 ${y} Q 18 ${y + 2.5} 24 ${y}`, { x: cx, y: cy + 2 * s, scale: s, borderColor: APRICOT_SOFT, borderWidth: 1.6 * s });
	}
}

function drawFrame(page: PDFPage) {
	page.drawRectangle({ x: 0, y: 0, width: PAGE.width, height: PAGE.height, color: CANVAS });
	page.drawRectangle({ x: 18, y: 18, width: PAGE.width - 36, height: PAGE.height - 36, borderColor: TEAL, borderWidth: 3 });
	page.drawRectangle({ x: 27, y: 27, width: PAGE.width - 54, height: PAGE.height - 54, borderColor: APRICOT, borderWidth: 1 });
	// A band of small diamonds, like felt-rug borders, at the top and bottom of the inner frame.
	for (const y of [27, PAGE.height - 27]) {
		for (let x = 60; x <= PAGE.width - 60; x += 18) {
			page.drawSvgPath('M 0 -3 L 3 0 L 0 3 L -3 0 Z', { x, y, color: x % 36 === 24 ? TEAL : APRICOT });
		}
	}
}

function drawQr(page: PDFPage, url: string, x: number, y: number, size: number) {
	const qr = QRCode.create(url, { errorCorrectionLevel: 'M' });
	const count = qr.modules.size;
	const quiet = 2;
	const module = size / (count + quiet * 2);
	page.drawRectangle({ x, y, width: size, height: size, color: WHITE });
	for (let row = 0; row < count; row += 1) {
		// Runs of dark modules in a row become one rectangle: fewer drawing operations, no hairline gaps.
		let start = -1;
		for (let col = 0; col <= count; col += 1) {
			const dark = col < count && qr.modules.get(row, col);
			if (dark && start < 0) start = col;
			if (!dark && start >= 0) {
				page.drawRectangle({ x: x + (quiet + start) * module, y: y + size - (quiet + row + 1) * module, width: (col - start) * module, height: module, color: TEAL_DARK });
				start = -1;
			}
		}
	}
}

export async function renderCertificatePdf(input: CertificatePdfInput): Promise<Uint8Array> {
	const pdf = await PDFDocument.create();
	pdf.registerFontkit(evenGlyphFontkit);
	const regular = await pdf.embedFont(input.fonts.regular, { subset: true });
	const bold = await pdf.embedFont(input.fonts.bold, { subset: true });
	const page = pdf.addPage([PAGE.width, PAGE.height]);
	const { texts } = input;

	drawFrame(page);
	drawEmblem(page, PAGE.width / 2, PAGE.height - 92, 34);
	centred(page, 'TAZA', PAGE.height - 146, bold, 11, TEAL, 4);
	centred(page, texts.heading.toLocaleUpperCase(input.locale), PAGE.height - 190, bold, 34, TEAL_DARK, 5);
	centred(page, texts.awardedTo, PAGE.height - 222, regular, 13, MUTED);

	const name = fitText(input.recipientName, bold, 30, 16, 620, 1);
	centred(page, name.lines[0] ?? '', PAGE.height - 266, bold, name.size, INK);
	page.drawRectangle({ x: PAGE.width / 2 - 130, y: PAGE.height - 280, width: 260, height: 1.5, color: APRICOT });

	centred(page, texts.completed, PAGE.height - 306, regular, 13, MUTED);
	const title = fitText(`«${input.achievementName}»`, bold, 20, 12, 600, 2);
	title.lines.forEach((line, index) => centred(page, line, PAGE.height - 336 - index * (title.size * 1.3), bold, title.size, TEAL));

	// The facts a verifier compares, bottom left.
	const factsX = 70;
	let factsY = 150;
	for (const [text, font, size, color] of [
		[texts.issued, bold, 11, INK],
		[texts.version, regular, 10, MUTED],
		[texts.number, regular, 10, MUTED],
		[texts.signedWith, regular, 10, MUTED]
	] as const) {
		page.drawText(text, { x: factsX, y: factsY, font, size, color });
		factsY -= size + 8;
	}
	page.drawRectangle({ x: factsX, y: 164, width: 180, height: 1, color: TEAL });

	// The QR code, bottom right, with what it is for.
	const qrSize = 118;
	const qrX = PAGE.width - 70 - qrSize;
	const qrY = 52;
	page.drawRectangle({ x: qrX - 5, y: qrY - 5, width: qrSize + 10, height: qrSize + 10, borderColor: TEAL_SOFT, borderWidth: 1 });
	drawQr(page, input.verifyUrl, qrX, qrY, qrSize);
	const hint = wrapText(texts.scanHint, regular, 8.5, 200);
	hint.forEach((line, index) => page.drawText(line, { x: qrX - 12 - regular.widthOfTextAtSize(line, 8.5), y: qrY + 30 - index * 11, font: regular, size: 8.5, color: MUTED }));

	centred(page, texts.issuer, 40, regular, 9, MUTED);

	pdf.setTitle(texts.title);
	pdf.setAuthor('Taza');
	pdf.setCreator('Taza');
	pdf.setProducer('Taza (pdf-lib)');
	pdf.setLanguage(input.locale);
	pdf.setCreationDate(input.issuedAt);
	pdf.setModificationDate(input.issuedAt);
	if (input.credential) {
		pdf.setKeywords(['taza-certificate', input.credential]);
		await pdf.attach(new TextEncoder().encode(input.credential), 'certificate.jwt', {
			mimeType: 'application/jwt',
			description: 'Open Badges 3.0 credential (VC-JWT)',
			creationDate: input.issuedAt,
			modificationDate: input.issuedAt
		});
	}
	return pdf.save();
}

/** The credential a PDF made here carries (its keywords), for `cert:verify`. */
export async function credentialInPdf(bytes: Uint8Array): Promise<string | undefined> {
	const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
	return pdf.getKeywords()?.split(/\s+/).find((word) => /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(word));
}
