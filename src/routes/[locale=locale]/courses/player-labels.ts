import type { PlayerLabels } from '$lib/courses/player/labels';
import { m } from '$lib/paraglide/messages';
import { formatBytes } from '../format-bytes';

export function playerLabels(): PlayerLabels {
	return {
		step: (current, total) => m.player_step({ current, total }),
		next: m.player_next(),
		back: m.player_back(),
		check: m.player_check(),
		answerFirst: m.player_answer_first(),
		correct: m.player_correct(),
		incorrect: m.player_incorrect(),
		finish: m.player_finish(),
		answerSaved: m.quiz_answer_saved(),
		true: m.question_true(),
		false: m.question_false(),
		chooseOne: m.question_choose_one(),
		chooseMany: m.question_choose_many(),
		matchHint: m.question_match_hint(),
		matchPlaceholder: m.question_match_placeholder(),
		orderHint: m.question_order_hint(),
		moveUp: (item) => m.question_move_up({ item }),
		moveDown: (item) => m.question_move_down({ item }),
		moved: (item, position) => m.question_moved({ item, position }),
		dilemmaChoose: m.dilemma_choose(),
		dilemmaConsequence: m.dilemma_consequence(),
		dilemmaWhy: m.dilemma_why(),
		dilemmaOutcome: {
			best: m.dilemma_outcome_best(),
			acceptable: m.dilemma_outcome_acceptable(),
			harmful: m.dilemma_outcome_harmful()
		},
		dilemmaTryOther: m.dilemma_try_other(),
		transcript: m.media_transcript(),
		videoSize: (bytes) => m.video_size_warning({ size: formatBytes(bytes) }),
		videoLoad: m.video_load(),
		legalReviewMark: m.content_legal_review_mark()
	};
}
