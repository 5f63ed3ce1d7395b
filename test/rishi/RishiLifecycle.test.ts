/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test code runs under jest on a developer machine, not inside n8n */
import { NodeApiError } from 'n8n-workflow';

import { RishiApi } from '../../credentials/RishiApi.credentials';
import { RishiTrigger } from '../../nodes/Rishi/RishiTrigger.node';
import { rishi } from '../../nodes/Rishi/definition';
import { startFakeSubscriptionApi, type FakeSubscription, type FakeSubscriptionApi } from '../support/fakeSubscriptionApi';
import { simulateN8n } from '../support/lifecycleHarness';
import { post } from '../support/post';
import { signedHeaders } from '../support/providers';
import { startTriggerHarness, type TriggerHarness } from '../support/triggerHarness';

/**
 * The Rishi trigger registers itself: its real webhookMethods run through
 * n8n-core's HookContext against a fake Rishi API on loopback, with n8n's
 * activation, restart, deactivation and test-listening behaviour played by
 * the lifecycle harness.
 */
const API_KEY = 'rk_live_5b1f0c9e7d3a';
const CREDENTIAL_SECRET = 'whsec_typed_into_the_credential_81c2';
const SELECTED = ['booking.created', 'staff.assigned'];
const HEX64 = /^[0-9a-f]{64}$/;

let fake: FakeSubscriptionApi;
let harness: TriggerHarness | undefined;

beforeEach(async () => {
	fake = await startFakeSubscriptionApi({ apiKey: API_KEY });
});
afterEach(async () => {
	await harness?.close();
	harness = undefined;
	await fake.close();
});

function credentials(extra: Record<string, unknown> = {}): Record<string, unknown> {
	return { baseUrl: fake.baseUrl, apiKey: API_KEY, signingSecret: '', previousSigningSecret: '', ...extra };
}

function n8nWith(parameters: Record<string, unknown> = { events: SELECTED }, creds = credentials()) {
	return simulateN8n({ nodeType: new RishiTrigger(), parameters: parameters as never, credentialType: new RishiApi(), credentials: creds });
}

function only(): FakeSubscription {
	expect(fake.subscriptions.size).toBe(1);
	return [...fake.subscriptions.values()][0];
}

function requestsSince(count: number) {
	return fake.requests.slice(count).map((request) => `${request.method} ${request.path}`);
}

async function deliver(staticData: Record<string, unknown> | undefined, secret: string, creds = credentials()) {
	await harness?.close();
	harness = await startTriggerHarness({
		nodeType: new RishiTrigger(),
		parameters: { events: SELECTED },
		credentials: { type: 'rishiApi', data: creds },
		staticData: staticData as never,
	});
	const sample = rishi.events.find((event) => event.name === 'booking.created')!.sample;
	const body = JSON.stringify(sample);
	return await post(harness.url, body, signedHeaders(rishi, body, secret));
}

