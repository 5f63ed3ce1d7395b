/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test code runs under jest on a developer machine, not inside n8n */
import { NodeApiError, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';

import { RishiApi } from '../../credentials/RishiApi.credentials';
import { Rishi } from '../../nodes/Rishi/Rishi.node';
import { rishi } from '../../nodes/Rishi/definition';
import { runAction } from '../support/actionHarness';
import { startFakeSubscriptionApi, type FakeSubscriptionApi } from '../support/fakeSubscriptionApi';

/**
 * The Rishi action node's real execute() through n8n-core's ExecuteContext,
 * against a fake Rishi API on loopback.
 */
const API_KEY = 'rk_live_7e2d4c1b9a';
const HEX64 = /^[0-9a-f]{64}$/;

let fake: FakeSubscriptionApi;
beforeEach(async () => {
	fake = await startFakeSubscriptionApi({ apiKey: API_KEY });
});
afterEach(async () => fake.close());

function credentials(extra: Record<string, unknown> = {}) {
	return { baseUrl: `${fake.baseUrl}/`, apiKey: API_KEY, signingSecret: 'trigger-secret-1', previousSigningSecret: '', ...extra };
}

async function run(
	parameters: Record<string, unknown>,
	options: { items?: INodeExecutionData[]; continueOnFail?: boolean; creds?: Record<string, unknown> } = {},
) {
	const [output] = await runAction({
		nodeType: new Rishi(),
		parameters: { resource: 'webhook', ...parameters } as never,
		credentialType: new RishiApi(),
		credentials: options.creds ?? credentials(),
		items: options.items,
		continueOnFail: options.continueOnFail,
	});
	return output;
}

async function failureOf(parameters: Record<string, unknown>, creds?: Record<string, unknown>): Promise<NodeApiError> {
	const error = await run(parameters, { creds }).catch((caught: unknown) => caught);
	expect(error).toBeInstanceOf(NodeApiError);
	return error as NodeApiError;
}

function expectNoSecrets(error: NodeApiError, ...secrets: string[]) {
	const visible = `${error.message}\n${error.description ?? ''}\n${JSON.stringify(error.messages)}`;
	for (const secret of [API_KEY, 'trigger-secret-1', ...secrets]) expect(visible).not.toContain(secret);
}

describe('Rishi action node: description', () => {
	const description = new Rishi().description;
	const property = (name: string, operation?: string) =>
		description.properties.find(
			(entry) => entry.name === name && (!operation || entry.displayOptions?.show?.operation?.includes(operation)),
		) as INodeProperties;

	it('follows n8n conventions: usable as a tool, a Webhook resource with five operations', () => {
		expect(description.name).toBe('rishi');
		expect(description.usableAsTool).toBe(true);
		expect(description.credentials).toEqual([{ name: 'rishiApi', required: true }]);
		expect((property('resource').options as Array<{ value: string }>).map((option) => option.value)).toEqual(['webhook']);
		expect((property('operation').options as Array<{ name: string; value: string }>).map((option) => option.name)).toEqual([
			'Create',
			'Delete',
			'Get',
			'Get Many',
			'Update',
		]);
	});

	it('offers the events of the catalogue, once, plus all events', () => {
		const offered = (property('events', 'create').options as Array<{ value: string }>).map((option) => option.value);
		expect(offered).toEqual(['*', ...rishi.events.map((event) => event.name)]);
	});
});

describe('Rishi action node: operations', () => {
	it('creates a subscription with a generated secret, returned once in the output', async () => {
		const [item] = await run({ operation: 'create', url: 'https://example.com/hook', events: ['booking.created', 'staff.checkin'] });

		const stored = [...fake.subscriptions.values()];
		expect(stored).toHaveLength(1);
		expect(stored[0]).toMatchObject({ url: 'https://example.com/hook', events: ['booking.created', 'staff.checkin'], active: true });
		expect(stored[0].secret).toMatch(HEX64);
		expect(item.json).toMatchObject({ id: stored[0].id, url: 'https://example.com/hook', secret: stored[0].secret });
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(fake.requests[0]).toMatchObject({ method: 'POST', path: '/api/webhooks', authorization: `Bearer ${API_KEY}` });
	});

	it('creates with a typed secret and the delivery options, and does not echo the secret', async () => {
		const [item] = await run({
			operation: 'create',
			url: 'https://example.com/hook',
			events: ['*'],
			secret: 'my-own-secret',
			additionalFields: {
				active: false,
				timeout: 15000,
				retries: 5,
				headers: { header: [{ name: 'X-Custom-Header', value: 'value' }] },
			},
		});

		expect(fake.requests[0].body).toEqual({
			url: 'https://example.com/hook',
			events: rishi.events.map((event) => event.name),
			secret: 'my-own-secret',
			active: false,
			timeout: 15000,
			retries: 5,
			headers: { 'X-Custom-Header': 'value' },
		});
		expect(item.json.secret).toBeUndefined();
		expect(item.json).toMatchObject({ active: false, retries: 5 });
	});

	it('gets one subscription by id from the list (Rishi has no GET by id)', async () => {
		fake.seed({ url: 'https://a.example/hook', events: ['booking.created'], secret: 's1' });
		const wanted = fake.seed({ url: 'https://b.example/hook', events: ['staff.checkin'], secret: 's2' });

		const [item] = await run({ operation: 'get', webhookId: wanted.id });

		expect(item.json).toMatchObject({ id: wanted.id, url: 'https://b.example/hook', events: ['staff.checkin'] });
		expect(item.json.secret).toBeUndefined();
		expect(fake.requests.map((request) => `${request.method} ${request.path}`)).toEqual(['GET /api/webhooks']);
	});

	it('fails Get for an unknown id with a 404-style NodeApiError that says why', async () => {
		fake.seed({ url: 'https://a.example/hook', events: ['booking.created'] });
		const error = await failureOf({ operation: 'get', webhookId: 'webhook-404' });
		expect(error.message).toBe('Rishi has no webhook subscription with ID "webhook-404"');
		expect(error.httpCode).toBe('404');
		expect(error.description).toContain('GET /api/webhooks');
	});

	it('gets many: all of them, or up to the limit, one item each', async () => {
		for (const n of [1, 2, 3]) fake.seed({ url: `https://h${n}.example/hook`, events: ['booking.created'] });

		const all = await run({ operation: 'getAll', returnAll: true });
		expect(all.map((item) => item.json.url)).toEqual(['https://h1.example/hook', 'https://h2.example/hook', 'https://h3.example/hook']);
		expect(all.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);

		const limited = await run({ operation: 'getAll', returnAll: false, limit: 2 });
		expect(limited).toHaveLength(2);
	});

	it('updates only what was asked and sends the rest back unchanged (PUT replaces)', async () => {
		const existing = fake.seed({ url: 'https://a.example/hook', events: ['booking.created'], retries: 3, secret: 'kept' });

		const [item] = await run({ operation: 'update', webhookId: existing.id, updateFields: { events: ['booking.updated', 'staff.assigned'] } });

		const put = fake.requests.find((request) => request.method === 'PUT');
		expect(put).toMatchObject({ path: `/api/webhooks/${existing.id}` });
		expect(put?.body).toEqual({ url: 'https://a.example/hook', events: ['booking.updated', 'staff.assigned'], active: true, retries: 3 });
		expect(fake.subscriptions.get(existing.id)).toMatchObject({ events: ['booking.updated', 'staff.assigned'], secret: 'kept' });
		expect(item.json).toMatchObject({ id: existing.id, events: ['booking.updated', 'staff.assigned'] });
	});

	it('refuses an update with nothing to change, and a 404 for an unknown id', async () => {
		const existing = fake.seed({ url: 'https://a.example/hook', events: ['booking.created'] });
		await expect(run({ operation: 'update', webhookId: existing.id, updateFields: {} })).rejects.toThrow('Add at least one field to update');

		const error = await failureOf({ operation: 'update', webhookId: 'gone', updateFields: { active: false } });
		expect(error.message).toBe('Rishi has no webhook subscription with ID "gone"');
		expect(fake.writes()).toEqual([]);
	});

	it('deletes a subscription, and reports a 404 for one that does not exist', async () => {
		const existing = fake.seed({ url: 'https://a.example/hook', events: ['booking.created'] });

		const [item] = await run({ operation: 'delete', webhookId: existing.id });
		expect(item.json).toEqual({ id: existing.id, deleted: true });
		expect(fake.subscriptions.size).toBe(0);

		const error = await failureOf({ operation: 'delete', webhookId: existing.id });
		expect(error.message).toBe(`Rishi has no webhook subscription with ID "${existing.id}" (HTTP 404)`);
		expect(error.httpCode).toBe('404');
		expect(error.description).toBe(`While trying to delete Rishi webhook subscription "${existing.id}", Rishi answered HTTP 404: "Webhook not found".`);
	});

	it('with continueOnFail, fails per item and keeps the item pairing', async () => {
		const existing = fake.seed({ url: 'https://a.example/hook', events: ['booking.created'] });
		const items = [{ json: { id: existing.id } }, { json: { id: 'missing' } }, { json: { id: existing.id } }];

		const output = await run({ operation: 'get', webhookId: '={{ $json.id }}' }, { items, continueOnFail: true });

		expect(output).toHaveLength(3);
		expect(output[0]).toMatchObject({ json: { id: existing.id }, pairedItem: { item: 0 } });
		expect(output[1]).toMatchObject({
			json: { error: 'Rishi has no webhook subscription with ID "missing"', httpCode: '404' },
			pairedItem: { item: 1 },
		});
		expect(output[2]).toMatchObject({ json: { id: existing.id }, pairedItem: { item: 2 } });
	});

	it('without continueOnFail, stops at the failing item and names it', async () => {
		const existing = fake.seed({ url: 'https://a.example/hook', events: ['booking.created'] });
		const items = [{ json: { id: existing.id } }, { json: { id: 'missing' } }];
		const error = await run({ operation: 'get', webhookId: '={{ $json.id }}' }, { items }).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).context.itemIndex).toBe(1);
	});
});

