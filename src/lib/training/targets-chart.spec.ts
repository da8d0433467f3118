import { describe, expect, it } from 'vitest';
import { chartGeometry, niceStep, type ChartBox } from './targets-chart';

const box: ChartBox = { width: 400, height: 200, margin: { top: 10, right: 20, bottom: 30, left: 40 }, minLabelGap: 60 };
const months = (totals: number[]) => totals.map((total, index) => ({ month: `2026-${String(index + 1).padStart(2, '0')}`, total }));

describe('the over-time chart', () => {
	it('picks round steps of 1, 2 or 5', () => {
		expect([0.4, 1, 3, 4, 7, 100, 101, 250].map(niceStep)).toEqual([1, 1, 5, 5, 10, 100, 200, 500]);
	});

	it('scales to the target, so the gap to 500 is visible, with ticks every 100', () => {
		const chart = chartGeometry(months([4, 10]), 500, box);
		expect(chart.yMax).toBe(500);
		expect(chart.yTicks.map((tick) => tick.value)).toEqual([0, 100, 200, 300, 400, 500]);
		expect(chart.target).toEqual({ value: 500, y: 10 });
		expect(chart.yTicks[0]!.y).toBe(170);
		expect(chart.points).toEqual([
			{ month: '2026-01', total: 4, x: 40, y: 168.7 },
			{ month: '2026-02', total: 10, x: 380, y: 166.8 }
		]);
		expect(chart.line).toBe('M40 168.7 L380 166.8');
	});

	it('grows past the target when the programme exceeds it', () => {
		const chart = chartGeometry(months([12, 23]), 20, box);
		expect(chart.yMax).toBe(25);
		expect(chart.target.y).toBeGreaterThan(chart.points[1]!.y);
	});

	it('puts a single month in the middle', () => {
		const chart = chartGeometry(months([3]), 20, box);
		expect(chart.points[0]!.x).toBe(210);
		expect(chart.xTicks).toEqual([{ month: '2026-01', x: 210, labelled: true }]);
	});

	it('labels only the months there is room for, always the last one', () => {
		const chart = chartGeometry(months([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]), 500, box);
		const labelled = chart.xTicks.filter((tick) => tick.labelled);
		expect(labelled.at(-1)!.month).toBe('2026-12');
		for (let index = 1; index < labelled.length; index++) expect(labelled[index]!.x - labelled[index - 1]!.x).toBeGreaterThanOrEqual(box.minLabelGap);
		expect(labelled.length).toBeGreaterThan(3);
	});

	it('has no line without data', () => {
		const chart = chartGeometry([], 500, box);
		expect(chart.line).toBe('');
		expect(chart.yMax).toBe(500);
	});
});
