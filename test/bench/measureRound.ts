/**
 * One timed round of load against one workflow of the n8n benchmark, with
 * what n8n recorded meanwhile: executions counted in n8n's database (the
 * count the e2e tests use), the acknowledged-minus-recorded backlog and the
 * process group's resident memory sampled every half second, CPU time of the
 * group over the round. Waits afterwards until the workflow has no running
 * execution left, so that one round's tail does not load the next.
 */
import type { N8nClient } from '../e2e/harness/client';
import { waitFor } from '../e2e/harness/wait';
import type { BenchSubject } from './benchWorkflows';
import { quantile, runLoad } from './loadGenerator';
import { groupCpuMs, groupRssMb } from './processTreeRss';

export interface RoundResult {
	acknowledgedPerSecond: number;
	recordedPerSecond: number;
	p50Ms: number;
	p99Ms: number;
	/** Largest acknowledged − recorded seen while the load ran (acknowledged when each count was asked for). */
	maxBacklog: number;
	peakRssMb: number;
	/** CPU time of the measured n8n process groups (main + task runner; in queue mode the webhook processors) per acknowledged delivery. */
	cpuMsPerDelivery: number;
	failed: Record<number, number>;
}

async function countByStatus(n8n: N8nClient, workflowId: string, status: string[]): Promise<number> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId, status }));
	return (await n8n.rest<{ data: { count: number } }>('GET', `/rest/executions?filter=${filter}&limit=1`)).data.count;
}

export interface RoundOptions {
	seconds: number;
	concurrency: number;
	/** Process groups whose memory and CPU are measured (n8n's main process; in queue mode the webhook processors). */
	pids: number[];
	/** Where to send; default the subject's URL (in queue mode: the same path on each webhook processor). */
	urls?: string[];
}

const sum = (pids: number[], read: (pid: number) => number) => pids.reduce((total, pid) => total + read(pid), 0);

export async function measureRound(n8n: N8nClient, subject: BenchSubject, options: RoundOptions): Promise<RoundResult> {
	const { pids } = options;
	const recordedBefore = await n8n.countExecutions(subject.workflowId);
	const cpuBefore = sum(pids, groupCpuMs);
	let peakRssMb = sum(pids, groupRssMb);
	let maxBacklog = 0;
	const load = await runLoad({
		urls: options.urls ?? [subject.url],
		concurrency: options.concurrency,
		durationMs: options.seconds * 1000,
		build: subject.build,
		onSample: async (acknowledged) => {
			peakRssMb = Math.max(peakRssMb, sum(pids, groupRssMb));
			// Acknowledged when the count is asked for: each of those must be in the count if n8n
			// recorded it before answering. (Read after the count instead, what is acknowledged
			// while the query runs, rate × query time, would be counted as backlog.)
			const acknowledgedBefore = acknowledged();
			const recorded = (await n8n.countExecutions(subject.workflowId)) - recordedBefore;
			maxBacklog = Math.max(maxBacklog, acknowledgedBefore - recorded);
		},
	});
	const recorded = (await n8n.countExecutions(subject.workflowId)) - recordedBefore;
	maxBacklog = Math.max(maxBacklog, load.acknowledged - recorded);
	peakRssMb = Math.max(peakRssMb, sum(pids, groupRssMb));
	// The executions still running use CPU too: measured until they are done.
	await waitFor(() => countByStatus(n8n, subject.workflowId, ['new', 'running']), {
		describe: `no running execution of ${subject.label}`,
		until: (running) => running === 0,
		timeoutMs: 180_000,
		intervalMs: 200,
	});
	const cpuMs = sum(pids, groupCpuMs) - cpuBefore;
	const seconds = load.elapsedMs / 1000;
	return {
		acknowledgedPerSecond: load.acknowledged / seconds,
		recordedPerSecond: recorded / seconds,
		p50Ms: quantile(load.latenciesMs, 0.5),
		p99Ms: quantile(load.latenciesMs, 0.99),
		maxBacklog,
		peakRssMb,
		cpuMsPerDelivery: load.acknowledged > 0 ? cpuMs / load.acknowledged : Number.NaN,
		failed: load.failed,
	};
}