describe('Rishi trigger subscription lifecycle', () => {
	it('registers one subscription on activation: this URL, exactly the selected events, a generated 64-hex secret', async () => {
		const n8n = n8nWith();
		expect(await n8n.activate()).toBe(false);

		const subscription = only();
		expect(subscription.url).toBe(n8n.productionUrl);
		expect([...subscription.events].sort()).toEqual([...SELECTED].sort());
		expect(subscription.active).toBe(true);
		expect(subscription.secret).toMatch(HEX64);
		expect(n8n.nodeStaticData()).toEqual({ webhookId: subscription.id, webhookSecret: subscription.secret });
		// The credential's authenticate put the key on every request (the fake refuses anything else).
		expect(fake.requests.every((request) => request.authorization === `Bearer ${API_KEY}`)).toBe(true);
		expect(requestsSince(0)).toEqual(['GET /api/webhooks', 'POST /api/webhooks']);
	});

	it('subscribes every catalogue event for "*" and generates a fresh secret each time', async () => {
		const n8n = n8nWith({ events: ['*'] });
		await n8n.activate();
		const first = only();
		expect(first.events).toEqual(rishi.events.map((event) => event.name));

		await n8n.deactivate();
		await n8n.activate();
		const second = only();
		expect(second.secret).toMatch(HEX64);
		expect(second.secret).not.toBe(first.secret);
	});

	it('on restart with the subscription in place, checkExists answers true after one list call and writes nothing', async () => {
		const n8n = n8nWith();
		await n8n.activate();
		const before = only();
		const saved = JSON.stringify(n8n.saved);
		const saves = n8n.saves;
		const count = fake.requests.length;

		expect(await n8n.activate('init')).toBe(true);
		expect(await n8n.activate('init')).toBe(true);

		expect(requestsSince(count)).toEqual(['GET /api/webhooks', 'GET /api/webhooks']);
		expect(only()).toEqual(before);
		expect(JSON.stringify(n8n.saved)).toBe(saved);
		// Nothing changed, so n8n has nothing to write back to its database either.
		expect(n8n.saves).toBe(saves);
	});

	it('recreates the subscription when it was deleted in Rishi, leaving exactly one', async () => {
		const n8n = n8nWith();
		await n8n.activate();
		const removedId = only().id;
		fake.subscriptions.clear();

		expect(await n8n.activate('init')).toBe(false);
		const recreated = only();
		expect(recreated.id).not.toBe(removedId);
		expect(recreated.secret).toMatch(HEX64);
		expect(n8n.nodeStaticData()).toEqual({ webhookId: recreated.id, webhookSecret: recreated.secret });
	});

	it.each([
		['its events were changed', (subscription: FakeSubscription) => (subscription.events = ['location.created'])],
		['it points at another URL', (subscription: FakeSubscription) => (subscription.url = 'https://elsewhere.example/hook')],
		['it was deactivated', (subscription: FakeSubscription) => (subscription.active = false)],
	])('repairs the subscription in place when %s', async (_label, change) => {
		const n8n = n8nWith();
		await n8n.activate();
		const original = { ...only() };
		change(only());
		const count = fake.requests.length;

		expect(await n8n.activate('init')).toBe(true);

		expect(requestsSince(count)).toEqual(['GET /api/webhooks', `PUT /api/webhooks/${original.id}`]);
		const repaired = only();
		expect(repaired.id).toBe(original.id);
		expect(repaired.url).toBe(n8n.productionUrl);
		expect([...repaired.events].sort()).toEqual([...SELECTED].sort());
		expect(repaired.active).toBe(true);
		expect(repaired.secret).toBe(original.secret);
		expect(n8n.nodeStaticData().webhookId).toBe(original.id);
	});

	it('follows a change of the selected events on the next publish', async () => {
		const parameters = { events: SELECTED };
		const n8n = n8nWith(parameters);
		await n8n.activate();
		parameters.events = ['booking.cancelled'];
		expect(await n8n.activate('update')).toBe(true);
		expect(only().events).toEqual(['booking.cancelled']);
	});

	it('removes other subscriptions for the same URL, keeping its own', async () => {
		const n8n = n8nWith();
		await n8n.activate();
		const mine = only().id;
		fake.seed({ url: n8n.productionUrl, events: ['booking.created'], secret: 'unknown-secret' });

		expect(await n8n.activate('init')).toBe(true);
		expect(only().id).toBe(mine);
	});

	it('removes the subscription on deactivation and forgets it', async () => {
		const n8n = n8nWith();
		await n8n.activate();
		const id = only().id;

		expect(await n8n.deactivate()).toBe(true);
		expect(fake.subscriptions.size).toBe(0);
		expect(fake.writes().at(-1)).toMatchObject({ method: 'DELETE', path: `/api/webhooks/${id}` });
		expect(n8n.nodeStaticData()).toEqual({});
	});

	it('treats a subscription already deleted in Rishi as removed', async () => {
		const n8n = n8nWith();
		await n8n.activate();
		fake.subscriptions.clear();

		expect(await n8n.deactivate()).toBe(true);
		expect(n8n.nodeStaticData()).toEqual({});
		expect(n8n.logs.filter((line) => line.level === 'warn')).toEqual([]);
	});

	it('logs a subscription it could not remove, answers false and still forgets it, with no secret in the log', async () => {
		const n8n = n8nWith();
		await n8n.activate();
		const { id, secret } = only();
		fake.fail({ status: 500, body: { error: 'database unavailable' } }, { method: 'DELETE' });

		expect(await n8n.deactivate()).toBe(false);
		expect(fake.subscriptions.size).toBe(1);
		expect(n8n.nodeStaticData()).toEqual({});
		const warnings = n8n.logs.filter((line) => line.level === 'warn');
		expect(warnings).toHaveLength(1);
		expect(warnings[0].message).toContain(id);
		expect(JSON.stringify(warnings)).toContain('HTTP 500');
		expect(JSON.stringify(n8n.logs)).not.toContain(API_KEY);
		expect(JSON.stringify(n8n.logs)).not.toContain(secret as string);

		// The next activation finds the orphan by its URL and replaces it: still exactly one.
		expect(await n8n.activate()).toBe(false);
		expect(only().id).not.toBe(id);
	});

	it('after a lost database, adopts the subscription for its URL when the credential holds the secret', async () => {
		const n8n = n8nWith({ events: SELECTED }, credentials({ signingSecret: CREDENTIAL_SECRET }));
		const seeded = fake.seed({ url: n8n.productionUrl, events: ['booking.created'], secret: 'set-long-ago' });

		expect(await n8n.activate('init')).toBe(true);
		const adopted = only();
		expect(adopted.id).toBe(seeded.id);
		expect([...adopted.events].sort()).toEqual([...SELECTED].sort());
		// Its old secret cannot be read back, so the credential's is sent with the repair.
		expect(adopted.secret).toBe(CREDENTIAL_SECRET);
		expect(n8n.nodeStaticData()).toEqual({ webhookId: seeded.id });
	});

	it('after a lost database without a credential secret, replaces the subscription whose secret it cannot know', async () => {
		const n8n = n8nWith();
		const seeded = fake.seed({ url: n8n.productionUrl, events: SELECTED, secret: 'set-long-ago' });

		expect(await n8n.activate('init')).toBe(false);
		const fresh = only();
		expect(fresh.id).not.toBe(seeded.id);
		expect(fresh.secret).toMatch(HEX64);
	});

	it('lets a secret typed into the credential win over a generated one', async () => {
		const creds = credentials({ signingSecret: CREDENTIAL_SECRET });
		const n8n = n8nWith({ events: SELECTED }, creds);
		await n8n.activate();

		expect(only().secret).toBe(CREDENTIAL_SECRET);
		expect(n8n.nodeStaticData()).toEqual({ webhookId: only().id });
		expect((await deliver(n8n.saved, CREDENTIAL_SECRET, creds)).status).toBe(200);
	});

	it('verifies with the credential secret only, once the credential has one', async () => {
		const staticData = { 'node:Trigger': { webhookId: 'webhook-1', webhookSecret: 'generated-before-the-credential-had-one' } };
		const creds = credentials({ signingSecret: CREDENTIAL_SECRET });
		expect((await deliver(staticData, CREDENTIAL_SECRET, creds)).status).toBe(200);
		expect((await deliver(staticData, 'generated-before-the-credential-had-one', creds)).status).toBe(401);
	});

	it('re-sends the secret when the credential gains or loses one after registration', async () => {
		const creds = credentials();
		const n8n = n8nWith({ events: SELECTED }, creds);
		await n8n.activate();
		const id = only().id;

		creds.signingSecret = CREDENTIAL_SECRET;
		expect(await n8n.activate('init')).toBe(true);
		expect(only()).toMatchObject({ id, secret: CREDENTIAL_SECRET });
		expect(n8n.nodeStaticData()).toEqual({ webhookId: id });

		creds.signingSecret = '';
		expect(await n8n.activate('init')).toBe(true);
		const regenerated = only();
		expect(regenerated.id).toBe(id);
		expect(regenerated.secret).toMatch(HEX64);
		expect(n8n.nodeStaticData()).toEqual({ webhookId: id, webhookSecret: regenerated.secret });
	});

	it('verifies a real delivery signed with the generated secret, and refuses one signed otherwise', async () => {
		const n8n = n8nWith();
		await n8n.activate();
		const { secret } = only();

		const accepted = await deliver(n8n.saved, secret as string);
		expect(accepted.status).toBe(200);
		expect(harness!.emitted).toHaveLength(1);

		expect((await deliver(n8n.saved, 'not-the-generated-secret')).status).toBe(401);
		// Without the saved static data there is no secret at all: fail closed.
		expect((await deliver(undefined, secret as string)).status).toBe(500);
	});

	it('"Listen for test event" registers the test URL temporarily and removes it afterwards', async () => {
		const n8n = n8nWith();
		await n8n.activate();
		const production = only();
		const saved = JSON.stringify(n8n.saved);

		const session = await n8n.listenForTestEvent();
		expect(fake.subscriptions.size).toBe(2);
		const temporary = [...fake.subscriptions.values()].find((entry) => entry.id !== production.id)!;
		expect(temporary.url).toBe(n8n.testUrl);
		expect(temporary.secret).toMatch(HEX64);
		expect(temporary.secret).not.toBe(production.secret);
		expect(session.staticData['node:Trigger']).toEqual({ webhookId: temporary.id, webhookSecret: temporary.secret });

		// The test webhook runs with the in-memory static data, so the temporary secret verifies.
		expect((await deliver(session.staticData, temporary.secret as string)).status).toBe(200);

		expect(await session.stop()).toBe(true);
		expect([...fake.subscriptions.keys()]).toEqual([production.id]);
		expect(JSON.stringify(n8n.saved)).toBe(saved);
	});

	it('fails activation with an actionable message when the API key is wrong, without the key in it', async () => {
		const wrongKey = 'rk_live_wrong_0a9b8c7d';
		const n8n = n8nWith({ events: SELECTED }, credentials({ apiKey: wrongKey }));

		const error = await n8n.activate().catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).message).toBe('Rishi rejected the API key (HTTP 401): check the API key in the credential');
		expect((error as NodeApiError).httpCode).toBe('401');
		expect(`${(error as NodeApiError).message} ${(error as NodeApiError).description}`).not.toContain(wrongKey);
		expect(fake.subscriptions.size).toBe(0);
	});

	it('fails activation when Rishi rate-limits the list call, saying how long to wait', async () => {
		const n8n = n8nWith();
		fake.fail({ status: 429, retryAfter: '30', body: { error: 'Too many requests' } });

		await expect(n8n.activate()).rejects.toThrow('Rishi is rate limiting requests (HTTP 429): try again in 30 seconds');
		expect(fake.subscriptions.size).toBe(0);
	});

	it('refuses to activate without a selected event, before calling Rishi', async () => {
		const n8n = n8nWith({ events: [] });
		await expect(n8n.activate()).rejects.toThrow('Choose at least one event to subscribe to in the Rishi trigger');
		expect(fake.requests).toEqual([]);
	});

	it('tells the user to set the Base URL when the credential has none', async () => {
		const n8n = n8nWith({ events: SELECTED }, credentials({ baseUrl: '' }));
		await expect(n8n.activate()).rejects.toThrow('Set the Base URL of your Rishi instance in the credential');
	});
});

