/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- test code runs under jest on a developer machine, not inside n8n */
/**
 * "Acknowledged means enqueued" in queue mode (issue 10, item 4): distinct
 * signed deliveries (E2E_QUEUE_FAULT_TOTAL: 200 in `npm test`, 1,000 in
 * `npm run test:queue-soak`), 5 at a time, from a
 * sender that retries like a provider (5 retries, backoff 1, 2, 4, 8, 16 s)
 * through a round-robin balancer that routes only to webhook processors whose
 * /healthz/readiness answers 200. Without that check a restarting n8n answers
 * every request 200 "n8n is starting up. Please wait" and records nothing
 * (measured: 1 acknowledged delivery of 200 lost in 2 of 6 SIGKILL runs). After a quarter are acknowledged webhook
 * processor 0 is stopped with SIGTERM (second run: killed with SIGKILL) and
 * started again. When the load stops, n8n must hold an execution for every
 * acknowledged delivery (a 2xx comes only after the execution is written and
 * enqueued); in the end every acknowledged delivery has one (none lost), every
 * execution is finished by a worker (so it was enqueued, not only written; a
 * `crashed` one counts, as in the single-process suite), and a delivery recorded
 * twice must have had a non-2xx answer first.
 *
 * Defined by queueMode.queue.ts (one file: these restart processes of the shared cluster).
 */
import { randomBytes } from 'node:crypto';

import { request } from 'undici';

import { churnSaver } from '../../../nodes/ChurnSaver/definition';
import { buildDelivery } from '../../tools/send-event';
import { publishTriggerWorkflow, waitFor } from '../harness';
import { account, deliveryIdsIn, sendLikeAProvider, type Delivery } from '../harness/providerSender';
import { psql } from '../harness/services';
import type { QueueCluster, QueueMainClient } from '../harness/queue';

const TOTAL = Number(process.env.E2E_QUEUE_FAULT_TOTAL ?? 200);
const FAULT_AFTER = Math.round(TOTAL / 4);
const CONCURRENCY = 5;

/**
 * A balancer in front of the webhook processors that routes only to those whose
 * `/healthz/readiness` answered 200 at the last check (every 100 ms), round robin;
 * to any when none is ready (the sender then retries like a provider).
 */