describe('Rishi action node: failures a user can act on, without secrets', () => {
	it('401: check the API key in the credential', async () => {
		const error = await failureOf({ operation: 'getAll', returnAll: true }, credentials({ apiKey: 'rk_live_wrong_key_1234' }));
		expect(error.message).toBe('Rishi rejected the API key (HTTP 401): check the API key in the credential');
		expect(error.httpCode).toBe('401');
		expect(error.description).toBe('While trying to list the Rishi webhook subscriptions, Rishi answered HTTP 401: "Invalid API key".');
		expectNoSecrets(error, 'rk_live_wrong_key_1234');
	});

	it('404 on the collection: the Base URL is wrong', async () => {
		const error = await failureOf({ operation: 'getAll', returnAll: true }, credentials({ baseUrl: `${fake.baseUrl}/rishi` }));
		expect(error.message).toBe('Rishi has no subscriptions endpoint at /api/webhooks (HTTP 404): check the Base URL in the credential');
	});

	it('429 with Retry-After: says how long to wait', async () => {
		fake.fail({ status: 429, retryAfter: '120', body: { error: 'Rate limit exceeded' } });
		const error = await failureOf({ operation: 'getAll', returnAll: true });
		expect(error.message).toBe('Rishi is rate limiting requests (HTTP 429): try again in 2 minutes');
		expect(error.httpCode).toBe('429');
	});

	it('5xx: try again later, with the provider message in the description', async () => {
		fake.fail({ status: 503, body: { message: 'Maintenance until 14:00 UTC' } });
		const error = await failureOf({ operation: 'getAll', returnAll: true });
		expect(error.message).toBe('Rishi failed to handle the request (HTTP 503): try again later');
		expect(error.description).toContain('"Maintenance until 14:00 UTC"');
	});

	it('a non-JSON error body still gives a readable message, and provider text never leaks a secret', async () => {
		fake.fail({ status: 502, body: `<html><body><h1>502 Bad Gateway</h1><p>upstream said ${API_KEY} and my-own-secret</p></body></html>` });
		const error = await failureOf({ operation: 'create', url: 'https://example.com/hook', events: ['booking.created'], secret: 'my-own-secret' });
		expect(error.message).toBe('Rishi failed to handle the request (HTTP 502): try again later');
		expect(error.description).toContain('with a body that is not JSON: "502 Bad Gateway upstream said [redacted] and [redacted]"');
		expectNoSecrets(error, 'my-own-secret');
	});

	it('a validation error (HTTP 400) carries the provider message', async () => {
		fake.fail({ status: 400, body: { error: 'events contains an unknown event' } });
		const error = await failureOf({ operation: 'create', url: 'https://example.com/hook', events: ['booking.created'] });
		expect(error.message).toBe('Rishi refused the request (HTTP 400): events contains an unknown event');
		expectNoSecrets(error);
	});
});
