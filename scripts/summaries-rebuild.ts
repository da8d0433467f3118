// npm run summaries:rebuild
// Recomputes every course summary (and the quests' "what others chose" counts) from the stored events with the ingest fold, in the database in TAZA_DATA_DIR
// (like the server), and records the current rule version. Run it after RULE_VERSION changes, or to repair summaries.
// Safe beside a running server: each page of summaries is one short transaction, and ingest keeps folding meanwhile.
// TAZA_REBUILD_PAGE sets how many summaries each transaction rebuilds (500).
// The answer keys and the catalogue come from compiling content/ here, as the build does: run it from the checkout
// the server was built from (TAZA_CONTENT_COURSES as for that build) so tests are re-graded with the same keys.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { answerKeysOf } from '../src/lib/content/answer-keys';
import { describeProblems } from '../src/lib/content/content-problem';
import { compileAllContent } from '../src/lib/content/content-files';
import { RULE_VERSION } from '../src/lib/progress/course-summary';
import { readServerConfig } from '../src/lib/server/config';
import { openDatabase } from '../src/lib/server/db/connection';
import { createSummariesRebuildRepo } from '../src/lib/server/repos/summaries-rebuild.repo';
import { createQuestChoicesRepo } from '../src/lib/server/repos/quest-choices.repo';
import { createCourseFold } from '../src/lib/server/services/course-fold';
import { createSummariesRebuildService, type RebuildReport } from '../src/lib/server/services/summaries-rebuild.service';

const root = path.resolve(import.meta.dirname, '..');
const config = readServerConfig();
if (!existsSync(config.databaseFile)) {
	console.error(`No database at ${config.databaseFile}: set TAZA_DATA_DIR to the server's data directory.`);
	process.exit(2);
}

const only = process.env.TAZA_CONTENT_COURSES?.split(',').map((id) => id.trim()).filter(Boolean);
const build = compileAllContent(root, only);
if (build.problems.length > 0) {
	console.error(`Content has problems, so tests could not be re-graded as the server does:\n${describeProblems(build.problems)}`);
	process.exit(1);
}

const pageSize = Number(process.env.TAZA_REBUILD_PAGE ?? 500);
if (!Number.isInteger(pageSize) || pageSize < 1) {
	console.error(`TAZA_REBUILD_PAGE must be a whole number of summaries per transaction, not ${process.env.TAZA_REBUILD_PAGE}`);
	process.exit(2);
}
const { sqlite } = openDatabase(config);
const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
let lastPrinted = started;
const n = (value: number) => value.toLocaleString('en-GB');
const summarise = (report: RebuildReport) =>
	`${n(report.summaries)} summaries from ${n(report.events)} events: ${n(report.created)} created, ${n(report.changed)} changed, ${n(report.unchanged)} unchanged`;

try {
	console.log(`Rebuilding course summaries in ${config.databaseFile} with rule version ${RULE_VERSION} (${build.courses.length} courses, ${pageSize} summaries per transaction)…`);
	const service = createSummariesRebuildService({
		summaries: createSummariesRebuildRepo(sqlite),
		fold: createCourseFold({ catalogue: build.catalogue, answerKeys: answerKeysOf(build.courses) }),
		now: () => new Date()
	});
	const report = await service.rebuildAll({
		pageSize,
		onPage: (progress) => {
			if (performance.now() - lastPrinted < 5000) return;
			lastPrinted = performance.now();
			console.log(`  ${seconds()} s: ${summarise(progress)}`);
		}
	});
	console.log(`Done in ${seconds()} s, ${n(report.transactions)} transactions: ${summarise(report)}.`);
	console.log(`  completed_at set where it was empty: ${n(report.completedAtSet)}`);
	if (report.completedAtKeptUnmastered > 0) {
		console.log(`  completed_at kept although no longer mastered (the rule or the course changed): ${n(report.completedAtKeptUnmastered)}`);
	}
	if (report.withoutEvents > 0) console.log(`  summaries with no events behind them, left as they are: ${n(report.withoutEvents)}`);
	if (report.created + report.changed > 0) console.log('  Every change is in the change logs: devices pull the rebuilt summaries at their next sync.');
	const counts = await createQuestChoicesRepo(sqlite).rebuild();
	console.log(`Quest "what others chose" counts recounted from the events: ${n(counts.choices)} options, ${n(counts.plays)} quests (${seconds()} s).`);
} finally {
	sqlite.close();
}
