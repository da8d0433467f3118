import { describe, expect, it } from 'vitest';
import { layoutQuest, MIN_TOUCH, placeFigures, type LayoutBlock, type MeasureText } from './quest-layout';

/** About 8 px per character, 22 px per line: enough like real type to test wrapping and growth. */
const measure: MeasureText = (text, role, width) => {
	const lineHeight = role === 'title' ? 30 : role === 'small' || role === 'label' ? 17 : 22;
	return Math.max(1, Math.ceil((text.length * 8) / width)) * lineHeight;
};

const choices = (count: number, length = 20): LayoutBlock[] =>
	Array.from({ length: count }, (_, index) => ({ kind: 'choice', number: index + 1, text: 'x'.repeat(length) }));

describe('quest layout', () => {
	it('fits a short choice on a 360×640 phone without scrolling, every button at least 48 px tall', () => {
		const layout = layoutQuest({ width: 360, height: 640, meterCount: 4, characterCount: 2, scale: 1, blocks: [{ kind: 'prompt', text: 'What do you do?' }, ...choices(3)] }, measure);
		expect(layout.height).toBe(640);
		const buttons = layout.blocks.filter((block) => block.block.kind === 'choice');
		expect(buttons).toHaveLength(3);
		for (const button of buttons) expect(button.height).toBeGreaterThanOrEqual(MIN_TOUCH);
		// Two meters a row on a phone, and nothing overlaps: meters, stage, then blocks in order.
		expect(layout.meters.cells[1]!.y).toBe(layout.meters.cells[0]!.y);
		expect(layout.meters.cells[2]!.y).toBeGreaterThan(layout.meters.cells[0]!.y);
		expect(layout.stage.y).toBeGreaterThanOrEqual(layout.meters.bottom);
		let bottom = layout.stage.y + layout.stage.height;
		for (const block of layout.blocks) {
			expect(block.y).toBeGreaterThanOrEqual(bottom);
			expect(block.x + block.width).toBeLessThanOrEqual(360);
			bottom = block.y + block.height;
		}
		expect(bottom).toBeLessThanOrEqual(640);
	});

	it('keeps the stage at a minimum and grows the canvas when long text does not fit', () => {
		const blocks: LayoutBlock[] = [{ kind: 'prompt', text: 'y'.repeat(600) }, ...choices(4, 160)];
		const layout = layoutQuest({ width: 360, height: 640, meterCount: 4, characterCount: 3, scale: 1, blocks }, measure);
		expect(layout.stage.height).toBe(130);
		expect(layout.height).toBeGreaterThan(640);
		const last = layout.blocks.at(-1)!;
		expect(last.y + last.height).toBeLessThanOrEqual(layout.height);
	});

	it('lets the stage fill the space short text leaves', () => {
		const layout = layoutQuest({ width: 1280, height: 800, meterCount: 4, characterCount: 2, scale: 1, blocks: [{ kind: 'dialogue', speaker: 'Aida', text: 'Hello', hint: 'Space' }] }, measure);
		expect(layout.height).toBe(800);
		expect(layout.stage.height).toBeGreaterThan(450);
		// A readable measure, centred, on a wide screen; all four meters on one row.
		expect(layout.blocks[0]!.width).toBe(760);
		expect(layout.blocks[0]!.x).toBe(260);
		expect(new Set(layout.meters.cells.map((cell) => cell.y)).size).toBe(1);
	});

	it('gives a delayed consequence one card, with its speaker and the hint to go on', () => {
		const layout = layoutQuest(
			{ width: 360, height: 640, meterCount: 0, characterCount: 1, scale: 1, blocks: [{ kind: 'consequence', heading: 'Later…', speaker: 'Mother', text: 'A week later…', hint: 'Tap' }] },
			measure
		);
		expect(layout.blocks).toHaveLength(1);
		expect(layout.blocks[0]!.parts.map((part) => part.role)).toEqual(['speaker', 'speaker', 'body', 'small']);
	});

	it('puts a wrapped choice text beside its number badge and centres it in the button', () => {
		const layout = layoutQuest({ width: 360, height: 640, meterCount: 0, characterCount: 0, scale: 1, blocks: choices(1, 5) }, measure);
		const button = layout.blocks[0]!;
		const text = button.parts[0]!;
		expect(text.x).toBeGreaterThan(button.x + 32);
		expect(text.y - button.y).toBeCloseTo(button.y + button.height - (text.y + text.height));
	});

	it('scales type and touch targets up on a projector', () => {
		const layout = layoutQuest({ width: 1280, height: 800, meterCount: 3, characterCount: 2, scale: 1.5, blocks: choices(2) }, measure);
		for (const block of layout.blocks) expect(block.height).toBeGreaterThanOrEqual(MIN_TOUCH * 1.5);
	});

	it('stands figures in even slots on the floor, no wider than a slot', () => {
		const figures = placeFigures(3, { x: 0, y: 100, width: 360, height: 200 });
		expect(figures.map((figure) => figure.x)).toEqual([60, 180, 300]);
		for (const figure of figures) {
			expect(figure.floorY).toBeCloseTo(288);
			expect(figure.height * 0.45).toBeLessThanOrEqual(120);
		}
		expect(placeFigures(0, { x: 0, y: 0, width: 10, height: 10 })).toEqual([]);
	});
});
