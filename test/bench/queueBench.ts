/**
 * The queue-mode part of `npm run bench:n8n` (BENCH_QUEUE=1): the cluster of
 * the e2e-queue suite (test/e2e/harness/queue.ts: PostgreSQL, Redis, main,
 * 2 webhook processors, 2 workers), our two triggers and n8n's Webhook node
 * published on main, deliveries sent to both webhook processors in turn.
 * What it compares is the webhook processors' CPU per delivery, ours against
 * the Webhook node's (target ≤ 1.1×): the part of queue mode our code runs in.
 */
import { bootQueueCluster } from '../e2e/harness/queue';
import { publishBenchSubjects } from './benchWorkflows';
import { median } from './loadGenerator';
import { measureRound } from './measureRound';
import { figuresTable, type SubjectRounds } from './report';

export interface QueueBenchOptions {
	seconds: number;
	rounds: number;
	warmupSeconds: number;
	concurrency: number;
	env: Record<string, string | undefined>;
	engineLabel: string;
	log(line: string): void;
}

/** Runs the rounds; returns the Markdown to print and the ours whose target is not met. */
export async function benchQueueMode(options: QueueBenchOptions): Promise<{ lines: string[]; misses: string[] }> {
	const cluster = await bootQueueCluster({ label: 'bench-queue', env: options.env, log: options.log });
	const misses: string[] = [];
	try {
		const main = cluster.main;
		const subjects = await publishBenchSubjects(main, { minimal: false });
		const pids = cluster.state.webhooks.map((entry) => entry.pid);
		const urlsOf = (url: string) => cluster.webhookBaseUrls.map((base) => `${base}${new URL(url).pathname}`);
		const round = { concurrency: options.concurrency, pids };
		for (const subject of subjects) await measureRound(main, subject, { ...round, seconds: options.warmupSeconds, urls: urlsOf(subject.url) });
		const results: SubjectRounds[] = subjects.map((subject) => ({ label: subject.label, kind: subject.kind, rounds: [] }));
		for (let index = 0; index < options.rounds; index++) {
			for (let step = 0; step < subjects.length; step++) {
				const which = (index + step) % subjects.length;
				const subject = subjects[which];
				const result = await measureRound(main, subject, { ...round, seconds: options.seconds, urls: urlsOf(subject.url) });
				results[which].rounds[index] = result;
				options.log(`queue round ${index + 1}/${options.rounds} ${subject.label}: ${result.recordedPerSecond.toFixed(1)} recorded/s, webhook processors ${result.cpuMsPerDelivery.toFixed(1)} CPU ms/delivery`);
			}
		}
		const webhook = results.find((subject) => subject.kind === 'webhook') as SubjectRounds;
		const lines = ['| ours | webhook-processor CPU/delivery ÷ Webhook node (target ≤ 1.1) | recorded/s ÷ Webhook node |', '|---|---:|---:|'];
		for (const subject of results.filter((entry) => entry.kind === 'ours')) {
			const cpu = median(subject.rounds.map((result, index) => result.cpuMsPerDelivery / webhook.rounds[index].cpuMsPerDelivery));
			const rate = median(subject.rounds.map((result, index) => result.recordedPerSecond / webhook.rounds[index].recordedPerSecond));
			lines.push(`| ${subject.label} | ${cpu.toFixed(2)} ${cpu <= 1.1 ? 'met' : 'NOT met'} | ${rate.toFixed(2)} |`);
			if (cpu > 1.1) misses.push(`${subject.label} webhook-processor CPU`);
		}
		const heading = `### queue mode, ${options.engineLabel}: main, 2 webhook processors, 2 workers, PostgreSQL, Redis (RSS and CPU: the webhook processors)`;
		return { lines: [heading, '', figuresTable(results), '', ...lines, ''], misses };
	} finally {
		await cluster.stop();
	}
}
