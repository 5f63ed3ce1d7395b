/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- test code runs under jest on a developer machine, not inside n8n */
/**
 * "A 2xx means we have it", across a restart and a crash: distinct signed
 * deliveries (600 in `npm test`, 2,000 in `npm run test:soak`), 5 at a time,
 * from a sender that retries like a provider (5 retries, backoff 1, 2, 4, 8,
 * 16 s). After a quarter are acknowledged n8n is stopped with SIGTERM (second run: killed with SIGKILL) and started again on
 * the same database. Every acknowledged delivery must have an execution (one
 * n8n marks crashed counts: it can be retried from n8n).
 *
 * With Ignore Duplicate Deliveries on, a delivery is recorded twice only if
 * n8n recorded it and then went down before answering (n8n keeps taking
 * webhooks while it shuts down, and writes the execution before the static
 * data that remembers the key): the provider never got its 2xx and sends it
 * again. So at most the deliveries in flight at that moment, never more;
 * both items carry the same _deliveryId for n8n's Remove Duplicates node.
 *
 * Then the keys themselves across the same fault: deliveries recorded before
 * it are known to the restarted n8n only through the static data the old
 * process saved, so sending them again must run nothing.
 *
 * It boots a private n8n, since it stops and restarts it.
 */
import { randomBytes } from 'node:crypto';

import { churnSaver } from '../../nodes/ChurnSaver/definition';
import { buildDelivery } from '../tools/send-event';
import { bootN8n, publishTriggerWorkflow, type N8nInstance } from './harness';
import { groupAlive, signalGroup } from './harness/proc';
import { account, deliveryIdsIn, sendLikeAProvider, type Delivery } from './harness/providerSender';
import { waitFor } from './harness/wait';

const TOTAL = Number(process.env.E2E_FAULT_TOTAL ?? 600);
const FAULT_AFTER = Math.round(TOTAL / 4);
const CONCURRENCY = 5;
/** Recorded one at a time, then sent again after a fault of their own. */
const REMEMBERED = 40;

