/**
 * Where everything of a quest view goes on the canvas, as a pure function of the canvas size, the text scale and a
 * text measurer: meters on top, the stage (place and characters) filling what is left, then the text blocks —
 * a consequence card, a discussion card, the dialogue or prompt, the choice buttons (never under 48 px), an ending
 * and its debrief. When the text needs more than the screen, the stage keeps a minimum and the canvas grows (the
 * page scrolls) rather than the type shrinking. The scene measures with Phaser text; tests with a fake.
 */

export type FontRole = 'body' | 'small' | 'label' | 'speaker' | 'title' | 'choice';

/** The height of `text` in `role`'s font when wrapped at `width` (CSS pixels). */
export type MeasureText = (text: string, role: FontRole, width: number) => number;

export interface Rect {
	x: number;
	y: number;
	width: number;
	height: number;
}

export type LayoutBlock =
	/** A delayed consequence arriving now: its own card ("Later…"), so it never reads as the current line. */
	| { kind: 'consequence'; heading: string; speaker?: string; text: string; hint?: string }
	/** Teacher-led mode: what the class talks about before it votes. */
	| { kind: 'discussion'; heading: string; text: string }
	| { kind: 'dialogue'; speaker?: string; text: string; hint?: string }
	| { kind: 'prompt'; text: string }
	| { kind: 'choice'; number: number; text: string; note?: string }
	| { kind: 'ending'; heading: string; title: string; text: string }
	| { kind: 'debrief'; heading: string; items: string[] };

export interface TextPart {
	role: FontRole;
	text: string;
	x: number;
	y: number;
	width: number;
	height: number;
}

export interface PlacedBlock extends Rect {
	block: LayoutBlock;
	parts: TextPart[];
}

export interface QuestLayout {
	meters: { cells: Rect[]; bottom: number };
	stage: Rect;
	/** Where each character stands: the x of its feet's middle, its height, on the stage's floor line. */
	figures: { x: number; floorY: number; height: number }[];
	blocks: PlacedBlock[];
	/** The canvas height the layout needs: at least the screen's, more when the text does. */
	height: number;
}

export interface LayoutInput {
	width: number;
	/** The height the game may take without scrolling. */
	height: number;
	meterCount: number;
	characterCount: number;
	blocks: LayoutBlock[];
	/** 1 on a phone; larger on a projector, so a class can read it from the back row. */
	scale: number;
}

/** Touch targets are at least 48 CSS px (WCAG 2.5.5 / the app's --touch-target). */
export const MIN_TOUCH = 48;

export function layoutQuest(input: LayoutInput, measure: MeasureText): QuestLayout {
	const { width, scale } = input;
	const wide = width >= 720;
	const pad = Math.round((wide ? 20 : 12) * scale);
	const gap = Math.round(8 * scale);
	const inner = Math.round(12 * scale);

	// Meters: as many columns as fit at 130 px each (two on a phone, more on a projector), in rows.
	const meterCellWidth = 130 * scale;
	const columns = input.meterCount === 0 ? 0 : Math.max(1, Math.min(input.meterCount, Math.floor((width - 2 * pad + gap) / (meterCellWidth + gap))));
	const labelHeight = measure('Ag', 'label', meterCellWidth);
	// A label line, then the bar with the value at its end.
	const cellHeight = Math.ceil(labelHeight * 2 + 4 * scale);
	const cellWidth = columns === 0 ? 0 : (width - 2 * pad - (columns - 1) * gap) / columns;
	const cells: Rect[] = [];
	for (let index = 0; index < input.meterCount; index += 1) {
		const row = Math.floor(index / columns);
		const column = index % columns;
		cells.push({ x: pad + column * (cellWidth + gap), y: pad + row * (cellHeight + gap), width: cellWidth, height: cellHeight });
	}
	const rows = columns === 0 ? 0 : Math.ceil(input.meterCount / columns);
	const metersBottom = rows === 0 ? 0 : pad + rows * cellHeight + (rows - 1) * gap;

	// The text column: the full width on a phone, a readable measure on a wide screen.
	const columnWidth = Math.min(width - 2 * pad, Math.round(760 * scale));
	const columnX = Math.round((width - columnWidth) / 2);
	const placed = input.blocks.map((block) => placeBlock(block, columnX, columnWidth, inner, scale, measure));
	const blocksHeight = placed.reduce((sum, block) => sum + block.height, 0) + Math.max(0, placed.length - 1) * gap;

	const stageTop = metersBottom + (rows === 0 ? 0 : gap);
	const minStage = Math.round((wide ? 200 : 130) * Math.min(scale, 1.4));
	const stageHeight = Math.max(minStage, input.height - stageTop - gap - blocksHeight - pad);
	const stage: Rect = { x: 0, y: stageTop, width, height: stageHeight };

	let y = stage.y + stage.height + gap;
	for (const block of placed) {
		shift(block, y);
		y += block.height + gap;
	}
	const height = Math.max(input.height, Math.ceil(y - gap + pad));

	return { meters: { cells, bottom: metersBottom }, stage, figures: placeFigures(input.characterCount, stage), blocks: placed, height };
}

