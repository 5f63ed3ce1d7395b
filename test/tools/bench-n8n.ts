/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- benchmark tooling runs on a developer machine, not inside n8n */
/**
 * Macro benchmark: our triggers inside the real n8n the e2e suite installs,
 * against a minimal community trigger (test/bench/minimal-trigger; once with
 * its secret in a parameter, once in a credential) and n8n's own Webhook node, each → NoOp, in one n8n per expression-engine setting,
 * in alternating rounds (the order rotates each round) after a warm-up round.
 * Prints per workflow acknowledged/s, recorded executions/s, p50/p99 answer
 * latency, the largest acknowledged − recorded backlog, peak RSS of n8n's
 * process group, n8n CPU per delivery; then the ratios ours/minimal and
 * ours/Webhook node against the targets.
 *
 * n8n acquires an expression isolate per request for every start node except
 * its own Webhook node (`webhookPhaseNeedsIsolate`), so under the default
 * engine every community trigger runs below the Webhook node: the minimal
 * trigger, which pays the same, is the yardstick for our own code. Reading a
 * credential in webhook() costs one more isolate under the default engine
 * (n8n's CredentialsHelper.applyDefaultsAndOverwrites acquires one when the
 * read has no execution to resolve expressions in): "minimal + credential"
 * shows that cost apart from ours.
 *
 *   npm run build && npm run bench:n8n           full run (about 20 minutes)
 *   BENCH_QUICK=1 npm run bench:n8n              one engine, seconds-long rounds (CI smoke)
 *   BENCH_SECONDS=15 BENCH_ROUNDS=3 BENCH_WARMUP_SECONDS=10 BENCH_CONCURRENCY=10
 *   BENCH_ENGINES=vm,lazy,legacy                 which settings to run
 *   BENCH_QUEUE=1 (or only)                      also (or only) queue mode, per engine (test/bench/queueBench.ts)
 *
 * A figure to read, not a test: nothing here fails on a slow machine.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { bootN8n, type N8nInstance } from '../e2e/harness/instance';
import { N8N_VERSION } from '../e2e/harness/paths';
import { publishBenchSubjects } from '../bench/benchWorkflows';
import { measureRound } from '../bench/measureRound';
import { benchQueueMode } from '../bench/queueBench';
import { checkTargets, figuresTable, ratiosTable, type SubjectRounds, type TargetCheck } from '../bench/report';

const QUICK = process.env.BENCH_QUICK === '1';
const numberFromEnv = (name: string, full: number, quick: number) => Number(process.env[name] ?? (QUICK ? quick : full));
const SECONDS = numberFromEnv('BENCH_SECONDS', 15, 3);
const ROUNDS = numberFromEnv('BENCH_ROUNDS', 3, 1);
const WARMUP_SECONDS = numberFromEnv('BENCH_WARMUP_SECONDS', 10, 2);
const CONCURRENCY = numberFromEnv('BENCH_CONCURRENCY', 10, 10);

const ENGINES = [
	{ key: 'vm', label: 'default engine (N8N_EXPRESSION_ENGINE=vm)', env: { N8N_EXPRESSION_ENGINE: 'vm' } },
	{ key: 'lazy', label: 'N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true', env: { N8N_EXPRESSION_ENGINE: 'vm', N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' } },
	{ key: 'legacy', label: 'N8N_EXPRESSION_ENGINE=legacy', env: { N8N_EXPRESSION_ENGINE: 'legacy' } },
];
const selectedEngines = (process.env.BENCH_ENGINES ?? (QUICK ? 'vm' : 'vm,lazy,legacy')).split(',').map((key) => key.trim());

const log = (line: string) => console.log(`[bench:n8n] ${line}`);
const loadAverage = () => os.loadavg().map((value) => value.toFixed(2)).join(' ');

/** The compiled minimal trigger, staged beside our package (see bootN8n's extraNodeFiles): like ours, it gets zod from n8n. */
const MINIMAL_TRIGGER = path.join(__dirname, '..', 'bench', 'minimal-trigger', 'MinimalBenchTrigger.node.js');

function machine(n8n: N8nInstance): string {
	const cpu = /model name\s*:\s*(.+)/.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? os.cpus()[0]?.model ?? 'unknown CPU';
	return (
		`${os.cpus().length} CPUs (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}; ` +
		`n8n ${n8n.state.install.n8nVersion} on Node ${n8n.state.install.nodeVersion} (SQLite, regular mode); load generator on Node ${process.versions.node}, undici, same machine`
	);
}

