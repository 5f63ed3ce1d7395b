/* eslint-disable @n8n/community-nodes/no-restricted-globals, @typescript-eslint/no-explicit-any, no-console -- test code runs under jest on a developer machine, not inside n8n */
/**
 * Duplicates across webhook processors (issue 10, item 5): the same signed
 * delivery sent to both processors at once, E2E_QUEUE_PAIRS times (150 in
 * `npm test`, 500 in `npm run test:queue-soak`), 5 pairs at a time, with Ignore Duplicate Deliveries on. Each side is
 * retried like a provider until it gets a 2xx.
 *
 * The workflow branches after the trigger into the two remedies a user has:
 *  - n8n's Remove Duplicates node on `{{ $json._deliveryId }}` → "After Remove Duplicates";
 *  - an idempotent write: the Postgres node inserting the delivery key into a
 *    table whose primary key it is, `ON CONFLICT DO NOTHING RETURNING`, so a
 *    row comes back only for the first copy → "Effect" counts those.
 * Measured and printed: executions per delivery (what the trigger's static data
 * achieves across processes), items past Remove Duplicates per delivery, rows
 * returned by the idempotent insert per delivery. Asserted: nothing is lost
 * (every delivery has an execution and exactly one row), and the idempotent
 * write is exactly-once (0 doubled). The other two figures are measured limits
 * (README, "Running at scale"), not promises.
 *
 * Defined by queueMode.queue.ts.
 */
import { randomBytes } from 'node:crypto';

import { churnSaver } from '../../../nodes/ChurnSaver/definition';
import { post } from '../../support/post';
import { buildDelivery } from '../../tools/send-event';
import { waitFor } from '../harness';
import { deliveryIdsIn } from '../harness/providerSender';
import { psql } from '../harness/services';
import type { QueueCluster, QueueMainClient } from '../harness/queue';

const PAIRS = Number(process.env.E2E_QUEUE_PAIRS ?? 150);
const PAIR_CONCURRENCY = 5;
const EFFECTS_DATABASE = 'e2e_effects';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Per delivery key, how many times it occurs in `lists` (one list per execution). */
function perKey(lists: string[][]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const list of lists) for (const key of list) counts.set(key, (counts.get(key) ?? 0) + 1);
	return counts;
}

function histogram(counts: Map<string, number>, keys: string[]): Record<string, number> {
	const result: Record<string, number> = {};
	for (const key of keys) {
		const count = counts.get(key) ?? 0;
		result[count] = (result[count] ?? 0) + 1;
	}
	return result;
}

function nodeItems(execution: any, node: string): any[] {
	return (execution.data?.resultData?.runData?.[node] ?? []).flatMap((run: any) => run?.data?.main?.[0] ?? []).map((item: any) => item.json);
}

