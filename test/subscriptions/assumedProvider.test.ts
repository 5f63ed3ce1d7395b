/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test code runs under jest on a developer machine, not inside n8n */
import { NodeApiError, type INodeProperties } from 'n8n-workflow';

import { runAction } from '../support/actionHarness';
import { startFakeSubscriptionApi, type FakeSubscriptionApi } from '../support/fakeSubscriptionApi';
import { simulateN8n } from '../support/lifecycleHarness';
import { post } from '../support/post';
import { signedHeaders } from '../support/providers';
import { startTriggerHarness } from '../support/triggerHarness';
import { Acme, acme, AcmeApi, AcmeTrigger } from './acmeProvider';

/**
 * The generic machinery for a provider whose API is assumed to follow
 * Rishi's shape (path editable in the credential, manual setup by default),
 * through n8n-core's real contexts against a fake API on loopback.
 */
const API_KEY = 'acme_key_3f9e1d7c5b';
const PATH = '/v2/hooks';

let fake: FakeSubscriptionApi;
beforeEach(async () => {
	fake = await startFakeSubscriptionApi({ apiKey: API_KEY, path: PATH, authHeader: 'x-api-key', authValue: API_KEY });
});
afterEach(async () => fake.close());

function credentials(extra: Record<string, unknown> = {}): Record<string, unknown> {
	return { baseUrl: fake.baseUrl, apiKey: API_KEY, subscriptionsPath: PATH, signingSecret: '', ...extra };
}

function n8nWith(parameters: Record<string, unknown>, creds = credentials()) {
	return simulateN8n({ nodeType: new AcmeTrigger(), parameters: parameters as never, credentialType: new AcmeApi(), credentials: creds });
}

async function listFailure(creds = credentials()): Promise<NodeApiError> {
	const error = await runAction({
		nodeType: new Acme(),
		parameters: { resource: 'webhook', operation: 'getAll', returnAll: true } as never,
		credentialType: new AcmeApi(),
		credentials: creds,
	}).catch((caught: unknown) => caught);
	expect(error).toBeInstanceOf(NodeApiError);
	const apiError = error as NodeApiError;
	const visible = `${apiError.message}\n${apiError.description ?? ''}\n${JSON.stringify(apiError.messages)}`;
	expect(visible).not.toContain(String(creds.apiKey));
	return apiError;
}

describe('assumed subscription API: trigger', () => {
	it('offers the setup choice, manual by default', () => {
		const setup = new AcmeTrigger().description.properties.find((property) => property.name === 'setup') as INodeProperties;
		expect(setup.default).toBe('manual');
		expect((setup.options as Array<{ value: string }>).map((option) => option.value)).toEqual(['manual', 'automatic']);
	});

	it('with manual setup, activation and deactivation never call the API', async () => {
		const n8n = n8nWith({ events: ['*'] });
		expect(await n8n.activate()).toBe(true);
		expect(await n8n.deactivate()).toBe(true);
		expect(fake.requests).toEqual([]);
	});

	it('with "Register Automatically", registers at the credential\'s path with the credential\'s key header, and removes it', async () => {
		const n8n = n8nWith({ events: ['order.paid'], setup: 'automatic' });
		expect(await n8n.activate()).toBe(false);

		const [subscription] = [...fake.subscriptions.values()];
		expect(subscription).toMatchObject({ url: n8n.productionUrl, events: ['order.paid'], active: true });
		expect(subscription.secret).toMatch(/^[0-9a-f]{64}$/);
		expect(fake.requests.map((request) => `${request.method} ${request.path} ${request.authorization}`)).toEqual([
			`GET ${PATH} ${API_KEY}`,
			`POST ${PATH} ${API_KEY}`,
		]);

		expect(await n8n.activate('init')).toBe(true);
		expect(fake.subscriptions.size).toBe(1);

		// The generated secret verifies a delivery signed by the "provider".
		const harness = await startTriggerHarness({
			nodeType: new AcmeTrigger(),
			parameters: { events: ['order.paid'], setup: 'automatic' },
			credentials: { type: 'acmeApi', data: credentials() },
			staticData: n8n.saved,
		});
		const body = JSON.stringify({ event: 'order.paid' });
		expect((await post(harness.url, body, signedHeaders(acme, body, subscription.secret as string))).status).toBe(200);
		await harness.close();

		expect(await n8n.deactivate()).toBe(true);
		expect(fake.subscriptions.size).toBe(0);
	});

	it('uses the default path when the credential leaves it empty', async () => {
		await fake.close();
		fake = await startFakeSubscriptionApi({ apiKey: API_KEY, authHeader: 'x-api-key', authValue: API_KEY });
		const n8n = n8nWith({ events: ['order.paid'], setup: 'automatic' }, credentials({ subscriptionsPath: '' }));
		await n8n.activate();
		expect(fake.requests.map((request) => request.path)).toEqual(['/api/webhooks', '/api/webhooks']);
	});

	it('removes its registration when switched back to manual setup', async () => {
		const parameters: Record<string, unknown> = { events: ['order.paid'], setup: 'automatic' };
		const n8n = n8nWith(parameters);
		await n8n.activate();
		parameters.setup = 'manual';

		expect(await n8n.activate('update')).toBe(true);
		expect(fake.subscriptions.size).toBe(0);
		expect(n8n.nodeStaticData()).toEqual({});
	});

	it('accepts a create answer without the subscription in it, finding it in the list', async () => {
		await fake.close();
		fake = await startFakeSubscriptionApi({ apiKey: API_KEY, path: PATH, authHeader: 'x-api-key', authValue: API_KEY, createAnswer: 'empty' });
		const n8n = n8nWith({ events: ['order.paid'], setup: 'automatic' });
		await n8n.activate();
		const [subscription] = [...fake.subscriptions.values()];
		expect(n8n.nodeStaticData().webhookId).toBe(subscription.id);
	});

	it('accepts a create answer wrapped in { webhook }', async () => {
		await fake.close();
		fake = await startFakeSubscriptionApi({ apiKey: API_KEY, path: PATH, authHeader: 'x-api-key', authValue: API_KEY, createAnswer: 'wrapped' });
		const n8n = n8nWith({ events: ['order.paid'], setup: 'automatic' });
		await n8n.activate();
		expect(n8n.nodeStaticData().webhookId).toBe([...fake.subscriptions.keys()][0]);
		expect(fake.requests.map((request) => request.method)).toEqual(['GET', 'POST']);
	});
});

