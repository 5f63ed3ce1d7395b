/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test code runs under jest on a developer machine, not inside n8n */
/**
 * The single-process e2e cases again, on n8n's queue mode (the cluster the
 * e2e-queue globalSetup started: PostgreSQL, Redis, main, 2 webhook processors,
 * 2 workers). Workflows are created and published on main; deliveries go to
 * the webhook processors, alternating between them; executions run on the
 * workers and are read back through main's public API.
 *
 * One file on purpose: the Rishi cases restart every process of the cluster and
 * the fault cases (faultCases.ts) a webhook processor, which must not happen while
 * other cases are sending; duplicateCases.ts measures duplicates across processors.
 *
 * Where the target could not be started (no PostgreSQL or Redis here), every
 * test is declared skipped at collection time.
 */
import { randomBytes } from 'node:crypto';

import type { EventDefinition } from '../../../nodes/shared/provider';
import { rishi } from '../../../nodes/Rishi/definition';
import { startFakeSubscriptionApi, type FakeSubscriptionApi } from '../../support/fakeSubscriptionApi';
import { post, type PostResult } from '../../support/post';
import { buildDelivery, type SendOptions } from '../../tools/send-event';
import { waitFor, type N8nWorkflow } from '../harness';
import { providerDelivery, publishProviderTrigger, staticSecretProviderCases, statusFor, triggerOutput } from '../harness/providerCases';
import { getQueueTarget, type QueueCluster, type QueueMainClient } from '../harness/queue';
import { defineDuplicateCases } from './duplicateCases';
import { defineFaultCases } from './faultCases';

const target = getQueueTarget();
const describeQueue = target.cluster ? describe : describe.skip;

/** Bound for each wait on the cluster acting (a busy 2-core machine runs 5 n8n processes here). */
const WAIT_MS = 60_000;

const notRegistered = (response: PostResult) => response.status === 404 && /not registered/i.test(response.text);
const answer = (response: PostResult) => `HTTP ${response.status} ${response.text.slice(0, 300)}`;

/** The production URL of the workflow's trigger on each webhook processor (the path read from PostgreSQL's webhook_entity). */
async function processorUrls(cluster: QueueCluster, main: QueueMainClient, workflowId: string): Promise<string[]> {
	const mainUrl = new URL(await main.productionWebhookUrl(workflowId, 'Trigger'));
	return cluster.webhookBaseUrls.map((base) => `${base}${mainUrl.pathname}`);
}

/**
 * Waits until every processor serves the webhook (anything but n8n's 404 "not
 * registered"), probing with an empty unsigned body, which no trigger accepts.
 */
async function waitUntilServed(urls: string[]): Promise<void> {
	for (const url of urls) {
		await waitFor(() => post(url, '{}', { 'content-type': 'application/json' }), {
			describe: `a webhook processor to serve ${url}`,
			until: (response) => !notRegistered(response),
			show: answer,
			timeoutMs: WAIT_MS,
		});
	}
}

// Rishi registers itself with its API on publish: its own cases below, with a fake Rishi API.
const providerCases = staticSecretProviderCases();

