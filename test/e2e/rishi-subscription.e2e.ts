/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @typescript-eslint/no-explicit-any -- test code runs under jest on a developer machine, not inside n8n */
/**
 * The Rishi trigger registers itself: against a local fake of Rishi's
 * subscription API, inside a private real n8n (it restarts n8n, so it does
 * not use the shared instance).
 */
import type { ProviderDefinition } from '../../nodes/shared/provider';
import { rishi } from '../../nodes/Rishi/definition';
import { reject } from '../../nodes/shared/verification/verdict';
import { startFakeSubscriptionApi, type FakeSubscriptionApi } from '../support/fakeSubscriptionApi';
import { post, type PostResult } from '../support/post';
import { payloadOf } from '../support/providers';
import { buildDelivery } from '../tools/send-event';
import { bootN8n, waitFor, type N8nInstance, type N8nWorkflow } from './harness';

const API_KEY = 'rishi-e2e-api-key';
const SELECTED = ['booking.created', 'staff.assigned'];
/** Bound for each wait on n8n acting (activation after a restart is seconds; a single core is slower). */
const WAIT_MS = 45_000;

/** The trigger's item as sent by the provider (its `_deliveryId` checked and left out). */
function triggerOutput(execution: any): unknown {
	return payloadOf(execution.data?.resultData?.runData?.Trigger?.[0]?.data?.main?.[0]?.[0]?.json ?? {});
}

/**
 * n8n 2.40's workflow publication service (the default) registers webhooks on
 * publish and restores them at start without calling checkExists; with
 * N8N_USE_WORKFLOW_PUBLICATION_SERVICE=false n8n activates every published
 * workflow at start, calling checkExists (and create when it answers false).
 * The trigger must be right under both.
 */
