import type { Page } from 'playwright-core';

export interface ContrastFailure {
	text: string;
	ratio: number;
	required: number;
}

/**
 * WCAG AA contrast of every visible text run against the first opaque background behind it
 * (4.5:1, or 3:1 for large text). Runs in the page.
 */
export function findContrastFailures(page: Page): Promise<ContrastFailure[]> {
	return page.evaluate(() => {
		const parse = (value: string) => {
			const match = value.match(/rgba?\(([^)]+)\)/);
			if (!match) return undefined;
			const [r = 0, g = 0, b = 0, a = 1] = match[1]!.split(/[\s,/]+/).filter(Boolean).map(Number);
			return { r, g, b, a };
		};
		const luminance = ({ r, g, b }: { r: number; g: number; b: number }) => {
			const channel = (v: number) => {
				const s = v / 255;
				return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
			};
			return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
		};
		const backgroundOf = (element: Element | null) => {
			for (let node = element; node; node = node.parentElement) {
				const colour = parse(getComputedStyle(node).backgroundColor);
				if (colour && colour.a >= 0.99) return colour;
			}
			return { r: 255, g: 255, b: 255, a: 1 };
		};
		const failures: { text: string; ratio: number; required: number }[] = [];
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const text = node.textContent?.trim();
			const element = node.parentElement;
			if (!text || !element) continue;
			const style = getComputedStyle(element);
			const box = element.getBoundingClientRect();
			if (style.visibility === 'hidden' || style.display === 'none' || box.width <= 1 || box.height <= 1) continue;
			if (element.closest('svg')) continue;
			const foreground = parse(style.color);
			if (!foreground) continue;
			const [light, dark] = [luminance(foreground), luminance(backgroundOf(element))].sort((a, b) => b - a) as [number, number];
			const ratio = (light + 0.05) / (dark + 0.05);
			const size = parseFloat(style.fontSize);
			const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
			const required = large ? 3 : 4.5;
			if (ratio < required) failures.push({ text: text.slice(0, 40), ratio: Math.round(ratio * 100) / 100, required });
		}
		return failures;
	});
}

/** Controls smaller than 48×48 px, except links inside running text. */
export function findSmallTouchTargets(page: Page): Promise<{ name: string; width: number; height: number }[]> {
	return page.evaluate(() =>
		[...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [role="button"]')]
			.filter((element) => !element.closest('p'))
			.map((element) => {
				// A visually hidden input is operated through its label (a styled file picker): the label is the target.
				const label = element.matches('input') ? element.closest('label') : null;
				const { width, height } = (label ?? element).getBoundingClientRect();
				return { name: element.textContent?.trim() || element.getAttribute('aria-label') || element.tagName, width, height };
			})
			.filter(({ width, height }) => width > 0 && (width < 48 || height < 48))
	);
}