describeQueue('queue mode: n8n main + 2 webhook processors + 2 workers, PostgreSQL, Redis', () => {
	let cluster: QueueCluster;
	let main: QueueMainClient;

	beforeAll(() => {
		cluster = target.cluster as QueueCluster;
		main = cluster.main;
	});

	describe.each(providerCases)('%s trigger', (_name, entry) => {
		const { provider } = entry;
		let workflowId: string;
		let urls: string[];
		const secret = randomBytes(16).toString('hex');
		const selected = provider.events.slice(0, 2);
		const unselected = provider.events.find((event) => !selected.includes(event)) as EventDefinition;
		const isSigned = provider.authentication.kind === 'hmac-sha256';
		let accepted = 0;
		let sends = 0;
		const perProcessor = [0, 0];

		/** Sends to the webhook processors in turn. */
		const send = async (event: EventDefinition, mode: SendOptions['mode'], extra: Partial<SendOptions> = {}) => {
			const processor = sends++ % urls.length;
			const url = urls[processor];
			const { body, headers } = providerDelivery(provider, event, { url, secret, mode, contentType: 'application/json', ...extra });
			const response = await post(url, body, headers);
			if (response.status < 300) perProcessor[processor]++;
			return response;
		};

		beforeAll(async () => {
			({ workflowId } = await publishProviderTrigger(main, entry, {
				name: `e2e-queue ${provider.key}`,
				secret,
				events: selected.map((event) => event.name),
			}));
			urls = await processorUrls(cluster, main, workflowId);
			await waitUntilServed(urls);
		});

		afterAll(async () => {
			if (workflowId) await main.deleteWorkflow(workflowId).catch(() => undefined);
		});

		it('emits each selected event exactly as sent, whichever webhook processor receives it', async () => {
			// Each event to each processor.
			for (const event of selected) {
				for (let round = 0; round < urls.length; round++) {
					const response = await send(event, 'signed');
					expect(answer(response)).toMatch(/^HTTP 2\d\d/);
					accepted++;
				}
			}
			const executions = await main.waitForExecutions(workflowId, accepted, WAIT_MS);
			expect(executions).toHaveLength(accepted);
			const outputs = executions.map(triggerOutput);
			for (const event of selected) expect(outputs.filter((output) => JSON.stringify(output) === JSON.stringify(event.sample))).toHaveLength(urls.length);
			expect(perProcessor.every((count) => count > 0)).toBe(true);
		});

		it.each([
			['with a charset', 'application/json; charset=utf-8'],
			['as a vendor +json type', 'application/vnd.provider+json'],
			['without a Content-Type', ''],
		])('verifies a delivery sent %s', async (_label, contentType) => {
			const response = await send(selected[0], 'signed', { contentType });
			expect(answer(response)).toMatch(/^HTTP 2\d\d/);
			accepted++;
			await main.waitForExecutions(workflowId, accepted, WAIT_MS);
		});

		it('acknowledges an unselected event and refuses forged, stale and unsigned deliveries at both processors, without an execution', async () => {
			for (let round = 0; round < urls.length; round++) {
				expect((await send(unselected, 'signed')).status).toBeLessThan(300);
				if (isSigned) {
					expect((await send(selected[0], 'forged')).status).toBe(statusFor(provider, 'signature_mismatch'));
					expect((await send(selected[0], 'unsigned')).status).toBe(statusFor(provider, 'missing_signature'));
					const scheme = provider.authentication;
					if (scheme.kind === 'hmac-sha256' && scheme.timestamp) {
						expect((await send(selected[0], 'stale')).status).toBe(statusFor(provider, 'stale_timestamp'));
					}
				} else {
					expect((await send(selected[0], 'signed', { forwardedFor: '198.51.100.7' })).status).toBe(statusFor(provider, 'ip_not_allowed'));
				}
				for (const url of urls) expect((await post(url, 'not json', { 'content-type': 'application/json' })).status).toBeGreaterThanOrEqual(400);
			}
			// A barrier instead of a pause: one accepted delivery per processor, sent after every
			// refusal was answered; once their executions are finished, a stray execution of an
			// earlier request would be listed too.
			for (let round = 0; round < urls.length; round++) {
				expect(answer(await send(selected[0], 'signed'))).toMatch(/^HTTP 2\d\d/);
				accepted++;
			}
			await main.waitForExecutions(workflowId, accepted, WAIT_MS);
			expect((await main.listExecutions(workflowId, { includeData: false })).length).toBe(accepted);
			expect(await main.countExecutions(workflowId)).toBe(accepted);
		});
	});

	describe('Rishi trigger with a fake Rishi API: registration by main, deliveries at both processors', () => {
		const API_KEY = 'rishi-e2e-queue-api-key';
		const SELECTED = ['booking.created', 'staff.assigned'];
		let fake: FakeSubscriptionApi;
		let workflow: N8nWorkflow;
		let urls: string[];
		let delivered = 0;

		const only = () => {
			expect(fake.subscriptions.size).toBe(1);
			return [...fake.subscriptions.values()][0];
		};
		const fakeState = () => {
			const ids = [...fake.subscriptions.keys()].join(', ') || 'none';
			const recent = fake.requests.slice(-6).map((entry) => `${entry.method} ${entry.path}`);
			return `subscriptions: ${ids}; ${fake.requests.length} request(s), the last: ${recent.join(', ') || 'none'}`;
		};
		const waitForSubscriptions = async (describe: string, until: (size: number) => boolean) => {
			await waitFor(() => fake.subscriptions.size, { describe: `${describe} (fake Rishi API)`, until, show: fakeState, timeoutMs: WAIT_MS });
		};

		/** A signed booking.created to each processor; each must be accepted and read back from its execution. */
		const deliverToBoth = async (secret: string) => {
			const event = rishi.events.find((entry) => entry.name === SELECTED[0])!;
			for (const url of urls) {
				const { body, headers } = buildDelivery(rishi, event, { url, secret, mode: 'signed', contentType: 'application/json' });
				// After a restart a processor may not serve the webhook yet (404 "not registered"),
				// which starts no execution: the same delivery is sent again until it is served.
				const response = await waitFor(() => post(url, body, headers), {
					describe: `the webhook processor at ${url} to accept a signed ${event.name}`,
					until: (candidate) => !notRegistered(candidate),
					show: answer,
					timeoutMs: WAIT_MS,
				});
				expect(answer(response)).toMatch(/^HTTP 200/);
				delivered++;
			}
			const executions = await main.waitForExecutions(workflow.id, delivered, WAIT_MS);
			expect(executions).toHaveLength(delivered);
			expect(executions.map(triggerOutput)).toContainEqual(event.sample);
		};

		beforeAll(async () => {
			fake = await startFakeSubscriptionApi({ apiKey: API_KEY });
			const credential = await main.api('POST', '/credentials', {
				body: { name: 'Rishi e2e-queue', type: 'rishiApi', data: { baseUrl: fake.baseUrl, apiKey: API_KEY, signingSecret: '' } },
			});
			workflow = await main.createWorkflow({
				name: 'e2e-queue rishi subscription',
				nodes: [
					{
						name: 'Trigger',
						type: 'CUSTOM.rishiTrigger',
						typeVersion: 1,
						position: [0, 0],
						parameters: { events: SELECTED },
						credentials: { rishiApi: { id: credential.id, name: 'Rishi e2e-queue' } },
					},
					{ name: 'NoOp', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} },
				],
				connections: { Trigger: { main: [[{ node: 'NoOp', type: 'main', index: 0 }]] } },
			});
		});

		afterAll(async () => {
			await fake?.close();
		});

		it('registers exactly one subscription when main publishes; its generated secret verifies deliveries at both processors', async () => {
			await main.publishWorkflow(workflow.id);
			urls = await processorUrls(cluster, main, workflow.id);
			await waitForSubscriptions('a subscription registered on publish', (size) => size > 0);
			const subscription = only();
			expect(new URL(subscription.url).pathname).toBe(new URL(urls[0]).pathname);
			expect([...subscription.events].sort()).toEqual([...SELECTED].sort());
			expect(subscription.active).toBe(true);
			expect(subscription.secret).toMatch(/^[0-9a-f]{64}$/);
			// Main saved the secret in the workflow's static data (PostgreSQL); each processor reloads it.
			await deliverToBoth(subscription.secret as string);
			expect(only().id).toBe(subscription.id);
		});

		it('keeps exactly that subscription, and its secret, after every process of the cluster restarts', async () => {
			const before = only();
			const writesBefore = fake.writes().length;
			await cluster.restartAll();
			// main may re-activate (and check) after it reports ready: the deliveries are the effect awaited.
			await waitUntilServed(urls);
			await deliverToBoth(before.secret as string);
			expect(only().id).toBe(before.id);
			expect(fake.writes().length).toBe(writesBefore);
		}, 600_000);

		it('removes the subscription when the workflow is unpublished on main, and the processors stop serving it', async () => {
			await main.deactivateWorkflow(workflow.id);
			await waitForSubscriptions('the subscription to be deleted', (size) => size === 0);
			for (const url of urls) {
				await waitFor(() => post(url, '{}', { 'content-type': 'application/json' }), {
					describe: `the webhook processor at ${url} to stop serving the unpublished workflow`,
					until: notRegistered,
					show: answer,
					timeoutMs: WAIT_MS,
				});
			}
			expect(await main.countExecutions(workflow.id)).toBe(delivered);
		});
	});

	defineFaultCases(() => ({ cluster, main }));
	defineDuplicateCases(() => ({ cluster, main }));
});

if (!target.cluster) {
	// Collected as skipped, with the reason in the test name.
	describe.skip(`queue mode (${target.unavailable})`, () => {
		it('runs the provider and registration cases on n8n queue mode', () => undefined);
	});
}
