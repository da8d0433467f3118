/**
 * Which drawn setting a quest place is, from the words in its id: quest writers name places freely
 * (`classroom`, `district-hospital`, `aiyl-okmotu`, `ort-hall` …) and the art has a handful of settings made for
 * Taza. Anything unrecognised is drawn as a village street under the mountains. Pure.
 */
export type PlaceKind = 'classroom' | 'hospital' | 'office' | 'home' | 'university' | 'street';

const KINDS: [PlaceKind, RegExp][] = [
	['hospital', /hospital|clinic|corridor|ward|polyclinic|emergency|reception|doctor|medical|bolnitsa|oorukana/],
	['university', /universit|campus|admission|\bort\b|exam-hall|lecture|auditorium|institute|college/],
	['classroom', /class|school|mektep|lesson|staff-room|teachers-room|gym/],
	['office', /office|okmot|akimat|council|kenesh|registry|department|cadastre|bureau|municipal|ayil|aiyl|city-hall|ministry|court/],
	['home', /home|house|kitchen|yard|family|flat|apartment|uy\b|room/],
	['street', /street|village|bazaar|market|road|square|outside|bus|park|field|land|plot/]
];

export function placeKind(placeId: string): PlaceKind {
	return KINDS.find(([, words]) => words.test(placeId))?.[0] ?? 'street';
}