/** Characters spread evenly over the stage, standing on a floor line near its bottom, never wider than their slot. */
export function placeFigures(count: number, stage: Rect): QuestLayout['figures'] {
	if (count === 0) return [];
	const floorY = stage.y + stage.height * 0.94;
	const slot = stage.width / count;
	// A figure is about 0.45 as wide as it is tall: keep it inside its slot and inside the stage.
	const height = Math.min(stage.height * 0.78, (slot * 0.9) / 0.45, 360);
	return Array.from({ length: count }, (_, index) => ({ x: stage.x + slot * (index + 0.5), floorY, height }));
}

function placeBlock(block: LayoutBlock, x: number, width: number, inner: number, scale: number, measure: MeasureText): PlacedBlock {
	const parts: TextPart[] = [];
	let y = inner;
	const textX = x + inner;
	const textWidth = width - 2 * inner;
	const add = (role: FontRole, text: string, partX = textX, partWidth = textWidth, after = Math.round(4 * scale)) => {
		const height = measure(text, role, partWidth);
		parts.push({ role, text, x: partX, y, width: partWidth, height });
		y += height + after;
	};

	switch (block.kind) {
		case 'discussion':
			add('speaker', block.heading);
			add('body', block.text);
			break;
		case 'consequence':
		case 'dialogue':
			if (block.kind === 'consequence') add('speaker', block.heading);
			if (block.speaker) add('speaker', block.speaker);
			add('body', block.text);
			// The hint leaves room at the end of its line for the "go on" arrow.
			if (block.hint) add('small', block.hint, textX, textWidth - Math.round(28 * scale));
			break;
		case 'prompt':
			add('body', block.text);
			break;
		case 'choice': {
			// Room on the left for the number badge; the text wraps beside it.
			const badge = Math.round(32 * scale);
			const offset = inner + badge + inner;
			add('choice', block.text, x + offset, width - offset - inner, Math.round(2 * scale));
			if (block.note) add('small', block.note, x + offset, width - offset - inner);
			break;
		}
		case 'ending':
			add('label', block.heading);
			add('title', block.title, textX, textWidth, Math.round(8 * scale));
			add('body', block.text);
			break;
		case 'debrief':
			add('speaker', block.heading, textX, textWidth, Math.round(8 * scale));
			block.items.forEach((item, index) => add('body', `${index + 1}. ${item}`, textX, textWidth, Math.round(8 * scale)));
			break;
	}
	// The last part's spacing is replaced by the card's inner padding.
	const last = parts.at(-1);
	const contentBottom = last ? last.y + last.height : 0;
	let height = contentBottom + inner;
	if (block.kind === 'choice') {
		height = Math.max(MIN_TOUCH * Math.max(1, scale), height);
		// Centre the text in a button taller than its text.
		const spare = height - (contentBottom + inner);
		for (const part of parts) part.y += spare / 2;
	}
	return { block, x, y: 0, width, height: Math.ceil(height), parts };
}

function shift(block: PlacedBlock, top: number): void {
	block.y = top;
	for (const part of block.parts) part.y += top;
}
