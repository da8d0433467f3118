/**
 * Which drawn setting a quest place is, from the words in its id: quest writers name places freely
 * (`classroom`, `district-hospital`, `aiyl-okmotu`, `ort-hall` …) and the art has a handful of settings made for
 * Taza. Anything unrecognised is drawn as a village street under the mountains. Pure.
 */
export type PlaceKind = 'classroom' | 'corridor' | 'hospital' | 'office' | 'home' | 'university' | 'street';

/** Places of the shipped quests whose id alone would be read wrongly (content/quests/*: `place.<id>` describes them). */
const KNOWN_PLACES: Record<string, PlaceKind> = {
	// The exam envelope: an empty school corridor, the ORT test centre.
	corridor: 'corridor',
	'test-centre': 'university'
};

// Checked in order: a hospital or an office wherever it is, then outdoor words (a school yard is outside), then rooms.
const KINDS: [PlaceKind, RegExp][] = [
	['hospital', /hospital|clinic|ward|polyclinic|emergency|doctor|medical|bolnitsa|oorukana/],
	['office', /office|okmot|akimat|council|kenesh|registry|department|cadastre|bureau|municipal|ayil|aiyl|city-hall|ministry|court/],
	['street', /yard|street|village|bazaar|market|road|square|outside|bus|park|field|plot|land/],
	['university', /universit|campus|admission|\bort\b|test-centre|testing|lecture|auditorium|institute|college/],
	['corridor', /corridor|hall(way)?\b|lobby|waiting/],
	['classroom', /class|school|mektep|lesson|exam|staff-room|teachers-room|gym/],
	['home', /home|house|kitchen|family|flat|apartment|\buy\b|room/]
];

export function placeKind(placeId: string): PlaceKind {
	return KNOWN_PLACES[placeId] ?? KINDS.find(([, words]) => words.test(placeId))?.[0] ?? 'street';
}
