/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- test code runs under jest on a developer machine, not inside n8n */
/**
 * Ignore Duplicate Deliveries under concurrency, in one real n8n: signed
 * deliveries (600 in `npm test`, 2,000 in `npm run test:soak`), 10 % of them
 * repeats of an earlier one, 10 at a time, from a sender that retries like a
 * provider. Every distinct delivery must have exactly one execution.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { churnSaver } from '../../nodes/ChurnSaver/definition';
import { buildDelivery } from '../tools/send-event';
import { getSharedN8n, publishTriggerWorkflow, type N8nInstance } from './harness';
import { account, sendLikeAProvider, type Delivery } from './harness/providerSender';
import { waitFor } from './harness/wait';

/** Samples a process's resident memory every second until stopped; returns the peak in MB. */
function sampleRss(pid: number): { stop(): number } {
	let peakKb = 0;
	const read = () => {
		try {
			const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
			peakKb = Math.max(peakKb, kb);
		} catch {
			// the process is gone or /proc is not there: nothing to sample
		}
	};
	read();
	const timer = setInterval(read, 1000);
	return {
		stop: () => {
			clearInterval(timer);
			read();
			return Math.round(peakKb / 1024);
		},
	};
}

const TOTAL = Number(process.env.E2E_DUPLICATES_TOTAL ?? 600);
const REPEAT_RATIO = 0.1;
const CONCURRENCY = 10;

describe('Ignore Duplicate Deliveries in a real n8n, under concurrency', () => {
	let n8n: N8nInstance;
	let workflowId: string;
	let url: string;
	const secret = randomBytes(16).toString('hex');
	const event = churnSaver.events[0];

	beforeAll(async () => {
		n8n = getSharedN8n();
		({ workflowId, url } = await publishTriggerWorkflow(n8n, {
			name: 'e2e duplicates',
			nodeName: 'churnSaverTrigger',
			credentialType: 'churnSaverSigningSecretApi',
			credentialData: { signingSecret: secret },
			parameters: { events: ['*'], deliveryOptions: { ignoreDuplicates: true } },
		}));
	});

	afterAll(async () => {
		await n8n?.deactivateWorkflow(workflowId).catch(() => undefined);
	});

	it(`records each of ${TOTAL} deliveries with ${REPEAT_RATIO * 100} % repeats exactly once at concurrency ${CONCURRENCY}`, async () => {
		const deliveryOf = (key: string): Delivery => ({
			key,
			build: () => buildDelivery(churnSaver, { ...event, sample: { ...event.sample, id: key } }, { url, secret, mode: 'signed', contentType: 'application/json' }),
		});
		const deliveries: Delivery[] = [];
		for (let index = 0; index < TOTAL; index++) {
			// A repeat re-sends one of the last 20 deliveries, so many overlap the original in flight.
			const repeat = index > 20 && index % Math.round(1 / REPEAT_RATIO) === 0;
			deliveries.push(deliveryOf(repeat ? deliveries[index - 1 - (index % 20)].key : `evt_dup_${index}`));
		}
		const started = Date.now();
		const rss = sampleRss(n8n.pid);
		const results = await sendLikeAProvider(deliveries, { url, concurrency: CONCURRENCY, backoffMs: 250 });
		const sendMs = Date.now() - started;
		// Acknowledged only once recorded: when the load stops, every acknowledged delivery has an execution
		// (counted whatever its status; none is doubled, as asserted below).
		const recordedAtStop = await n8n.countExecutions(workflowId);
		const peakRssMb = rss.stop();
		const distinct = new Set(deliveries.map((delivery) => delivery.key)).size;
		const executions = await waitFor(() => n8n.listExecutions(workflowId, { includeData: true }), {
			describe: `an execution for each of the ${distinct} acknowledged deliveries`,
			until: (list) => account(results, list).recorded >= account(results, list).acknowledged,
			show: (list) => JSON.stringify(account(results, list)),
			timeoutMs: 180_000,
			intervalMs: 2000,
		});
		const figures = account(results, executions);
		const retried503 = results.filter((result) => result.statuses.includes(503)).length;
		console.log(
			`duplicates: ${TOTAL} sends (${distinct} distinct) in ${sendMs} ms; ${JSON.stringify(figures)}; ` +
				`when the load stopped: acknowledged ${figures.acknowledged}, executions ${recordedAtStop}; ` +
				`sends answered 503 (in progress) at least once: ${retried503}; n8n peak RSS ${peakRssMb} MB`,
		);
		expect(recordedAtStop).toBeGreaterThanOrEqual(figures.acknowledged);
		expect(figures.acknowledged).toBe(distinct);
		expect(figures.lost).toBe(0);
		expect(figures.doubled).toBe(0);
		expect(figures.executions).toBe(distinct);
	}, 900_000);
});