describe.each([
	['publication service (default)', {}, false],
	['legacy activation at start', { N8N_USE_WORKFLOW_PUBLICATION_SERVICE: 'false' }, true],
])('Rishi trigger with a fake Rishi API in a real n8n, %s', (label, env, checksAtStart) => {
	let n8n: N8nInstance;
	let fake: FakeSubscriptionApi;
	let workflow: N8nWorkflow;
	let url: string;
	let delivered = 0;

	const only = () => {
		expect(fake.subscriptions.size).toBe(1);
		return [...fake.subscriptions.values()][0];
	};

	/** The fake Rishi API's state, for a timed-out wait's "last seen". */
	const fakeState = () => {
		const ids = [...fake.subscriptions.keys()].join(', ') || 'none';
		const recent = fake.requests.slice(-6).map((entry) => `${entry.method} ${entry.path}`);
		return `subscriptions: ${ids}; ${fake.requests.length} request(s), the last: ${recent.join(', ') || 'none'}`;
	};

	/** Waits until the fake Rishi API's subscription count satisfies `until`. */
	const waitForSubscriptions = async (describe: string, until: (size: number) => boolean) => {
		await waitFor(() => fake.subscriptions.size, { describe: `${describe} (fake Rishi API)`, until, show: fakeState, timeoutMs: WAIT_MS });
	};

	const answer = (response: PostResult) => `HTTP ${response.status} ${response.text.slice(0, 300)}`;
	const notRegistered = (response: PostResult) => response.status === 404 && /not registered/i.test(response.text);

	/** Waits until n8n serves the trigger's webhook again (anything but its 404 "not registered"); sends unsigned requests, which start no execution. */
	const waitUntilServed = async () => {
		const probe = await waitFor(() => post(url, '{}', { 'content-type': 'application/json' }), {
			describe: `n8n to serve the Rishi trigger's webhook at ${url}`,
			until: (response) => !notRegistered(response),
			show: answer,
			timeoutMs: WAIT_MS,
		});
		expect(probe.status).toBe(rishi.replies.rejected(reject('missing_signature', 'e2e')).status);
	};

	const deliverSigned = async (provider: ProviderDefinition, secret: string) => {
		const event = provider.events.find((entry) => entry.name === SELECTED[0])!;
		const { body, headers } = buildDelivery(provider, event, { url, secret, mode: 'signed', contentType: 'application/json' });
		// After a restart n8n may not serve the webhook yet (404 "not registered"), or may
		// not yet have saved the secret the trigger just generated (401); neither starts an
		// execution, so the same delivery is sent again until n8n accepts it.
		const response = await waitFor(() => post(url, body, headers), {
			describe: `n8n to accept a signed ${event.name} delivery at ${url}`,
			until: (candidate) => !notRegistered(candidate) && candidate.status !== 401,
			show: answer,
			timeoutMs: WAIT_MS,
		});
		expect(response.status).toBe(200);
		delivered++;
		const executions = await n8n.waitForExecutions(workflow.id, delivered);
		expect(executions.map(triggerOutput)).toContainEqual(event.sample);
	};

	beforeAll(async () => {
		fake = await startFakeSubscriptionApi({ apiKey: API_KEY });
		n8n = await bootN8n({ label: `rishi-${checksAtStart ? 'legacy' : 'default'}`, env });
		const credential = await n8n.api('POST', '/credentials', {
			body: { name: 'Rishi e2e', type: 'rishiApi', data: { baseUrl: fake.baseUrl, apiKey: API_KEY, signingSecret: '' } },
		});
		workflow = await n8n.createWorkflow({
			name: `e2e rishi subscription, ${label}`,
			nodes: [
				{
					name: 'Trigger',
					type: 'CUSTOM.rishiTrigger',
					typeVersion: 1,
					position: [0, 0],
					parameters: { events: SELECTED },
					credentials: { rishiApi: { id: credential.id, name: 'Rishi e2e' } },
				},
				{ name: 'NoOp', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} },
			],
			connections: { Trigger: { main: [[{ node: 'NoOp', type: 'main', index: 0 }]] } },
		});
	});

	afterAll(async () => {
		await n8n?.stop();
		await fake?.close();
	});

	it('registers exactly one subscription on publish, with the selected events and a generated secret', async () => {
		await n8n.publishWorkflow(workflow.id);
		url = await n8n.productionWebhookUrl(workflow, 'Trigger');
		await waitForSubscriptions('a subscription registered on publish', (size) => size > 0);
		const subscription = only();
		// n8n registers its own public URL (N8N_WEBHOOK_URL, localhost); we reach it on 127.0.0.1.
		expect(new URL(subscription.url).pathname).toBe(new URL(url).pathname);
		expect([...subscription.events].sort()).toEqual([...SELECTED].sort());
		expect(subscription.active).toBe(true);
		expect(subscription.secret).toMatch(/^[0-9a-f]{64}$/);
		await deliverSigned(rishi, subscription.secret as string);
	});

	it('keeps that one subscription, and its secret, across an n8n restart without writing to the API', async () => {
		const before = only();
		const requestsBefore = fake.requests.length;
		const writesBefore = fake.writes().length;
		await n8n.restart();
		if (checksAtStart) {
			// n8n activates the workflow after it reports ready: wait for checkExists's list call.
			await waitFor(() => fake.requests.slice(requestsBefore), {
				describe: "the trigger's checkExists to list Rishi's subscriptions after the restart",
				until: (since) => since.some((entry) => entry.method === 'GET'),
				show: fakeState,
				timeoutMs: WAIT_MS,
			});
		}
		// n8n saved the generated secret in the workflow's static data: deliveries still verify.
		await deliverSigned(rishi, before.secret as string);
		// Asserted after the delivery, so that a write following the check would have been seen.
		expect(only().id).toBe(before.id);
		expect(fake.writes().length).toBe(writesBefore);
	});

	it('recreates exactly one subscription when it was deleted in Rishi while n8n was down', async () => {
		const old = only();
		fake.subscriptions.clear();
		await n8n.restart();
		if (!checksAtStart) {
			// Nothing asks the trigger at start: once n8n serves its webhook again there is
			// still no subscription, and the next publish repairs it.
			await waitUntilServed();
			expect(fake.subscriptions.size).toBe(0);
			await n8n.deactivateWorkflow(workflow.id);
			await n8n.publishWorkflow(workflow.id);
		}
		// With checks at start n8n creates it after it reports ready.
		await waitForSubscriptions('a new subscription', (size) => size > 0);
		const fresh = only();
		expect(fresh.id).not.toBe(old.id);
		expect(fresh.url).toBe(old.url);
		await deliverSigned(rishi, fresh.secret as string);
		expect(only().id).toBe(fresh.id);
	});

	it('removes the subscription when the workflow is deactivated', async () => {
		await n8n.deactivateWorkflow(workflow.id);
		await waitForSubscriptions('the subscription to be deleted', (size) => size === 0);
	});
});
