/**
 * How a character looks, decided from its id: role words in the id (`nurse`, `head-doctor`, `grandmother`,
 * `official`, `teacher` …) pick the clothes and age; the rest (colours, hair) is drawn from a hash of the id, so
 * every character of a quest is distinct and looks the same on every screen and every play. Pure.
 */
import { mix } from './quest-palette';

export type Age = 'teen' | 'adult' | 'elder';
export type Hair = 'short' | 'long' | 'bun' | 'ponytail' | 'curly' | 'scarf' | 'kalpak' | 'cap';
export type Outfit = 'casual' | 'uniform' | 'suit' | 'white-coat' | 'dress' | 'jacket';
export type Accessory = 'none' | 'glasses' | 'tie' | 'stethoscope' | 'backpack' | 'folder' | 'cane';

export interface CastLook {
	age: Age;
	skin: number;
	hairColour: number;
	hair: Hair;
	outfit: Outfit;
	top: number;
	bottom: number;
	accessory: Accessory;
}

const SKIN = [0xf1c9a5, 0xe0b08a, 0xd19f7a, 0xc48b66, 0xa86f4e];
const HAIR = [0x1e1a18, 0x2f241d, 0x4a3426, 0x3a2c22];
/** Clothes: saturated enough to tell characters apart, never so dark the face is lost. */
const CLOTHES = [0x2f7f86, 0xd0673e, 0x5b6fb5, 0x8e5aa8, 0x3f8f5a, 0xc99a2e, 0xb8486a, 0x3d6f9e];
const TROUSERS = [0x34495e, 0x4b3f35, 0x2e3d4f, 0x5a5048];

/** FNV-1a: a small stable hash, the same in every browser. */
export function hashId(id: string): number {
	let hash = 0x811c9dc5;
	for (let index = 0; index < id.length; index += 1) {
		hash ^= id.charCodeAt(index);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash >>> 0;
}

const pick = <T>(list: readonly T[], hash: number, salt: number): T => list[((hash >>> salt) ^ (hash >>> (salt + 7))) % list.length]!;

interface Role {
	words: RegExp;
	look: Partial<CastLook>;
}

// Role words as quest writers name characters (English ids, or a transliterated Kyrgyz/Russian word).
const ROLES: Role[] = [
	{ words: /grand(mother|ma)|granny|babushka|chong-?ene|\bene\b|apa-?ene|elder-woman/, look: { age: 'elder', hair: 'scarf', outfit: 'dress', accessory: 'cane' } },
	{ words: /grand(father|pa)|chong-?ata|dedushka|aksakal|elder/, look: { age: 'elder', hair: 'kalpak', outfit: 'jacket', accessory: 'cane' } },
	{ words: /head-?doctor|glavvrach|chief-?doctor|doctor|vrach|surgeon/, look: { age: 'adult', outfit: 'white-coat', accessory: 'stethoscope', top: 0xffffff } },
	{ words: /nurse|medsestra/, look: { age: 'adult', outfit: 'white-coat', hair: 'cap', top: 0xffffff } },
	{ words: /director|principal|rector|dean|head-?teacher/, look: { age: 'adult', outfit: 'suit', accessory: 'glasses' } },
	{ words: /teacher|mugalim|uchitel|tutor|curator/, look: { age: 'adult', outfit: 'jacket', accessory: 'glasses' } },
	{ words: /official|clerk|akim|okmot|specialist|inspector|officer|chinovnik|deputy|head|chief|registrar|secretary/, look: { age: 'adult', outfit: 'suit', accessory: 'folder' } },
	{ words: /mother|\bmom\b|mama|aunt|\beje\b/, look: { age: 'adult', hair: 'bun', outfit: 'dress' } },
	{ words: /father|\bdad\b|papa|uncle|baike|\bata\b/, look: { age: 'adult', hair: 'short', outfit: 'jacket' } },
	{ words: /neighbo|villager|farmer|driver|guard|council|kenesh|middleman|broker|stranger|\bman\b|\bwoman\b|agent/, look: { age: 'adult', outfit: 'jacket' } },
	{ words: /student|pupil|classmate|friend|brother|sister|girl|boy|cousin|applicant/, look: { age: 'teen', outfit: 'casual', accessory: 'backpack' } }
];

/**
 * Characters of the shipped quests whose id is a first name, drawn as the story tells them (content/quests/*: the
 * `cast.<id>` text says who they are). Ids not listed here are read by their role words.
 */
const KNOWN_CAST: Record<string, Partial<CastLook>> = {
	// The exam envelope.
	bakyt: { age: 'teen', hair: 'short' },
	aizada: { age: 'teen', hair: 'ponytail' },
	gulnara: { age: 'adult', hair: 'bun', outfit: 'dress' },
	elnura: { age: 'teen', hair: 'long', outfit: 'casual', accessory: 'folder' }
};

export function castLook(id: string): CastLook {
	const hash = hashId(id);
	const role = KNOWN_CAST[id] ?? ROLES.find((candidate) => candidate.words.test(id))?.look ?? {};
	const age = role.age ?? 'teen';
	const hairs: Hair[] = age === 'teen' ? ['short', 'long', 'ponytail', 'curly'] : ['short', 'long', 'bun', 'curly'];
	const top = role.top ?? pick(CLOTHES, hash, 3);
	return {
		age,
		skin: pick(SKIN, hash, 1),
		hairColour: age === 'elder' ? 0xcfcac3 : pick(HAIR, hash, 5),
		hair: role.hair ?? pick(hairs, hash, 9),
		outfit: role.outfit ?? (age === 'teen' ? 'uniform' : 'casual'),
		top,
		// A white coat goes over darker clothes; everyone else's trousers or skirt come from the hash.
		bottom: role.outfit === 'white-coat' ? pick(CLOTHES, hash, 11) : mix(pick(TROUSERS, hash, 13), top, 0.15),
		accessory: role.accessory ?? (age === 'teen' ? 'backpack' : 'none')
	};
}
