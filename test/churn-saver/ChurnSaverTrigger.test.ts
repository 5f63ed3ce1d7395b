/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code runs under jest on a developer machine, not inside n8n */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { ChurnSaverApi } from '../../credentials/ChurnSaverApi.credentials';
import { ChurnSaverTrigger } from '../../nodes/ChurnSaver/ChurnSaverTrigger.node';
import { churnSaver } from '../../nodes/ChurnSaver/definition';
import { CHURN_SAVER_SAMPLES } from '../../nodes/ChurnSaver/samples';
import { processDelivery } from '../../nodes/shared/pipeline/processDelivery';
import { settingsFrom } from '../../nodes/shared/pipeline/settings';
import { validatePayload } from '../../nodes/shared/pipeline/validatePayload';
import { simulateN8n } from '../support/lifecycleHarness';
import { post } from '../support/post';
import { opensslHmacHex } from '../support/sign';
import { startTriggerHarness, type TriggerHarness } from '../support/triggerHarness';
import { payloadOf } from '../support/providers';

const SECRET = 'a1b2c3d4e5f6789012345678901234567890123456789012345678901234567890';
const PREVIOUS = 'churn-saver-previous-secret';
const credentials = {
	type: 'churnSaverSigningSecretApi',
	data: {
		baseUrl: 'http://127.0.0.1:1',
		apiKey: 'churn-saver-api-key',
		subscriptionsPath: '/api/webhooks',
		signingSecret: SECRET,
		previousSigningSecret: PREVIOUS,
	},
};

/** The event names of Churn Saver's Webhook Integration Guide, "Step 3: Select Events", as written there. */
const SPEC_EVENTS = [
	'case.created',
	'case.updated',
	'case.recovered',
	'case.lost',
	'incentive.applied',
	'incentive.expired',
	'customer.risk_changed',
];

/** The spec's case.created example, byte for byte as the guide prints it. */
const SPEC_CASE_CREATED = `{
  "event": "case.created",
  "id": "evt_01HXXXXXXXXXXXXXXXXX",
  "timestamp": "2025-10-25T10:30:00Z",
  "data": {
    "case": {
      "id": "case_12345",
      "user_id": "user_67890",
      "status": "active",
      "risk_level": "high",
      "trigger_event": {
        "type": "payment_failed",
        "timestamp": "2025-10-25T10:25:00Z",
        "amount": 29.99,
        "currency": "USD",
        "reason": "insufficient_funds"
      },
      "recovery_strategy": {
        "priority": 8,
        "channels": ["email", "sms"],
        "estimated_value": 299.99
      },
      "customer": {
        "id": "user_67890",
        "email": "customer@example.com",
        "name": "John Doe",
        "lifetime_value": 1250.00,
        "plan": "Pro",
        "signup_date": "2024-01-15T00:00:00Z"
      }
    }
  }
}`;

/**
 * The guide's curl test: `PAYLOAD=$(cat test_payload.json)` (the heredoc
 * without its final newline), signed with `echo -n "$PAYLOAD" | openssl dgst
 * -sha256 -hmac "$WEBHOOK_SECRET"` and sent with `-d "$PAYLOAD"`.
 */
const SPEC_TEST_PAYLOAD = `{
  "event": "case.created",
  "id": "evt_test_123",
  "timestamp": "2025-10-25T10:30:00Z",
  "data": {
    "case": {
      "id": "case_test_123",
      "user_id": "user_test_456",
      "status": "active",
      "risk_level": "high"
    }
  }
}`;

const MISSING_SIGNATURE = { error: 'Missing signature' };
const INVALID_SIGNATURE = { error: 'Invalid signature' };

function signed(body: string | Buffer, secret = SECRET, contentType = 'application/json') {
	return { 'content-type': contentType, 'x-webhook-signature': opensslHmacHex(secret, body) };
}

function sampleOf(name: string) {
	const event = churnSaver.events.find((candidate) => candidate.name === name);
	if (!event) throw new Error(`no sample for ${name}`);
	return event.sample;
}

