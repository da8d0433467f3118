import { PICTURES } from '$lib/identity/picture-password';
import { m } from '$lib/paraglide/messages';
import type { ProfileRow } from '$lib/storage/database';
import type { PictureChoice } from '$lib/ui/PicturePicker.svelte';

/** What "Who is learning?" calls a profile. */
export function profileName(profile: Pick<ProfileRow, 'kind' | 'displayName' | 'loginHint'>): string {
	return profile.displayName ?? (profile.kind === 'guest' ? m.profiles_guest() : (profile.loginHint ?? m.profiles_guest()));
}

/** The line under the name: a guest's progress stays here; a child's class; an adult's login; or "sign in again". */
export function profileHint(profile: ProfileRow): string {
	if (profile.kind === 'guest') return m.profiles_guest_hint();
	if (!profile.token) return m.profiles_signed_out_hint();
	if (profile.secret === 'pictures' && profile.loginHint) return m.profiles_class_hint({ className: profile.loginHint });
	return profile.loginHint ?? '';
}

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

/** The spoken name of a password picture, for screen readers and for a teacher reading new pictures out. */
export function pictureLabel(picture: string): string {
	return PICTURE_LABELS[picture]?.() ?? picture;
}

/** The pictures a child's password is made of, with their names in the page's language. */
export function pictureChoices(): PictureChoice[] {
	return PICTURES.map((id) => ({ id, label: pictureLabel(id) }));
}