function readinessBalancer(bases: string[], urls: string[]): { route: () => string; stop: () => void } {
	const ready = bases.map(() => true);
	let stopped = false;
	let turn = 0;
	const check = async (index: number) => {
		while (!stopped) {
			ready[index] = await request(`${bases[index]}/healthz/readiness`, { method: 'GET', headersTimeout: 1000, bodyTimeout: 1000 }).then(
				async (response) => {
					await response.body.dump();
					return response.statusCode === 200;
				},
				() => false,
			);
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	};
	bases.forEach((_, index) => void check(index));
	return {
		route: () => {
			for (let tried = 0; tried < urls.length; tried++) {
				const index = turn++ % urls.length;
				if (ready[index]) return urls[index];
			}
			return urls[turn++ % urls.length];
		},
		stop: () => {
			stopped = true;
		},
	};
}

export function defineFaultCases(context: () => { cluster: QueueCluster; main: QueueMainClient }): void {
	describe.each([['SIGTERM' as const], ['SIGKILL' as const]])('deliveries across a webhook processor %s and restart', (signal) => {
		let workflowId: string;
		let urls: string[];
		const secret = randomBytes(16).toString('hex');
		const event = churnSaver.events[0];

		beforeAll(async () => {
			const { cluster, main } = context();
			({ workflowId } = await publishTriggerWorkflow(main, {
				name: `e2e-queue faults ${signal}`,
				nodeName: 'churnSaverTrigger',
				credentialType: 'churnSaverSigningSecretApi',
				credentialData: { signingSecret: secret },
				parameters: { events: ['*'], deliveryOptions: { ignoreDuplicates: true } },
			}));
			const path = new URL(await main.productionWebhookUrl(workflowId, 'Trigger')).pathname;
			urls = cluster.webhookBaseUrls.map((base) => `${base}${path}`);
		});

		afterAll(async () => {
			await context().main.deactivateWorkflow(workflowId).catch(() => undefined);
		});

		it(`loses no acknowledged delivery of ${TOTAL}, and records one only after it is enqueued`, async () => {
			const { cluster, main } = context();
			const deliveries: Delivery[] = Array.from({ length: TOTAL }, (_, index) => {
				const key = `evt_qfault_${signal}_${index}`;
				return {
					key,
					build: () => buildDelivery(churnSaver, { ...event, sample: { ...event.sample, id: key } }, { url: urls[0], secret, mode: 'signed', contentType: 'application/json' }),
				};
			});
			let fault: Promise<number> | undefined;
			// The load balancer: round robin over the processors whose /healthz/readiness last answered 200
			// (checked every 100 ms). Without that check a restarting processor is sent deliveries while n8n
			// answers every request 200 "n8n is starting up. Please wait" (see README, Running at scale).
			const balancer = readinessBalancer(cluster.webhookBaseUrls, urls);
			const started = Date.now();
			const results = await sendLikeAProvider(deliveries, {
				url: urls[0],
				route: balancer.route,
				concurrency: CONCURRENCY,
				onAcknowledged: (count) => {
					if (count === FAULT_AFTER) fault = cluster.crashAndRestart('webhook-0', signal);
				},
			}).finally(() => balancer.stop());
			const recordedAtStop = await main.countExecutions(workflowId);
			const restartedAfterMs = (await fault) ?? 0;
			const sendMs = Date.now() - started;
			const acknowledged = results.filter((result) => result.acknowledged).length;
			const executions = await waitFor(() => main.listExecutions(workflowId, { includeData: true }), {
				describe: 'an execution for every acknowledged delivery',
				until: (list) => account(results, list).lost === 0,
				show: (list) => JSON.stringify(account(results, list)),
				timeoutMs: 180_000,
				intervalMs: 2000,
			}).catch(async (error: Error) => {
				// What PostgreSQL holds, beside what the public API lists: a lost delivery's answers and any row naming it.
				const list = await main.listExecutions(workflowId, { includeData: true });
				const listed = new Set(list.flatMap((execution) => deliveryIdsIn(execution)));
				const lost = results.filter((result) => result.acknowledged && !listed.has(result.key));
				const pg = cluster.state.postgres;
				const byStatus = await psql(pg, pg.database, `SELECT status || ' ' || count(*) FROM execution_entity WHERE "workflowId" = '${workflowId}' GROUP BY status`);
				const rows = await Promise.all(
					lost.map(async (result) =>
						psql(
							pg,
							pg.database,
							`SELECT e.id || ' ' || e.status || ' ' || e.mode || ' ' || coalesce(e."startedAt"::text, '-') || ' ' || coalesce(e."stoppedAt"::text, '-') FROM execution_entity e JOIN execution_data d ON d."executionId" = e.id WHERE e."workflowId" = '${workflowId}' AND d.data LIKE '%${result.key}%'`,
						),
					),
				);
				throw new Error(
					`${error.message}\nlost: ${JSON.stringify(lost.map((result) => ({ key: result.key, statuses: result.statuses, by: result.acknowledgedBy, answer: result.acknowledgement })))}\n` +
						`execution_entity by status: ${byStatus.trim().split('\n').join(', ')}; rows naming a lost key: ${JSON.stringify(rows.map((row) => row.trim()))}`,
				);
			});
			// Enqueued, not only written: a worker must have taken and finished an execution of every
			// acknowledged delivery. An attempt that was not acknowledged (the stopping processor answered
			// 500 or dropped the connection) may leave an execution n8n wrote but never enqueued, stuck in
			// "new"; the provider retried that delivery, so it is counted, not failed.
			const isFinished = (execution: { status?: unknown }) => !['new', 'running'].includes(String(execution.status));
			const unfinishedAcknowledged = (list: Awaited<ReturnType<typeof main.listExecutions>>) => {
				const done = new Set(list.filter(isFinished).flatMap((execution) => deliveryIdsIn(execution)));
				return results.filter((result) => result.acknowledged && !done.has(result.key)).length;
			};
			const all = await waitFor(() => main.listExecutions(workflowId, { includeData: true }), {
				describe: 'a worker-finished execution for every acknowledged delivery',
				until: (list) => list.length >= executions.length && unfinishedAcknowledged(list) === 0,
				show: (list) => `${unfinishedAcknowledged(list)} acknowledged deliveries without a finished execution; ${list.filter((execution) => !isFinished(execution)).length} executions new or running`,
				timeoutMs: 120_000,
				intervalMs: 2000,
			});
			const finished = { list: all.filter(isFinished), stuck: all.filter((execution) => !isFinished(execution)).length };
			const figures = account(results, finished.list);
			const statuses = finished.list.reduce<Record<string, number>>((counts, execution) => {
				const status = String((execution as { status?: string }).status);
				counts[status] = (counts[status] ?? 0) + 1;
				return counts;
			}, {});
			const answers = results.flatMap((result) => result.statuses).reduce<Record<string, number>>((counts, status) => {
				counts[status] = (counts[status] ?? 0) + 1;
				return counts;
			}, {});
			console.log(
				`queue faults (webhook-0 ${signal} after ${FAULT_AFTER} acknowledgements, back in ${restartedAfterMs} ms): sent for ${sendMs} ms ` +
					`(${Math.round((TOTAL * 1000) / sendMs)} deliveries/s); when the load stopped: acknowledged ${acknowledged}, executions ${recordedAtStop}; ` +
					`${JSON.stringify(figures)}; executions by status ${JSON.stringify(statuses)} (+${finished.stuck} never enqueued, for unacknowledged attempts); answers ${JSON.stringify(answers)}`,
			);
			expect(restartedAfterMs).toBeGreaterThan(0);
			expect(recordedAtStop).toBeGreaterThanOrEqual(acknowledged);
			// Every acknowledgement is the trigger's own answer (Churn Saver's success body), from a webhook processor.
			const successBody = JSON.stringify({ received: true });
			expect(results.filter((result) => result.acknowledged && result.acknowledgement !== successBody).map((result) => `${result.key}: ${result.acknowledgement}`)).toEqual([]);
			expect(figures.lost).toBe(0);
			expect(Object.keys(statuses).filter((status) => status !== 'success' && status !== 'crashed')).toEqual([]);
			expect(figures.doubled).toBeLessThanOrEqual(CONCURRENCY);
			for (const { statuses: attempts } of figures.doubledExamples) expect(attempts.some((status) => status < 200 || status >= 300)).toBe(true);
			expect(figures.acknowledged + figures.gaveUp).toBe(TOTAL);
			expect(figures.gaveUp).toBe(0);
		}, 600_000);
	});
}