describe('Churn Saver definition', () => {
	it('covers exactly the seven events of the spec, in its order', () => {
		expect(churnSaver.events.map((event) => event.name)).toEqual(SPEC_EVENTS);
		for (const event of churnSaver.events) {
			expect(event.description).not.toBe('');
			expect(event.sample.event).toBe(event.name);
		}
	});

	it.each(churnSaver.events.map((event) => [event.name, event]))('%s: the sample conforms to its schema', (_name, event) => {
		expect(validatePayload(event.schema, event.sample)).toEqual([]);
	});

	it.each(churnSaver.events.map((event) => [event.name, event]))('%s: the schema refuses a body without id or data', (_name, event) => {
		const rest: Record<string, unknown> = { ...event.sample };
		delete rest.id;
		delete rest.data;
		const paths = validatePayload(event.schema, rest).map((issue) => issue.path);
		expect(paths).toEqual(expect.arrayContaining(['id', 'data']));
	});

	it('accepts the spec curl payload (a case without the optional detail objects)', () => {
		const schema = churnSaver.events.find((event) => event.name === 'case.created')!.schema;
		expect(validatePayload(schema, JSON.parse(SPEC_TEST_PAYLOAD))).toEqual([]);
	});

	it('requires only an id of the cases and incentives the spec elides as { ... }', () => {
		const byName = (name: string) => churnSaver.events.find((event) => event.name === name)!;
		const updated = byName('case.updated');
		const withCase = (value: unknown) => ({ ...updated.sample, data: { ...(updated.sample.data as object), case: value } });
		expect(validatePayload(updated.schema, withCase({ id: 'case_1' }))).toEqual([]);
		expect(validatePayload(updated.schema, withCase({ status: 'active' })).map((issue) => issue.path)).toEqual(['data.case.id']);

		const expired = byName('incentive.expired');
		const withIncentive = (value: unknown) => ({ ...expired.sample, data: { ...(expired.sample.data as object), incentive: value } });
		expect(validatePayload(expired.schema, withIncentive({ id: 'inc_1' }))).toEqual([]);
		expect(validatePayload(expired.schema, withIncentive({})).map((issue) => issue.path)).toEqual(['data.incentive.id']);
	});

	it('keeps fields the spec does not list', () => {
		const event = churnSaver.events.find((candidate) => candidate.name === 'customer.risk_changed')!;
		const extended = { ...event.sample, extra: 1, data: { ...(event.sample.data as object), more: { x: true } } };
		const parsed = event.schema.parse(extended);
		expect(parsed).toEqual(extended);
	});

	it('uses the event id as the idempotency key', () => {
		expect(churnSaver.deliveryIdOf?.({ id: 'evt_test_123' }, {})).toBe('evt_test_123');
		expect(churnSaver.deliveryIdOf?.({ id: 42 }, {})).toBeUndefined();
		const outcome = processDelivery(
			churnSaver,
			{ rawBody: Buffer.from(SPEC_TEST_PAYLOAD), headers: signed(SPEC_TEST_PAYLOAD), socketAddress: '127.0.0.1', now: new Date() },
			settingsFrom(churnSaver, { events: ['*'], secrets: [SECRET], invalidPayload: 'reject', includeHeaders: false }),
		);
		expect(outcome).toMatchObject({ action: 'emit', eventType: 'case.created', deliveryId: 'evt_test_123' });
	});
});

