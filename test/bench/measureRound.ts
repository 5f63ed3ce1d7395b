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
	/** Largest acknowledged − recorded seen while the load ran. */
	maxBacklog: number;
	peakRssMb: number;
	/** CPU time of n8n's process group (main + task runner) per acknowledged delivery. */
	cpuMsPerDelivery: number;
	failed: Record<number, number>;
}

async function countByStatus(n8n: N8nClient, workflowId: string, status: string[]): Promise<number> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId, status }));
	return (await n8n.rest<{ data: { count: number } }>('GET', `/rest/executions?filter=${filter}&limit=1`)).data.count;
}

export async function measureRound(n8n: N8nClient, pid: number, subject: BenchSubject, options: { seconds: number; concurrency: number }): Promise<RoundResult> {
	const recordedBefore = await n8n.countExecutions(subject.workflowId);
	const cpuBefore = groupCpuMs(pid);
	let peakRssMb = groupRssMb(pid);
	let maxBacklog = 0;
	const load = await runLoad({
		url: subject.url,
		concurrency: options.concurrency,
		durationMs: options.seconds * 1000,
		build: subject.build,
		onSample: async (acknowledged) => {
			peakRssMb = Math.max(peakRssMb, groupRssMb(pid));
			// Recorded first, acknowledged after: acknowledgements only grow, so this never understates the backlog.
			const recorded = (await n8n.countExecutions(subject.workflowId)) - recordedBefore;
			maxBacklog = Math.max(maxBacklog, acknowledged() - recorded);
		},
	});
	const recorded = (await n8n.countExecutions(subject.workflowId)) - recordedBefore;
	maxBacklog = Math.max(maxBacklog, load.acknowledged - recorded);
	peakRssMb = Math.max(peakRssMb, groupRssMb(pid));
	// The executions still running use CPU too: measured until they are done.
	await waitFor(() => countByStatus(n8n, subject.workflowId, ['new', 'running']), {
		describe: `no running execution of ${subject.label}`,
		until: (running) => running === 0,
		timeoutMs: 180_000,
		intervalMs: 200,
	});
	const cpuMs = groupCpuMs(pid) - cpuBefore;
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