describe.each([['SIGTERM' as const], ['SIGKILL' as const]])('Deliveries across an n8n %s and restart', (signal) => {
	let n8n: N8nInstance;
	let workflowId: string;
	let url: string;
	const secret = randomBytes(16).toString('hex');
	const event = churnSaver.events[0];

	beforeAll(async () => {
		n8n = await bootN8n({ label: `faults-${signal.toLowerCase()}` });
		({ workflowId, url } = await publishTriggerWorkflow(n8n, {
			name: `e2e faults ${signal}`,
			nodeName: 'churnSaverTrigger',
			credentialType: 'churnSaverSigningSecretApi',
			credentialData: { signingSecret: secret },
			parameters: { events: ['*'], deliveryOptions: { ignoreDuplicates: true } },
		}));
	}, 300_000);

	afterAll(async () => {
		await n8n?.stop();
	});

	const deliveryOf = (key: string): Delivery => ({
		key,
		build: () => buildDelivery(churnSaver, { ...event, sample: { ...event.sample, id: key } }, { url, secret, mode: 'signed', contentType: 'application/json' }),
	});

	/** Stops n8n with `signal`, waits for it to exit, starts it again on the same database; returns how long that took. */
	const crashAndRestart = async (): Promise<number> => {
		const pid = n8n.pid;
		const stoppedAt = Date.now();
		signalGroup(pid, signal);
		await waitFor(() => groupAlive(pid), { describe: `n8n (pid ${pid}) to exit after ${signal}`, until: (alive) => !alive, timeoutMs: 60_000, intervalMs: 100 });
		await n8n.restart();
		return Date.now() - stoppedAt;
	};

	it(`loses no acknowledged delivery and doubles none of ${TOTAL}`, async () => {
		const deliveries = Array.from({ length: TOTAL }, (_, index) => deliveryOf(`evt_fault_${signal}_${index}`));
		let fault: Promise<void> | undefined;
		let restartedAfterMs = 0;
		const started = Date.now();
		const results = await sendLikeAProvider(deliveries, {
			url,
			concurrency: CONCURRENCY,
			onAcknowledged: (count) => {
				if (count === FAULT_AFTER) fault = crashAndRestart().then((ms) => void (restartedAfterMs = ms));
			},
		});
		await fault;
		const sendMs = Date.now() - started;
		// Wait for what is asserted: an execution for every acknowledged delivery (bounded; a loss ends it at the deadline).
		const executions = await waitFor(() => n8n.listExecutions(workflowId, { includeData: true }), {
			describe: 'an execution for every acknowledged delivery',
			until: (list) => account(results, list).lost === 0,
			show: (list) => JSON.stringify(account(results, list)),
			timeoutMs: 180_000,
			intervalMs: 2000,
		});
		const figures = account(results, executions);
		const statuses = executions.reduce<Record<string, number>>((counts, execution) => {
			const status = String((execution as { status?: string }).status);
			counts[status] = (counts[status] ?? 0) + 1;
			return counts;
		}, {});
		console.log(
			`faults (${signal} after ${FAULT_AFTER} acknowledgements, back in ${restartedAfterMs} ms): sent for ${sendMs} ms; ` +
				`${JSON.stringify(figures)}; executions by status ${JSON.stringify(statuses)}`,
		);
		expect(restartedAfterMs).toBeGreaterThan(0);
		expect(figures.lost).toBe(0);
		expect(figures.doubled).toBeLessThanOrEqual(CONCURRENCY);
		for (const { statuses } of figures.doubledExamples) expect(statuses.some((status) => status < 200 || status >= 300)).toBe(true);
		expect(figures.acknowledged + figures.gaveUp).toBe(TOTAL);
	}, 900_000);

	it(`remembers ${REMEMBERED} deliveries recorded before a ${signal}: sent again after the restart, they run nothing`, async () => {
		// One at a time: each call's static data holds every key recorded before it, so the order in
		// which n8n writes concurrent calls' static data (last write wins) cannot matter here.
		const remembered = Array.from({ length: REMEMBERED }, (_, index) => deliveryOf(`evt_remembered_${signal}_${index}`));
		const keys = remembered.map(({ key }) => key);
		const executionsPerKey = async () => {
			const counts = Object.fromEntries(keys.map((key) => [key, 0]));
			for (const execution of await n8n.listExecutions(workflowId, { includeData: true })) {
				for (const key of deliveryIdsIn(execution)) if (key in counts) counts[key]++;
			}
			return counts;
		};
		const once = JSON.stringify(Object.fromEntries(keys.map((key) => [key, 1])));
		const first = await sendLikeAProvider(remembered, { url, concurrency: 1 });
		expect(first.filter((result) => !result.acknowledged)).toEqual([]);
		await waitFor(executionsPerKey, {
			describe: `one execution for each of the ${REMEMBERED} deliveries`,
			until: (counts) => JSON.stringify(counts) === once,
			show: (counts) => JSON.stringify(counts),
			timeoutMs: 60_000,
			intervalMs: 500,
		});
		const executionsBefore = await n8n.countExecutions(workflowId);

		const restartedAfterMs = await crashAndRestart();
		// The sender retries until the restarted n8n answers. n8n registers an execution before it
		// sends a 2xx, and countExecutions counts every status: one that ran again is counted here.
		const again = await sendLikeAProvider(remembered, { url, concurrency: CONCURRENCY });
		const ranAgain = (await n8n.countExecutions(workflowId)) - executionsBefore;
		console.log(`remembered across ${signal} (back in ${restartedAfterMs} ms): ${REMEMBERED} sent again, acknowledged ${again.filter((result) => result.acknowledged).length}, ran again ${ranAgain}`);
		expect(again.filter((result) => !result.acknowledged)).toEqual([]);
		expect(ranAgain).toBe(0);
		// A duplicate is answered as the original was.
		for (const result of again) expect(result.acknowledgement).toBe(first.find(({ key }) => key === result.key)?.acknowledgement);
	}, 300_000);
});