describe('Rishi trigger with a manual set-up', () => {
	it('offers self-registration by default and a manual set-up that never calls the API', async () => {
		const setup = new RishiTrigger().description.properties.find((property) => property.name === 'setup');
		expect(setup?.default).toBe('automatic');
		expect((setup?.options as Array<{ value: string }>).map((option) => option.value)).toEqual(['manual', 'automatic']);

		const n8n = n8nWith({ events: SELECTED, setup: 'manual' }, credentials({ baseUrl: '', apiKey: '', signingSecret: CREDENTIAL_SECRET }));
		expect(await n8n.activate()).toBe(true);
		expect(await n8n.deactivate()).toBe(true);
		expect(fake.requests).toEqual([]);

		const response = await deliver(undefined, CREDENTIAL_SECRET, credentials({ baseUrl: '', apiKey: '', signingSecret: CREDENTIAL_SECRET }));
		expect(response.status).toBe(200);
	});

	it('switching an automatic trigger to manual removes the subscription it registered', async () => {
		const parameters: Record<string, unknown> = { events: SELECTED };
		const n8n = n8nWith(parameters);
		expect(await n8n.activate()).toBe(false);
		expect(fake.subscriptions.size).toBe(1);
		parameters.setup = 'manual';
		expect(await n8n.activate()).toBe(true);
		expect(fake.subscriptions.size).toBe(0);
		expect(n8n.nodeStaticData()).toEqual({});
	});
});
