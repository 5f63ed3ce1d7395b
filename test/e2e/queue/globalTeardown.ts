/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- test code runs under jest on a developer machine, not inside n8n */
/** Stops the queue-mode target by PID (the PIDs in its state file, which restarts keep current) and removes its folders; logs are kept. */
import * as fs from 'node:fs';

import { QUEUE_STATE_ENV, QueueCluster, clusterState, readQueueState } from '../harness/queue';

export default async function globalTeardown(): Promise<void> {
	const file = process.env[QUEUE_STATE_ENV];
	const state = readQueueState(file);
	if (!file || !state) return;
	fs.rmSync(file, { force: true });
	delete process.env[QUEUE_STATE_ENV];
	if (!state.available) return;
	const rest = clusterState(state);
	const started = Date.now();
	await new QueueCluster(rest).stop();
	console.log(`[n8n-queue] stopped the queue-mode target (${[rest.main, ...rest.webhooks, ...rest.workers].length} n8n processes, Redis, PostgreSQL) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