describe('Churn Saver node and credential', () => {
	const node = new ChurnSaverTrigger();

	it('describes a webhook trigger using the churnSaverSigningSecretApi credential, and churnSaverApi to register itself', () => {
		const { description } = node;
		expect(description.name).toBe('churnSaverTrigger');
		expect(description.credentials).toEqual([
			{ name: 'churnSaverSigningSecretApi', required: true, displayOptions: { show: { setup: ['manual'] } }, testedBy: 'signingSecretIsSet' },
			{ name: 'churnSaverApi', required: false },
		]);
		expect(description.icon).toEqual({ light: 'file:churnSaver.svg', dark: 'file:churnSaver.dark.svg' });
		for (const file of ['churnSaver.svg', 'churnSaver.dark.svg']) {
			expect(existsSync(join(__dirname, '../../nodes/ChurnSaver', file))).toBe(true);
		}
		expect(description.webhooks).toEqual([
			expect.objectContaining({ name: 'default', httpMethod: 'POST', responseMode: 'onReceived' }),
		]);
		const events = description.properties.find((property) => property.name === 'events');
		expect(events?.options?.map((option) => ('value' in option ? option.value : undefined))).toEqual(['*', ...SPEC_EVENTS]);
	});

	it('tells the user where to paste the URL and the secret', () => {
		const notice = node.description.properties.find((property) => property.type === 'notice');
		expect(notice?.displayName).toContain('Settings → Integrations → Webhooks');
		expect(notice?.displayName).toContain('Production URL');
		expect(notice?.displayName).toContain('Signing Secret');
	});

	it('with the default manual setup has nothing to register: the webhook always exists', async () => {
		// Nothing listens at the credential's Base URL: any API call would fail the activation.
		const n8n = simulateN8n({
			nodeType: node,
			parameters: { events: ['*'] },
			credentialType: new ChurnSaverApi(),
			credentials: credentials.data,
		});
		expect(await n8n.activate()).toBe(true);
		expect(await n8n.deactivate()).toBe(true);
		expect(n8n.nodeStaticData()).toEqual({});
	});

	it('declares the credential fields shared code reads, and a Bearer-authenticated test request', () => {
		const credential = new ChurnSaverApi();
		expect(credential.name).toBe('churnSaverApi');
		expect(credential.properties.map((property) => property.name)).toEqual([
			'baseUrl',
			'apiKey',
			'subscriptionsPath',
			'signingSecret',
			'previousSigningSecret',
		]);
		const byName = (name: string) => credential.properties.find((property) => property.name === name)!;
		for (const name of ['apiKey', 'signingSecret', 'previousSigningSecret']) {
			expect(byName(name).typeOptions?.password).toBe(true);
		}
		expect(byName('subscriptionsPath').default).toBe('/api/webhooks');
		expect(credential.authenticate).toEqual({
			type: 'generic',
			properties: { headers: { Authorization: '=Bearer {{$credentials.apiKey}}' } },
		});
		expect(credential.test.request).toEqual({
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '={{"/" + ($credentials.subscriptionsPath || "/api/webhooks").replace(/^\\/+/, "")}}',
			method: 'GET',
		});
	});
});

