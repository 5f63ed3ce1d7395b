/**
 * The tables `npm run bench:n8n` prints (Markdown, so that the README's can be
 * pasted from a run): per workflow the medians over rounds, then ours against
 * the minimal trigger and the Webhook node, with the targets.
 */
import type { SubjectKind } from './benchWorkflows';
import { median } from './loadGenerator';
import type { RoundResult } from './measureRound';

export interface SubjectRounds {
	label: string;
	kind: SubjectKind;
	rounds: RoundResult[];
}

type Figures = Omit<RoundResult, 'failed'> & { failed: string };

/** Failed requests over all rounds by status, e.g. `401×3, 0×1` (0: connection error or timeout); `0` when none. */
function failedByStatus(rounds: RoundResult[]): string {
	const total: Record<string, number> = {};
	for (const round of rounds) for (const [status, count] of Object.entries(round.failed)) total[status] = (total[status] ?? 0) + count;
	const parts = Object.entries(total).map(([status, count]) => `${status}×${count}`);
	return parts.length > 0 ? parts.join(', ') : '0';
}

function figuresOf(rounds: RoundResult[]): Figures {
	const pick = (key: keyof Omit<RoundResult, 'failed'>) => median(rounds.map((round) => round[key]));
	return {
		acknowledgedPerSecond: pick('acknowledgedPerSecond'),
		recordedPerSecond: pick('recordedPerSecond'),
		p50Ms: pick('p50Ms'),
		p99Ms: pick('p99Ms'),
		// The largest over all rounds: the target is a bound, not a typical value.
		maxBacklog: Math.max(...rounds.map((round) => round.maxBacklog)),
		peakRssMb: pick('peakRssMb'),
		cpuMsPerDelivery: pick('cpuMsPerDelivery'),
		failed: failedByStatus(rounds),
	};
}

const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const mark = (met: boolean) => (met ? 'met' : 'NOT met');

export function figuresTable(subjects: SubjectRounds[]): string {
	const lines = [
		'| workflow | acknowledged/s | recorded/s | p50 ms | p99 ms | max backlog | peak RSS MB | n8n CPU ms/delivery | failed |',
		'|---|---:|---:|---:|---:|---:|---:|---:|---:|',
	];
	for (const subject of subjects) {
		const f = figuresOf(subject.rounds);
		lines.push(
			`| ${subject.label} | ${fixed(f.acknowledgedPerSecond)} | ${fixed(f.recordedPerSecond)} | ${fixed(f.p50Ms)} | ${fixed(f.p99Ms)} | ${f.maxBacklog} | ${fixed(f.peakRssMb, 0)} | ${fixed(f.cpuMsPerDelivery, 2)} | ${f.failed} |`,
		);
	}
	return lines.join('\n');
}

/**
 * Ratios per round (rounds alternate the workflows, so a round's figures share
 * the machine's state), then their median: steadier on a shared machine than
 * a ratio of medians.
 */
function ratio(ours: RoundResult[], other: RoundResult[], key: keyof Omit<RoundResult, 'failed'>): number {
	return median(ours.map((round, index) => round[key] / other[index][key]));
}

export interface TargetCheck {
	label: string;
	recordedVsMinimal: number;
	recordedVsMinimalCredential: number;
	recordedVsWebhook: number;
	rssVsWebhook: number;
	cpuVsWebhook: number;
	maxBacklog: number;
	met: { throughput: boolean; backlog: boolean; rss: boolean };
}

export function checkTargets(subjects: SubjectRounds[], concurrency: number): TargetCheck[] {
	const minimal = subjects.find((subject) => subject.kind === 'minimal') as SubjectRounds;
	const minimalCredential = subjects.find((subject) => subject.kind === 'minimal-credential') as SubjectRounds;
	const webhook = subjects.find((subject) => subject.kind === 'webhook') as SubjectRounds;
	return subjects
		.filter((subject) => subject.kind === 'ours')
		.map((subject) => {
			const check = {
				label: subject.label,
				recordedVsMinimal: ratio(subject.rounds, minimal.rounds, 'recordedPerSecond'),
				recordedVsMinimalCredential: ratio(subject.rounds, minimalCredential.rounds, 'recordedPerSecond'),
				recordedVsWebhook: ratio(subject.rounds, webhook.rounds, 'recordedPerSecond'),
				rssVsWebhook: ratio(subject.rounds, webhook.rounds, 'peakRssMb'),
				cpuVsWebhook: ratio(subject.rounds, webhook.rounds, 'cpuMsPerDelivery'),
				maxBacklog: Math.max(...subject.rounds.map((round) => round.maxBacklog)),
			};
			return {
				...check,
				met: { throughput: check.recordedVsMinimal >= 0.95, backlog: check.maxBacklog <= concurrency, rss: check.rssVsWebhook <= 1.1 },
			};
		});
}

export function ratiosTable(checks: TargetCheck[], concurrency: number): string {
	const lines = [
		`| ours | recorded/s ÷ minimal (≥ 0.95) | recorded/s ÷ minimal + credential | recorded/s ÷ Webhook node | backlog (≤ ${concurrency}) | peak RSS ÷ Webhook node (≤ 1.1) | CPU/delivery ÷ Webhook node |`,
		'|---|---:|---:|---:|---:|---:|---:|',
	];
	for (const check of checks) {
		lines.push(
			`| ${check.label} | ${fixed(check.recordedVsMinimal, 2)} ${mark(check.met.throughput)} | ${fixed(check.recordedVsMinimalCredential, 2)} | ${fixed(check.recordedVsWebhook, 2)} | ${check.maxBacklog} ${mark(check.met.backlog)} | ${fixed(check.rssVsWebhook, 2)} ${mark(check.met.rss)} | ${fixed(check.cpuVsWebhook, 2)} |`,
		);
	}
	return lines.join('\n');
}
