import { describe, expect, it } from 'vitest';
import { castLook, hashId } from './cast-look';
import { mix } from './quest-palette';

describe('cast look', () => {
	it('is the same for the same id on every call', () => {
		expect(castLook('aigul')).toEqual(castLook('aigul'));
		expect(hashId('aigul')).toBe(hashId('aigul'));
	});

	it('dresses roles named in the id', () => {
		expect(castLook('nurse')).toMatchObject({ outfit: 'white-coat', hair: 'cap', top: 0xffffff });
		expect(castLook('head-doctor')).toMatchObject({ outfit: 'white-coat', accessory: 'stethoscope' });
		expect(castLook('grandmother')).toMatchObject({ age: 'elder', hair: 'scarf' });
		expect(castLook('grandfather')).toMatchObject({ age: 'elder', hair: 'kalpak' });
		expect(castLook('village-official')).toMatchObject({ outfit: 'suit', accessory: 'folder' });
		expect(castLook('class-teacher')).toMatchObject({ age: 'adult', accessory: 'glasses' });
	});

	it('draws the shipped quests’ named characters as their stories tell them', () => {
		expect(castLook('gulnara')).toMatchObject({ age: 'adult', outfit: 'dress' });
		expect(castLook('middleman')).toMatchObject({ age: 'adult', outfit: 'jacket' });
	});

	it('makes a name without a role a teenager in school clothes', () => {
		expect(castLook('bakyt')).toMatchObject({ age: 'teen', outfit: 'uniform' });
	});

	it('gives the characters of one quest different clothes', () => {
		const tops = new Set(['aigul', 'bakyt', 'nurlan', 'aizada', 'timur', 'mother'].map((id) => castLook(id).top));
		expect(tops.size).toBeGreaterThanOrEqual(4);
	});

	it('mixes colours channel by channel', () => {
		expect(mix(0x000000, 0xffffff, 0.5)).toBe(0x808080);
		expect(mix(0x102030, 0x102030, 0.7)).toBe(0x102030);
	});
});