describe('assumed subscription API: failures, each with a message a user can act on', () => {
	it('401: the API key', async () => {
		const error = await listFailure(credentials({ apiKey: 'acme_wrong_key_77' }));
		expect(error.message).toBe('Acme rejected the API key (HTTP 401): check the API key in the credential');
	});

	it('404: the Base URL and the Subscriptions Path', async () => {
		const error = await listFailure(credentials({ subscriptionsPath: '/api/webhooks' }));
		expect(error.message).toBe(
			'Acme has no subscriptions endpoint at /api/webhooks (HTTP 404): check the Base URL and Subscriptions Path in the credential',
		);
		expect(error.httpCode).toBe('404');
	});

	it('429 with a Retry-After date: how long to wait', async () => {
		fake.fail({ status: 429, retryAfter: new Date(Date.now() + 90_000).toUTCString() });
		const error = await listFailure();
		expect(error.message).toMatch(/^Acme is rate limiting requests \(HTTP 429\): try again in (89|90) seconds$/);
	});

	it('500: try again later', async () => {
		fake.fail({ status: 500, body: { error: 'Internal error' } });
		const error = await listFailure();
		expect(error.message).toBe('Acme failed to handle the request (HTTP 500): try again later');
		expect(error.httpCode).toBe('500');
		expect(error.description).toContain('"Internal error"');
	});

	it('a slow answer past the timeout', async () => {
		fake.fail({ delayMs: 1500 });
		const started = Date.now();
		const error = await listFailure();
		expect(Date.now() - started).toBeLessThan(1400);
		expect(error.message).toBe('Acme did not answer within 0.3 seconds: try again later');
		expect(error.description).toContain(fake.baseUrl);
	});

	it('a non-JSON error body', async () => {
		fake.fail({ status: 500, body: 'Internal Server Error', contentType: 'text/plain' });
		const error = await listFailure();
		expect(error.message).toBe('Acme failed to handle the request (HTTP 500): try again later');
		expect(error.description).toContain('with a body that is not JSON: "Internal Server Error"');
	});

	it('a 200 answer that is not a subscription list (e.g. a login page)', async () => {
		fake.fail({ status: 200, body: '<html><title>Sign in</title></html>' });
		const error = await listFailure();
		expect(error.message).toBe('Acme answered in an unexpected shape: expected a JSON object with a "webhooks" array');
		expect(error.description).toContain('Check the Base URL and Subscriptions Path in the credential');
	});

	it('nothing listening at the Base URL', async () => {
		const error = await listFailure(credentials({ baseUrl: 'http://127.0.0.1:1' }));
		expect(error.message).toBe('Could not connect to Acme at http://127.0.0.1:1: check the Base URL and Subscriptions Path in the credential');
	});

	it('activation fails with the same message, so n8n shows it on the workflow', async () => {
		fake.fail({ status: 503, body: { error: 'maintenance' } });
		const n8n = n8nWith({ events: ['order.paid'], setup: 'automatic' });
		await expect(n8n.activate()).rejects.toThrow('Acme failed to handle the request (HTTP 503): try again later');
		expect(fake.subscriptions.size).toBe(0);
	});
});
