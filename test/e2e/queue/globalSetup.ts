/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error, no-console -- test code runs under jest on a developer machine, not inside n8n */
/**
 * Starts the queue-mode target for the e2e-queue project: PostgreSQL, Redis,
 * n8n main, two webhook processors and two workers (harness/queue.ts). Test
 * files find it through the file named in N8N_E2E_QUEUE_STATE_FILE.
 *
 * Where PostgreSQL or Redis cannot be installed or started (or E2E_QUEUE=0),
 * it prints one line saying so and writes that into the state file instead:
 * the test files then declare their tests skipped, so they are counted as
 * skipped, never as passed. Any other failure fails the run.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { SCRATCH_ROOT } from '../harness';
import { isAlive } from '../harness/proc';
import { QUEUE_STATE_ENV, ServiceUnavailableError, bootQueueCluster, writeQueueState } from '../harness/queue';

export default async function globalSetup(): Promise<void> {
	// State files of killed runs (their processes are reaped when the cluster boots).
	for (const old of fs.existsSync(SCRATCH_ROOT) ? fs.readdirSync(SCRATCH_ROOT) : []) {
		const owner = /^queue-(\d+)\.json$/.exec(old)?.[1];
		if (owner && !isAlive(Number(owner))) fs.rmSync(path.join(SCRATCH_ROOT, old), { force: true });
	}
	const file = path.join(SCRATCH_ROOT, `queue-${process.pid}.json`);
	process.env[QUEUE_STATE_ENV] = file;
	const skip = (reason: string) => {
		writeQueueState(file, { available: false, reason });
		console.log(`\n[n8n-queue] SKIPPED: the queue-mode target does not run here: ${reason}`);
	};
	if (process.env.E2E_QUEUE === '0') return skip('E2E_QUEUE=0');

	const started = Date.now();
	console.log('\n[n8n-queue] starting the queue-mode target: PostgreSQL, Redis, n8n main, 2 webhook processors, 2 workers');
	try {
		const cluster = await bootQueueCluster({ label: `queue-${process.pid}` });
		writeQueueState(file, { available: true, ...cluster.state });
		const { timings, postgres, redis, main, webhooks, workers } = cluster.state;
		const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
		console.log(
			[
				`[n8n-queue] n8n ${cluster.state.n8nVersion} in queue mode ready in ${seconds(Date.now() - started)} ` +
					`(pack ${seconds(timings.packMs)}, PostgreSQL+Redis ${seconds(timings.servicesMs)}, main+owner ${seconds(timings.mainMs)}, ` +
					`webhook processors+workers ${seconds(timings.othersMs)})`,
				`[n8n-queue] PostgreSQL pid ${postgres.pid} port ${postgres.port} (${postgres.bin}, as ${postgres.user}); Redis pid ${redis.pid} port ${redis.port}`,
				`[n8n-queue] main ${main.baseUrl} (pid ${main.pid}); webhook ${webhooks.map((entry) => `${entry.baseUrl} (pid ${entry.pid})`).join(', ')}; ` +
					`workers pid ${workers.map((entry) => entry.pid).join(', ')}`,
				`[n8n-queue] logs: ${cluster.state.logDir}`,
			].join('\n'),
		);
	} catch (error) {
		if (error instanceof ServiceUnavailableError) return skip(error.message);
		throw error;
	}
}
