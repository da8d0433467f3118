import { describe, expect, it } from 'vitest';
import { placeKind } from './place-kind';

describe('place kind', () => {
	it('draws each setting the quests need from the words in a place id', () => {
		expect(placeKind('classroom')).toBe('classroom');
		expect(placeKind('exam-room')).toBe('classroom');
		expect(placeKind('school-yard')).toBe('street');
		expect(placeKind('corridor')).toBe('corridor');
		expect(placeKind('test-centre')).toBe('university');
		expect(placeKind('director-office')).toBe('office');
		expect(placeKind('hospital-corridor')).toBe('hospital');
		expect(placeKind('waiting-hall')).toBe('corridor');
		expect(placeKind('district-hospital')).toBe('hospital');
		expect(placeKind('aiyl-okmotu')).toBe('office');
		expect(placeKind('village-office')).toBe('office');
		expect(placeKind('home')).toBe('home');
		expect(placeKind('kitchen')).toBe('home');
		expect(placeKind('university-hall')).toBe('university');
		expect(placeKind('university')).toBe('university');
		expect(placeKind('ort-test-centre')).toBe('university');
	});

	it('falls back to the village street', () => {
		expect(placeKind('land-plot')).toBe('street');
		expect(placeKind('somewhere-else')).toBe('street');
	});
});