describe('Churn Saver trigger', () => {
	let harness: TriggerHarness | undefined;
	afterEach(async () => {
		await harness?.close();
		harness = undefined;
	});

	const start = async (parameters: Record<string, unknown> = { events: ['*'] }, creds: typeof credentials = credentials) => {
		harness = await startTriggerHarness({ nodeType: new ChurnSaverTrigger(), parameters: parameters as never, credentials: creds });
		return harness;
	};

	it.each(churnSaver.events.map((event) => [event.name, event.sample]))('emits a signed %s delivery as sent', async (_name, sample) => {
		const { url, emitted } = await start();
		const body = JSON.stringify(sample);
		const response = await post(url, body, signed(body));
		expect(response.status).toBe(200);
		expect(response.json).toEqual({ received: true });
		expect(emitted).toHaveLength(1);
		expect(payloadOf(emitted[0][0].json)).toEqual(sample);
	});

	it("verifies the spec's case.created example byte for byte", async () => {
		const { url, emitted } = await start();
		const response = await post(url, SPEC_CASE_CREATED, signed(SPEC_CASE_CREATED));
		expect(response.status).toBe(200);
		expect(response.json).toEqual({ received: true });
		expect(emitted).toHaveLength(1);
		// Also proves the case.created sample is the spec's example.
		expect(payloadOf(emitted[0][0].json)).toEqual(CHURN_SAVER_SAMPLES['case.created']);
	});

	it("accepts the spec's curl test payload, signed as the guide signs it", async () => {
		const { url, emitted } = await start({ events: ['case.created'], deliveryOptions: { invalidPayload: 'reject' } });
		const response = await post(url, SPEC_TEST_PAYLOAD, signed(SPEC_TEST_PAYLOAD));
		expect(response.status).toBe(200);
		expect(response.json).toEqual({ received: true });
		expect(payloadOf(emitted[0][0].json)).toEqual(JSON.parse(SPEC_TEST_PAYLOAD));
	});

	it('verifies the raw bytes, not a re-serialisation of them (as the guide sample receivers do)', async () => {
		const { url, emitted } = await start();
		const reserialised = JSON.stringify(JSON.parse(SPEC_CASE_CREATED));
		expect(reserialised).not.toBe(SPEC_CASE_CREATED);
		const response = await post(url, SPEC_CASE_CREATED, signed(reserialised));
		expect(response.status).toBe(401);
		expect(response.json).toEqual(INVALID_SIGNATURE);
		expect(emitted).toHaveLength(0);
	});

	it('verifies non-ASCII bodies over their UTF-8 bytes', async () => {
		const { url, emitted } = await start();
		const sample = sampleOf('case.updated');
		const body = Buffer.from(
			JSON.stringify({ ...sample, data: { ...(sample.data as object), changes: { updated_by: 'Zoë Ångström', notes: 'Rückgewinnung ✓' } } }),
			'utf8',
		);
		const response = await post(url, body, signed(body));
		expect(response.status).toBe(200);
		expect((emitted[0][0].json.data as { changes: { notes: string } }).changes.notes).toBe('Rückgewinnung ✓');
	});

	it.each([
		['no X-Webhook-Signature header', {}],
		['an empty X-Webhook-Signature header', { 'x-webhook-signature': '' }],
	])('answers 400 "Missing signature" for %s', async (_label, extra) => {
		const { url, emitted } = await start();
		const body = JSON.stringify(sampleOf('case.created'));
		const response = await post(url, body, { 'content-type': 'application/json', ...extra });
		expect(response.status).toBe(400);
		expect(response.json).toEqual(MISSING_SIGNATURE);
		expect(emitted).toHaveLength(0);
	});

	it.each([
		['forged with another secret', (body: string) => opensslHmacHex('not-the-secret', body)],
		['signed over another body', () => opensslHmacHex(SECRET, '{"event":"case.lost"}')],
		['sha256=-prefixed (Churn Saver sends bare hex)', (body: string) => `sha256=${opensslHmacHex(SECRET, body)}`],
		['truncated', (body: string) => opensslHmacHex(SECRET, body).slice(0, 40)],
		['not hexadecimal', (body: string) => opensslHmacHex(SECRET, body).replace(/[0-9a-f]$/, 'z')],
		['base64 instead of hex', (body: string) => Buffer.from(opensslHmacHex(SECRET, body), 'hex').toString('base64')],
	])('answers 401 "Invalid signature" and emits nothing when the signature is %s', async (_label, signatureFor) => {
		const { url, emitted } = await start();
		const body = JSON.stringify(sampleOf('case.created'));
		const response = await post(url, body, { 'content-type': 'application/json', 'x-webhook-signature': signatureFor(body) });
		expect(response.status).toBe(401);
		expect(response.json).toEqual(INVALID_SIGNATURE);
		expect(emitted).toHaveLength(0);
		expect(response.text).not.toContain(SECRET);
		expect(response.text).not.toContain(opensslHmacHex(SECRET, body));
	});

	it('accepts the digest in upper-case hex (same bytes)', async () => {
		const { url, emitted } = await start();
		const body = JSON.stringify(sampleOf('incentive.applied'));
		const upper = opensslHmacHex(SECRET, body).toUpperCase();
		expect(upper).toMatch(/[A-F]/);
		const response = await post(url, body, { 'content-type': 'application/json', 'x-webhook-signature': upper });
		expect(response.status).toBe(200);
		expect(emitted).toHaveLength(1);
	});

	it('accepts deliveries signed with the previous secret while rotating, and no other', async () => {
		const { url, emitted } = await start();
		const body = JSON.stringify(sampleOf('case.recovered'));
		expect((await post(url, body, signed(body, PREVIOUS))).status).toBe(200);
		expect((await post(url, body, signed(body, SECRET))).status).toBe(200);
		expect((await post(url, body, signed(body, 'older-than-previous'))).status).toBe(401);
		expect(emitted).toHaveLength(2);
	});

	it('stops accepting the previous secret once it is removed from the credential', async () => {
		const { url, emitted } = await start({ events: ['*'] }, { ...credentials, data: { ...credentials.data, previousSigningSecret: '' } });
		const body = JSON.stringify(sampleOf('case.recovered'));
		expect((await post(url, body, signed(body, PREVIOUS))).status).toBe(401);
		expect(emitted).toHaveLength(0);
	});

	it.each([
		['a vendor +json type', 'application/vnd.churnsaver+json'],
		['a charset parameter', 'application/json; charset=utf-8'],
	])('reads the raw body for %s', async (_label, contentType) => {
		const { url, emitted } = await start();
		const response = await post(url, SPEC_CASE_CREATED, signed(SPEC_CASE_CREATED, SECRET, contentType));
		expect(response.status).toBe(200);
		expect(emitted).toHaveLength(1);
		expect(emitted[0][0].json.id).toBe('evt_01HXXXXXXXXXXXXXXXXX');
	});

	it('reads the raw body when there is no Content-Type at all', async () => {
		const { url, emitted } = await start();
		const response = await post(url, SPEC_CASE_CREATED, { 'x-webhook-signature': opensslHmacHex(SECRET, SPEC_CASE_CREATED) });
		expect(response.status).toBe(200);
		expect(emitted).toHaveLength(1);
	});

	it('answers 400 for an authentic body that is not JSON', async () => {
		const { url, emitted } = await start();
		const response = await post(url, 'not json at all', signed('not json at all'));
		expect(response.status).toBe(400);
		expect(response.json.reason).toBe('not_json');
		expect(emitted).toHaveLength(0);
	});

	it('refuses a forged body before parsing it (non-JSON garbage gets 401, not 400)', async () => {
		const { url } = await start();
		const response = await post(url, 'not json at all', signed('something else'));
		expect(response.status).toBe(401);
		expect(response.json).toEqual(INVALID_SIGNATURE);
	});

	it.each([
		['a JSON array', '[{"event":"case.created"}]'],
		['an object without an event name', '{"id":"evt_1","timestamp":"2025-10-25T10:30:00Z","data":{}}'],
	])('answers 400 for an authentic body that is %s, whatever the invalid-payload option', async (_label, body) => {
		const { url, emitted } = await start({ events: ['*'], deliveryOptions: { invalidPayload: 'emitAsIs' } });
		const response = await post(url, body, signed(body));
		expect(response.status).toBe(400);
		expect(response.json.reason).toBe('invalid_payload');
		expect(emitted).toHaveLength(0);
	});

	it('acknowledges an unselected event with 200 and does not emit it', async () => {
		const { url, emitted } = await start({ events: ['case.created', 'case.recovered'] });
		const body = JSON.stringify(sampleOf('customer.risk_changed'));
		const response = await post(url, body, signed(body));
		expect(response.status).toBe(200);
		expect(response.json).toEqual({ received: true });
		expect(emitted).toHaveLength(0);
		// The same trigger does emit a selected one.
		const selected = JSON.stringify(sampleOf('case.recovered'));
		expect((await post(url, selected, signed(selected))).status).toBe(200);
		expect(emitted).toHaveLength(1);
	});

	it('emits an event the catalogue does not know yet when All Events is selected', async () => {
		const { url, emitted } = await start({ events: ['*'], deliveryOptions: { invalidPayload: 'reject' } });
		const body = JSON.stringify({ event: 'case.escalated', id: 'evt_2', timestamp: '2025-10-26T09:00:00Z', data: { case: { id: 'c' } } });
		const response = await post(url, body, signed(body));
		expect(response.status).toBe(200);
		expect(payloadOf(emitted[0][0].json)).toEqual(JSON.parse(body));
	});

	describe('a delivery that does not match its event schema', () => {
		const invalid = JSON.stringify({
			event: 'case.created',
			id: 'evt_invalid_1',
			timestamp: 'yesterday',
			data: { case: { status: 'active' } },
		});

		it('is refused with 400 when the option says reject', async () => {
			const { url, emitted } = await start({ events: ['*'], deliveryOptions: { invalidPayload: 'reject' } });
			const response = await post(url, invalid, signed(invalid));
			expect(response.status).toBe(400);
			expect(response.json.reason).toBe('invalid_payload');
			expect(response.json.error).toContain('data.case.id');
			expect(emitted).toHaveLength(0);
		});

		it('is emitted with its validation errors by default', async () => {
			const { url, emitted } = await start();
			const response = await post(url, invalid, signed(invalid));
			expect(response.status).toBe(200);
			const item = emitted[0][0].json;
			expect(item).toMatchObject(JSON.parse(invalid));
			expect((item._validationErrors as Array<{ path: string }>).map((issue) => issue.path).sort()).toEqual(
				['data.case.id', 'data.case.risk_level', 'data.case.user_id', 'timestamp'],
			);
		});

		it('is emitted untouched when the option says emit as is', async () => {
			const { url, emitted } = await start({ events: ['*'], deliveryOptions: { invalidPayload: 'emitAsIs' } });
			const response = await post(url, invalid, signed(invalid));
			expect(response.status).toBe(200);
			expect(payloadOf(emitted[0][0].json)).toEqual(JSON.parse(invalid));
		});
	});

	it('fails closed with 500 when the credential has no signing secret', async () => {
		const { url, emitted } = await start({ events: ['*'] }, { ...credentials, data: { ...credentials.data, signingSecret: '', previousSigningSecret: '' } });
		const body = JSON.stringify(sampleOf('case.created'));
		const response = await post(url, body, signed(body, ''));
		expect(response.status).toBe(500);
		expect(response.json.reason).toBe('not_configured');
		expect(emitted).toHaveLength(0);
	});

	it('adds redacted headers on request, and no response or log line holds a secret', async () => {
		const { url, emitted, logs } = await start({ events: ['*'], deliveryOptions: { includeHeaders: true } });
		const body = JSON.stringify(sampleOf('case.lost'));
		const responses = [
			await post(url, body, { ...signed(body), authorization: `Bearer ${credentials.data.apiKey}` }),
			await post(url, body, signed(body, 'wrong')),
			await post(url, body, { 'content-type': 'application/json' }),
			await post(url, 'not json', signed('not json')),
		];
		expect(responses.map((response) => response.status)).toEqual([200, 401, 400, 400]);

		const headers = emitted[0][0].json._headers as Record<string, string>;
		expect(headers['x-webhook-signature']).toBe('[redacted]');
		expect(headers.authorization).toBe('[redacted]');
		expect(headers['content-type']).toBe('application/json');

		const expectedSignature = opensslHmacHex(SECRET, body);
		const everything = [...responses.map((response) => response.text), JSON.stringify(logs), JSON.stringify(emitted)].join('\n');
		for (const secret of [SECRET, PREVIOUS, credentials.data.apiKey, expectedSignature]) {
			expect(everything).not.toContain(secret);
		}
		// The refusals were logged, so the absence of secrets above means something.
		expect(logs.filter((line) => line.message.includes('Churn Saver webhook refused'))).toHaveLength(3);
	});
});