async function benchEngine(engine: (typeof ENGINES)[number]): Promise<{ subjects: SubjectRounds[]; checks: TargetCheck[] }> {
	log(`--- ${engine.label}: starting n8n (load average ${loadAverage()})`);
	const n8n = await bootN8n({
		label: `bench-${engine.key}`,
		// No pruning: the benchmark counts executions in the database.
		env: { ...engine.env, EXECUTIONS_DATA_PRUNE: 'false' },
		extraNodeFiles: [MINIMAL_TRIGGER],
		log,
	});
	try {
		log(machine(n8n));
		const subjects = await publishBenchSubjects(n8n);
		log(`warm-up: ${WARMUP_SECONDS} s per workflow`);
		for (const subject of subjects) await measureRound(n8n, subject, { seconds: WARMUP_SECONDS, concurrency: CONCURRENCY, pids: [n8n.pid] });
		const results: SubjectRounds[] = subjects.map((subject) => ({ label: subject.label, kind: subject.kind, rounds: [] }));
		for (let round = 0; round < ROUNDS; round++) {
			// Rotated order: no workflow always runs first (on a colder JIT) or last (on a fuller heap).
			for (let step = 0; step < subjects.length; step++) {
				const index = (round + step) % subjects.length;
				const result = await measureRound(n8n, subjects[index], { seconds: SECONDS, concurrency: CONCURRENCY, pids: [n8n.pid] });
				results[index].rounds[round] = result;
				log(
					`round ${round + 1}/${ROUNDS} ${subjects[index].label}: ${result.acknowledgedPerSecond.toFixed(1)} ack/s, ` +
						`${result.recordedPerSecond.toFixed(1)} recorded/s, p99 ${result.p99Ms.toFixed(0)} ms, RSS ${result.peakRssMb} MB`,
				);
			}
		}
		log(`--- ${engine.label}: done (load average ${loadAverage()})`);
		return { subjects: results, checks: checkTargets(results, CONCURRENCY) };
	} finally {
		await n8n.stop();
	}
}

async function main(): Promise<number> {
	if (!fs.existsSync(path.join(__dirname, '..', '..', '..', 'dist'))) throw new Error('dist/ does not exist: run `npm run build` first');
	const engines = ENGINES.filter((engine) => selectedEngines.includes(engine.key));
	log(
		`n8n ${N8N_VERSION}; ${engines.map((engine) => engine.key).join(', ')}; ${ROUNDS} round(s) × ${SECONDS} s per workflow after a ${WARMUP_SECONDS} s warm-up, ` +
			`${CONCURRENCY} connections; load average ${loadAverage()}`,
	);
	const report: string[] = [];
	const misses: string[] = [];
	const queueMode = process.env.BENCH_QUEUE ?? '0';
	for (const engine of queueMode === 'only' ? [] : engines) {
		const { subjects, checks } = await benchEngine(engine);
		report.push(`### ${engine.label}`, '', figuresTable(subjects), '', ratiosTable(checks, CONCURRENCY), '');
		for (const check of checks) {
			for (const [target, met] of Object.entries(check.met)) if (!met) misses.push(`${engine.key}: ${check.label} ${target}`);
		}
	}
	for (const engine of queueMode === '1' || queueMode === 'only' ? engines : []) {
		const queue = { seconds: SECONDS, rounds: ROUNDS, warmupSeconds: WARMUP_SECONDS, concurrency: CONCURRENCY };
		log(`--- queue mode, ${engine.label} (load average ${loadAverage()})`);
		const { lines, misses: queueMisses } = await benchQueueMode({ ...queue, env: { ...engine.env, EXECUTIONS_DATA_PRUNE: 'false' }, engineLabel: engine.label, log });
		report.push(...lines);
		misses.push(...queueMisses.map((miss) => `queue ${engine.key}: ${miss}`));
	}
	console.log(
		[
			'',
			`## n8n benchmark (${ROUNDS} round(s) × ${SECONDS} s, ${CONCURRENCY} connections, medians over rounds; load average at the end ${loadAverage()})`,
			'',
			'Community triggers pay an expression isolate per request that n8n skips for its own Webhook node',
			'(webhookPhaseNeedsIsolate): the minimal trigger, which pays it too, is the yardstick for our code.',
			'A credential read in webhook() takes one more isolate under the default engine (n8n CredentialsHelper',
			'.applyDefaultsAndOverwrites): "minimal + credential" pays it as our triggers do.',
			'',
			...report,
			misses.length === 0 ? 'Every target met.' : `Targets not met: ${misses.join('; ')}`,
		].join('\n'),
	);
	return 0;
}

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		console.error(error);
		process.exit(1);
	},
);
