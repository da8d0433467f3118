import type { QuestStructure } from './quest.schema.ts';
import { questTextKey } from './quest.types.ts';
import type { TextKey } from './text-keys.ts';

/**
 * Every text key a quest's structure calls for. Names, labels and buttons are `plain` (no legal mark may go there);
 * what is read — lines, prompts, consequences, endings, debrief and discussion — may carry a `[[law: …]]` mark.
 */
export function questTextKeys(quest: QuestStructure): Map<string, Pick<TextKey, 'kind' | 'required'>> {
	const keys = new Map<string, Pick<TextKey, 'kind' | 'required'>>();
	const plain = (key: string) => keys.set(key, { kind: 'plain', required: true });
	const prose = (key: string) => keys.set(key, { kind: 'inline', required: true });
	plain('title');
	plain('summary');
	quest.meters.forEach((meter) => plain(questTextKey.meter(meter.id)));
	quest.cast.forEach((character) => plain(questTextKey.cast(character)));
	quest.places.forEach((place) => plain(questTextKey.place(place)));
	quest.consequences.forEach((consequence) => prose(questTextKey.consequence(consequence.id)));
	for (const node of quest.nodes) {
		switch (node.type) {
			case 'line':
				prose(questTextKey.line(node.id));
				break;
			case 'choice':
				prose(questTextKey.prompt(node.id));
				for (const choice of node.choices) {
					plain(questTextKey.choice(node.id, choice.id));
					if (choice.when) plain(questTextKey.locked(node.id, choice.id));
				}
				if (node.discussion) prose(questTextKey.discussion(node.id));
				break;
			case 'ending':
				plain(questTextKey.endingTitle(node.id));
				prose(questTextKey.ending(node.id));
				for (let index = 1; index <= node.debrief; index += 1) prose(questTextKey.debrief(node.id, index));
				break;
			case 'branch':
				break;
		}
	}
	return keys;
}