export function defineDuplicateCases(context: () => { cluster: QueueCluster; main: QueueMainClient }): void {
	describe(`the same delivery at both webhook processors at once, ${PAIRS} times, Ignore Duplicate Deliveries on`, () => {
		let workflowId: string;
		let urls: string[];
		const secret = randomBytes(16).toString('hex');
		const event = churnSaver.events[0];

		beforeAll(async () => {
			const { cluster, main } = context();
			const pg = cluster.state.postgres;
			await psql(pg, 'postgres', `DROP DATABASE IF EXISTS ${EFFECTS_DATABASE}`);
			await psql(pg, 'postgres', `CREATE DATABASE ${EFFECTS_DATABASE}`);
			await psql(pg, EFFECTS_DATABASE, 'CREATE TABLE effects (delivery_id text PRIMARY KEY, at timestamptz NOT NULL DEFAULT now())');
			const trigger = await main.api<{ id: string }>('POST', '/credentials', {
				body: { name: 'e2e-queue pairs', type: 'churnSaverSigningSecretApi', data: { signingSecret: secret } },
			});
			const database = await main.api<{ id: string }>('POST', '/credentials', {
				body: {
					name: 'e2e-queue effects',
					type: 'postgres',
					data: { host: '127.0.0.1', port: pg.port, database: EFFECTS_DATABASE, user: 'n8n', password: 'n8n', ssl: 'disable', allowUnauthorizedCerts: false, maxConnections: 10 },
				},
			});
			const workflow = await main.createWorkflow({
				name: 'e2e-queue duplicates across processors',
				nodes: [
					{
						name: 'Trigger',
						type: 'CUSTOM.churnSaverTrigger',
						typeVersion: 1,
						position: [0, 0],
						parameters: { events: ['*'], deliveryOptions: { ignoreDuplicates: true } },
						credentials: { churnSaverSigningSecretApi: { id: trigger.id, name: 'e2e-queue pairs' } },
					},
					{
						name: 'Remove Duplicates',
						type: 'n8n-nodes-base.removeDuplicates',
						typeVersion: 2,
						position: [220, -100],
						// Its history insert races under concurrency too: seen failing with PostgreSQL's
						// "duplicate key value violates unique constraint" (1 of 300 executions). The
						// error is passed on as an item so the measured workflow still completes.
						onError: 'continueRegularOutput',
						parameters: { operation: 'removeItemsSeenInPreviousExecutions', logic: 'removeItemsWithAlreadySeenKeyValues', dedupeValue: '={{ $json._deliveryId }}' },
					},
					{ name: 'After Remove Duplicates', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [440, -100], parameters: {} },
					{
						name: 'Effect',
						type: 'n8n-nodes-base.postgres',
						typeVersion: 2.6,
						position: [220, 100],
						parameters: {
							operation: 'executeQuery',
							query: 'INSERT INTO effects (delivery_id) VALUES ($1) ON CONFLICT DO NOTHING RETURNING delivery_id',
							options: { queryReplacement: '={{ $json._deliveryId }}' },
						},
						credentials: { postgres: { id: database.id, name: 'e2e-queue effects' } },
					},
				],
				connections: {
					Trigger: { main: [[{ node: 'Remove Duplicates', type: 'main', index: 0 }, { node: 'Effect', type: 'main', index: 0 }]] },
					'Remove Duplicates': { main: [[{ node: 'After Remove Duplicates', type: 'main', index: 0 }]] },
				},
			});
			workflowId = workflow.id;
			await main.publishWorkflow(workflowId);
			const path = new URL(await main.productionWebhookUrl(workflowId, 'Trigger')).pathname;
			urls = cluster.webhookBaseUrls.map((base) => `${base}${path}`);
		});

		afterAll(async () => {
			await context().main.deactivateWorkflow(workflowId).catch(() => undefined);
		});

		it('loses none; the idempotent write happens exactly once per delivery; prints what static data and Remove Duplicates achieve', async () => {
			const { cluster, main } = context();
			const keys = Array.from({ length: PAIRS }, (_, index) => `evt_pair_${index}`);
			const answers: Record<string, number> = {};
			/** One side of a pair: retried like a provider (backoff 250 ms, doubling) until a 2xx, at most 6 attempts. */
			const sendSide = async (url: string, key: string) => {
				for (let attempt = 0; attempt < 6; attempt++) {
					if (attempt > 0) await sleep(250 * 2 ** (attempt - 1));
					const { body, headers } = buildDelivery(churnSaver, { ...event, sample: { ...event.sample, id: key } }, { url, secret, mode: 'signed', contentType: 'application/json' });
					const status = await post(url, body, headers).then(
						(response) => response.status,
						() => 0,
					);
					answers[status] = (answers[status] ?? 0) + 1;
					if (status >= 200 && status < 300) return true;
				}
				return false;
			};
			let next = 0;
			let acknowledgedBoth = 0;
			const started = Date.now();
			await Promise.all(
				Array.from({ length: PAIR_CONCURRENCY }, async () => {
					for (let index = next++; index < keys.length; index = next++) {
						const sides = await Promise.all(urls.map((url) => sendSide(url, keys[index])));
						if (sides.every(Boolean)) acknowledgedBoth++;
					}
				}),
			);
			const sendMs = Date.now() - started;
			expect(acknowledgedBoth).toBe(PAIRS);

			const effectRows = async () => Number((await psql(cluster.state.postgres, EFFECTS_DATABASE, 'SELECT count(*) FROM effects')).trim());
			// Every delivery has at least one finished execution, and its row (bounded).
			const executions = await waitFor(
				async () => {
					const list = await main.listExecutions(workflowId, { includeData: true });
					const settled = list.filter((execution) => !['new', 'running'].includes(execution.status));
					return { list: settled, covered: perKey(settled.map((execution) => deliveryIdsIn(execution))).size, rows: await effectRows() };
				},
				{
					describe: `a finished execution and an effect row for each of the ${PAIRS} deliveries`,
					until: (state) => state.covered === PAIRS && state.rows === PAIRS,
					show: (state) => `${state.list.length} finished executions covering ${state.covered} deliveries; ${state.rows} effect rows`,
					timeoutMs: 240_000,
					intervalMs: 3000,
				},
			);
			// Executions still running when the rows are all there are counted too: wait until every one has finished.
			const finalList = (
				await waitFor(
					async () => {
						const total = await main.countExecutions(workflowId);
						const list = (await main.listExecutions(workflowId, { includeData: true })).filter((execution) => !['new', 'running'].includes(execution.status));
						return { total, list };
					},
					{
						describe: 'every execution of the workflow to finish',
						until: (state) => state.list.length === state.total,
						show: (state) => `${state.list.length} of ${state.total} finished`,
						timeoutMs: 120_000,
						intervalMs: 2000,
					},
				)
			).list;
			expect(finalList.length).toBeGreaterThanOrEqual(executions.list.length);
			const executionsPerKey = perKey(finalList.map((execution) => deliveryIdsIn(execution).slice(0, 1)));
			const pastRemoveDuplicates = perKey(finalList.map((execution) => nodeItems(execution, 'After Remove Duplicates').map((item) => String(item._deliveryId))));
			const effects = perKey(finalList.map((execution) => nodeItems(execution, 'Effect').filter((item) => item.delivery_id !== undefined).map((item) => String(item.delivery_id))));
			const doubled = (counts: Map<string, number>) => keys.filter((key) => (counts.get(key) ?? 0) > 1).length;
			const failed = finalList.filter((execution) => execution.status !== 'success').length;
			console.log(
				`queue pairs: ${PAIRS} deliveries each sent to both webhook processors at once (${PAIR_CONCURRENCY} pairs at a time) in ${sendMs} ms; answers ${JSON.stringify(answers)}; ` +
					`${finalList.length} executions (${failed} not successful). Per delivery — executions: ${JSON.stringify(histogram(executionsPerKey, keys))} ` +
					`(${doubled(executionsPerKey)} doubled by the trigger); items past Remove Duplicates: ${JSON.stringify(histogram(pastRemoveDuplicates, keys))} ` +
					`(${doubled(pastRemoveDuplicates)} doubled); idempotent inserts: ${JSON.stringify(histogram(effects, keys))} (${doubled(effects)} doubled)`,
			);
			expect(keys.filter((key) => !executionsPerKey.has(key))).toEqual([]);
			expect(await effectRows()).toBe(PAIRS);
			expect(failed).toBe(0);
			expect(histogram(effects, keys)).toEqual({ 1: PAIRS });
		}, 600_000);
	});
}
