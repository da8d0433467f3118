import { m } from '$lib/paraglide/messages';

const PICTURE_LABELS: Record<string, () => string> = {
	sun: m.picture_sun,
	moon: m.picture_moon,
	star: m.picture_star,
	apple: m.picture_apple,
	horse: m.picture_horse,
	yurt: m.picture_yurt,
	book: m.picture_book,
	ball: m.picture_ball,
	tree: m.picture_tree
};

/** The spoken name of a password picture, for screen readers and for a teacher reading them out. */
export function pictureLabel(picture: string): string {
	return PICTURE_LABELS[picture]?.() ?? picture;
}
