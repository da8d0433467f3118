/**
 * The geometry of the "over time" chart: a running total month by month against its target, in the pixel size the
 * chart has on screen (so its text stays readable on a phone instead of shrinking with a viewBox). Pure numbers;
 * the page draws them as an inline SVG and formats the labels.
 */

export interface ChartBox {
	width: number;
	height: number;
	/** Room around the plot for the axis labels. */
	margin: { top: number; right: number; bottom: number; left: number };
	/** The least horizontal room a month label needs, so labels never overlap. */
	minLabelGap: number;
}

export interface ChartPoint {
	month: string;
	total: number;
	x: number;
	y: number;
}

export interface ChartGeometry {
	width: number;
	height: number;
	plot: { left: number; top: number; right: number; bottom: number };
	yMax: number;
	yTicks: { value: number; y: number }[];
	/** Every month's position; `labelled` marks the ones with room for a label (always the first and last). */
	xTicks: { month: string; x: number; labelled: boolean }[];
	points: ChartPoint[];
	/** SVG path data of the running total (empty with no points). */
	line: string;
	target: { value: number; y: number };
}

/** The smallest of 1, 2 or 5 × 10^k that is at least `raw`. */
export function niceStep(raw: number): number {
	if (raw <= 1) return 1;
	const power = 10 ** Math.floor(Math.log10(raw));
	const nice = [1, 2, 5, 10].find((factor) => factor * power >= raw - 1e-9)!;
	return nice * power;
}

const round = (value: number) => Math.round(value * 10) / 10;

export function chartGeometry(series: readonly { month: string; total: number }[], target: number, box: ChartBox): ChartGeometry {
	const plot = { left: box.margin.left, top: box.margin.top, right: box.width - box.margin.right, bottom: box.height - box.margin.bottom };
	const highest = Math.max(target, ...series.map((point) => point.total), 1);
	const step = niceStep(highest / 5);
	const yMax = Math.ceil(highest / step) * step;
	const yOf = (value: number) => round(plot.bottom - ((plot.bottom - plot.top) * value) / yMax);
	const yTicks = Array.from({ length: yMax / step + 1 }, (_, index) => ({ value: index * step, y: yOf(index * step) }));

	const count = series.length;
	const span = plot.right - plot.left;
	const xOf = (index: number) => round(count === 1 ? plot.left + span / 2 : plot.left + (span * index) / (count - 1));
	const gap = count > 1 ? span / (count - 1) : span;
	const every = Math.max(1, Math.ceil(box.minLabelGap / gap));
	const xTicks = series.map((point, index) => ({
		month: point.month,
		x: xOf(index),
		// The last month is always labelled; a regular label too close to it gives way.
		labelled: index === count - 1 || (index % every === 0 && (count - 1 - index) * gap >= box.minLabelGap)
	}));
	const points = series.map((point, index) => ({ month: point.month, total: point.total, x: xOf(index), y: yOf(point.total) }));
	const line = points.map((point, index) => `${index === 0 ? 'M' : 'L'}${point.x} ${point.y}`).join(' ');
	return { width: box.width, height: box.height, plot, yMax, yTicks, xTicks, points, line, target: { value: target, y: yOf(target) } };
}
