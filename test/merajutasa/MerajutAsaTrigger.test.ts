/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test code runs under jest on a developer machine, not inside n8n */
import type { INodeProperties } from 'n8n-workflow';

import { MerajutAsaApi } from '../../credentials/MerajutAsaApi.credentials';
import { MerajutAsaTrigger } from '../../nodes/MerajutAsa/MerajutAsaTrigger.node';
import { merajutAsa } from '../../nodes/MerajutAsa/definition';
import { post, type PostResult } from '../support/post';
import { opensslHmacHex } from '../support/sign';
import { startTriggerHarness, type TriggerHarness } from '../support/triggerHarness';
import { payloadOf } from '../support/providers';

const SECRET = 'merajutasa-current-secret';
const PREVIOUS = 'merajutasa-previous-secret';
const API_KEY = 'merajutasa-api-key';
const credentialData = {
	baseUrl: 'http://127.0.0.1:1',
	apiKey: API_KEY,
	subscriptionsPath: '/api/webhooks',
	signingSecret: SECRET,
	previousSigningSecret: PREVIOUS,
};
const credentials = { type: 'merajutAsaSigningSecretApi', data: credentialData };

const TIMESTAMP_HEADER = 'x-merajutasa-timestamp';
const SIGNATURE_HEADER = 'x-merajutasa-signature';
const TOO_OLD = { error: 'Webhook timestamp too old' };
const INVALID_SIGNATURE = { error: 'Invalid webhook signature' };

/** The 13 events of MerajutASA's Webhook Integration Setup Guide, in the spec's order. */
const SPEC_EVENTS = [
	'child.education.milestone_achieved',
	'child.health.improvement_recorded',
	'child.protection.system_strengthened',
	'csr.program.milestone_achieved',
	'csr.program.budget_threshold_reached',
	'csr.program.impact_target_exceeded',
	'csr.program.sustainability_achieved',
	'volunteer.achievement.milestone_reached',
	'volunteer.team.project_completed',
	'volunteer.expertise.high_impact_contribution',
	'volunteer.innovation.solution_implemented',
	'volunteer.mentorship.career_advancement',
	'volunteer.training.certification_achieved',
];

const nowSeconds = () => Math.floor(Date.now() / 1000);

/**
 * Waits until early in a wall-clock second, so that the timestamp a test
 * computes and the server's clock read the same second even when the request
 * takes a few milliseconds: the window-edge tests are exact to the second.
 */
async function startOfSecond(): Promise<void> {
	const ms = Date.now() % 1000;
	if (ms > 400) await new Promise((resolve) => setTimeout(resolve, 1005 - ms));
}

interface SignOptions {
	timestamp?: number | string;
	secret?: string;
	prefix?: string;
	contentType?: string | null;
	/** What is signed; by default `<timestamp>.<body>` as MerajutASA does. */
	signedContent?: string;
}

/** A MerajutASA delivery's headers, the signature made by openssl over `<timestamp>.<body>`. */
function signed(body: string, options: SignOptions = {}): Record<string, string> {
	const timestamp = String(options.timestamp ?? nowSeconds());
	const hex = opensslHmacHex(options.secret ?? SECRET, options.signedContent ?? `${timestamp}.${body}`);
	const headers: Record<string, string> = {
		[TIMESTAMP_HEADER]: timestamp,
		[SIGNATURE_HEADER]: `${options.prefix ?? 'sha256='}${hex}`,
	};
	const contentType = options.contentType === undefined ? 'application/json' : options.contentType;
	if (contentType !== null) headers['content-type'] = contentType;
	return headers;
}

function sampleOf(name: string) {
	const event = merajutAsa.events.find((entry) => entry.name === name);
	if (!event) throw new Error(`no sample for ${name}`);
	return event.sample;
}

const EDUCATION = sampleOf('child.education.milestone_achieved');
const EDUCATION_BODY = JSON.stringify(EDUCATION);

describe('MerajutASA catalogue', () => {
	it('has exactly the spec’s 13 events, each with a sample of its own type that passes its schema', () => {
		expect(merajutAsa.events.map((event) => event.name)).toEqual(SPEC_EVENTS);
		for (const event of merajutAsa.events) {
			expect(event.sample.event_type).toBe(event.name);
			expect(event.schema.safeParse(event.sample).success).toBe(true);
		}
	});

	it('checks the spec’s detailed shapes but keeps fields it does not know', () => {
		const schema = merajutAsa.events[0].schema;
		const broken = { ...EDUCATION, data: { ...(EDUCATION.data as object), achievement: { type: 'academic_milestone' } } };
		expect(schema.safeParse(broken).success).toBe(false);
		const extended = { ...EDUCATION, extra: 1, data: { ...(EDUCATION.data as object), extra: true } };
		expect(schema.parse(extended)).toEqual(extended);
		// Another event type in the body is not this event's payload.
		expect(schema.safeParse({ ...EDUCATION, event_type: 'child.health.improvement_recorded' }).success).toBe(false);
	});

	it('uses event_id as the delivery ID and event_type as the event name', () => {
		expect(merajutAsa.deliveryIdOf?.({ ...EDUCATION, event_id: 'evt-42' }, {})).toBe('evt-42');
		expect(merajutAsa.eventTypeOf(EDUCATION, {})).toBe('child.education.milestone_achieved');
		expect(merajutAsa.eventTypeOf({ event: 'child.education.milestone_achieved' }, {})).toBeUndefined();
	});
});

describe('MerajutASA success reply', () => {
	it('echoes event_id only when it is the string MerajutASA sends', () => {
		const now = new Date('2026-01-01T00:00:00Z');
		const reply = (event_id: unknown) => merajutAsa.replies.accepted({ payload: { event_id }, eventType: 'x', now }).body;
		expect(reply('evt-1')).toEqual({ received: true, event_id: 'evt-1', processed_at: '2026-01-01T00:00:00.000Z' });
		expect(JSON.stringify(reply([[{ a: 1 }]]))).toBe('{"received":true,"processed_at":"2026-01-01T00:00:00.000Z"}');
	});
});

describe('MerajutASA trigger and credential description', () => {
	const description = new MerajutAsaTrigger().description;

	it('is the merajutAsaTrigger with the merajutAsaSigningSecretApi credential (merajutAsaApi to register itself) and a 300 s replay tolerance option', () => {
		expect(description.name).toBe('merajutAsaTrigger');
		expect(description.displayName).toBe('MerajutASA Trigger');
		expect(description.credentials).toEqual([
			{ name: 'merajutAsaSigningSecretApi', required: true, displayOptions: { show: { setup: ['manual'] } }, testedBy: 'signingSecretIsSet' },
			{ name: 'merajutAsaApi', required: false },
		]);
		const options = description.properties.find((property) => property.name === 'deliveryOptions');
		const tolerance = (options?.options as INodeProperties[]).find((option) => option.name === 'replayToleranceSeconds');
		expect(tolerance?.default).toBe(300);
	});

	it('has a credential with the shared field names that tests GET <baseUrl><subscriptionsPath>', () => {
		const credential = new MerajutAsaApi();
		expect(credential.name).toBe('merajutAsaApi');
		const fields = Object.fromEntries(credential.properties.map((property) => [property.name, property]));
		expect(Object.keys(fields)).toEqual(['baseUrl', 'apiKey', 'subscriptionsPath', 'signingSecret', 'previousSigningSecret']);
		expect(fields.subscriptionsPath.default).toBe('/api/webhooks');
		for (const secret of ['apiKey', 'signingSecret', 'previousSigningSecret']) {
			expect(fields[secret].typeOptions?.password).toBe(true);
		}
		expect(credential.test.request).toMatchObject({ method: 'GET', url: '={{"/" + ($credentials.subscriptionsPath || "/api/webhooks").replace(/^\\/+/, "")}}' });
		expect(credential.test.request.baseURL).toContain('$credentials.baseUrl');
		expect(credential.authenticate).toEqual({
			type: 'generic',
			properties: { headers: { Authorization: '=Bearer {{$credentials.apiKey}}' } },
		});
	});
});

describe('MerajutASA trigger', () => {
	let harness: TriggerHarness;
	afterEach(async () => harness?.close());

	const start = async (parameters: Record<string, unknown> = { events: ['*'] }, creds: unknown = credentials) => {
		harness = await startTriggerHarness({
			nodeType: new MerajutAsaTrigger(),
			parameters: parameters as never,
			credentials: creds as never,
		});
		return harness;
	};

	const expectRefused = (response: PostResult, status: number, body: Record<string, unknown>) => {
		expect({ status: response.status, body: response.json }).toEqual({ status, body });
		expect(harness.emitted).toHaveLength(0);
	};

	it.each(merajutAsa.events.map((event) => [event.name, event.sample]))(
		'emits a signed %s delivery unchanged and answers like the guide’s receiver',
		async (_name, sample) => {
			await start();
			const body = JSON.stringify(sample);
			const before = Date.now();
			const response = await post(harness.url, body, signed(body));
			expect(response.status).toBe(200);
			expect(Object.keys(response.json)).toEqual(['received', 'event_id', 'processed_at']);
			expect(response.json).toMatchObject({ received: true, event_id: sample.event_id });
			const processedAt = Date.parse(response.json.processed_at);
			expect(new Date(processedAt).toISOString()).toBe(response.json.processed_at);
			expect(processedAt).toBeGreaterThanOrEqual(before - 1);
			expect(processedAt).toBeLessThanOrEqual(Date.now() + 1);
			expect(harness.emitted).toHaveLength(1);
			expect(payloadOf(harness.emitted[0][0].json)).toEqual(sample);
		},
	);

	it.each([
		['the sha256= prefix', 'sha256='],
		['bare hex, as the guide’s receiver strips the prefix', ''],
	])('accepts a signature with %s', async (_label, prefix) => {
		await start();
		const response = await post(harness.url, EDUCATION_BODY, signed(EDUCATION_BODY, { prefix }));
		expect(response.status).toBe(200);
		expect(harness.emitted).toHaveLength(1);
	});

	it('verifies the exact bytes received, not the re-serialisation the guide’s receiver hashes', async () => {
		await start();
		const body = '{ "event_id" : "evt-1", "event_type": "csr.program.milestone_achieved",\n  "timestamp": "2025-08-01T08:00:00Z", "data": { "amount": 1.0 } }';
		const accepted = await post(harness.url, body, signed(body));
		expect(accepted.status).toBe(200);
		expect(harness.emitted[0][0].json).toMatchObject({ event_id: 'evt-1', data: { amount: 1 } });

		const timestamp = nowSeconds();
		const reserialised = `${timestamp}.${JSON.stringify(JSON.parse(body))}`;
		expect(reserialised).not.toBe(`${timestamp}.${body}`);
		const refused = await post(harness.url, body, signed(body, { timestamp, signedContent: reserialised }));
		expect(refused.status).toBe(401);
		expect(harness.emitted).toHaveLength(1);
	});

	describe('replay window', () => {
		it('answers 400 "Webhook timestamp too old" to an authentic delivery signed 301 s ago', async () => {
			await start();
			const response = await post(harness.url, EDUCATION_BODY, signed(EDUCATION_BODY, { timestamp: nowSeconds() - 301 }));
			expectRefused(response, 400, TOO_OLD);
		});

		it('answers 400 to a timestamp 301 s in the future', async () => {
			await start();
			await startOfSecond();
			const response = await post(harness.url, EDUCATION_BODY, signed(EDUCATION_BODY, { timestamp: nowSeconds() + 301 }));
			expectRefused(response, 400, TOO_OLD);
		});

		it.each([
			['299 s ago', -299],
			['299 s ahead', 299],
		])('accepts a timestamp %s, inside the 5-minute window', async (_label, offset) => {
			await start();
			await startOfSecond();
			const response = await post(harness.url, EDUCATION_BODY, signed(EDUCATION_BODY, { timestamp: nowSeconds() + offset }));
			expect(response.status).toBe(200);
			expect(harness.emitted).toHaveLength(1);
		});

		it('respects a narrower Replay Tolerance option', async () => {
			await start({ events: ['*'], deliveryOptions: { replayToleranceSeconds: 60 } });
			await startOfSecond();
			const stale = await post(harness.url, EDUCATION_BODY, signed(EDUCATION_BODY, { timestamp: nowSeconds() - 61 }));
			expectRefused(stale, 400, TOO_OLD);
			const fresh = await post(harness.url, EDUCATION_BODY, signed(EDUCATION_BODY, { timestamp: nowSeconds() - 59 }));
			expect(fresh.status).toBe(200);
			expect(harness.emitted).toHaveLength(1);
		});

		it('respects a wider Replay Tolerance option', async () => {
			await start({ events: ['*'], deliveryOptions: { replayToleranceSeconds: 900 } });
			const response = await post(harness.url, EDUCATION_BODY, signed(EDUCATION_BODY, { timestamp: nowSeconds() - 600 }));
			expect(response.status).toBe(200);
			expect(harness.emitted).toHaveLength(1);
		});

		it.each([
			['absent', undefined],
			['empty', ''],
		])('answers 400 "Missing webhook timestamp" when the timestamp header is %s', async (_label, value) => {
			await start();
			const headers = signed(EDUCATION_BODY, { signedContent: EDUCATION_BODY });
			if (value === undefined) delete headers[TIMESTAMP_HEADER];
			else headers[TIMESTAMP_HEADER] = value;
			const response = await post(harness.url, EDUCATION_BODY, headers);
			expectRefused(response, 400, { error: 'Missing webhook timestamp' });
		});

		it.each([
			['milliseconds', () => String(Date.now())],
			['an ISO date', () => new Date().toISOString()],
			['fractional seconds', () => `${nowSeconds()}.5`],
			['a negative number', () => `-${nowSeconds()}`],
		])('answers 400 to a timestamp in %s, even when correctly signed', async (_label, make) => {
			await start();
			const response = await post(harness.url, EDUCATION_BODY, signed(EDUCATION_BODY, { timestamp: make() }));
			expectRefused(response, 400, { error: 'Invalid webhook timestamp: expected Unix time in whole seconds' });
		});
	});

	describe('signature', () => {
		it('answers 401 to a signature over the body alone, without "<timestamp>."', async () => {
			await start();
			const response = await post(harness.url, EDUCATION_BODY, signed(EDUCATION_BODY, { signedContent: EDUCATION_BODY }));
			expectRefused(response, 401, INVALID_SIGNATURE);
		});

		it('answers 401 when the timestamp was changed after signing, even to one inside the window', async () => {
			await start();
			const timestamp = nowSeconds();
			const headers = signed(EDUCATION_BODY, { timestamp });
			headers[TIMESTAMP_HEADER] = String(timestamp - 1);
			const response = await post(harness.url, EDUCATION_BODY, headers);
			expectRefused(response, 401, INVALID_SIGNATURE);
		});

		it('answers 401 when the body was changed after signing', async () => {
			await start();
			const headers = signed(EDUCATION_BODY);
			const tampered = EDUCATION_BODY.replace('"child_count":25', '"child_count":250');
			expect(tampered).not.toBe(EDUCATION_BODY);
			const response = await post(harness.url, tampered, headers);
			expectRefused(response, 401, INVALID_SIGNATURE);
		});

		it.each([
			['forged with another secret', () => signed(EDUCATION_BODY, { secret: 'not-the-secret' })],
			['missing', () => {
				const headers = signed(EDUCATION_BODY);
				delete headers[SIGNATURE_HEADER];
				return headers;
			}],
			['truncated', () => {
				const headers = signed(EDUCATION_BODY);
				headers[SIGNATURE_HEADER] = headers[SIGNATURE_HEADER].slice(0, 40);
				return headers;
			}],
			['labelled with another algorithm', () => signed(EDUCATION_BODY, { prefix: 'sha1=' })],
		])('answers 401 "Invalid webhook signature" when the signature is %s', async (_label, headersFor) => {
			await start();
			const response = await post(harness.url, EDUCATION_BODY, headersFor());
			expectRefused(response, 401, INVALID_SIGNATURE);
		});

		it('accepts the previous secret during rotation, and only while it is configured', async () => {
			await start();
			const rotated = await post(harness.url, EDUCATION_BODY, signed(EDUCATION_BODY, { secret: PREVIOUS }));
			expect(rotated.status).toBe(200);
			expect(harness.emitted).toHaveLength(1);
			await harness.close();

			await start({ events: ['*'] }, { ...credentials, data: { ...credentialData, previousSigningSecret: '' } });
			const retired = await post(harness.url, EDUCATION_BODY, signed(EDUCATION_BODY, { secret: PREVIOUS }));
			expectRefused(retired, 401, INVALID_SIGNATURE);
			const current = await post(harness.url, EDUCATION_BODY, signed(EDUCATION_BODY));
			expect(current.status).toBe(200);
		});

		it('fails closed with the guide’s retryable 500 when the credential has no signing secret', async () => {
			await start({ events: ['*'] }, { ...credentials, data: { ...credentialData, signingSecret: '', previousSigningSecret: '' } });
			const response = await post(harness.url, EDUCATION_BODY, signed(EDUCATION_BODY, { secret: '' }));
			expectRefused(response, 500, { error: 'Webhook processing failed', retry: true });
		});
	});

	describe('body', () => {
		it('answers 400 to an authentic body that is not JSON, and 401 to a forged one before parsing it', async () => {
			await start();
			const body = 'not json at all';
			expectRefused(await post(harness.url, body, signed(body)), 400, { error: 'The body is not valid UTF-8 JSON' });
			expectRefused(await post(harness.url, body, signed('something else')), 401, INVALID_SIGNATURE);
		});

		it('answers 400 to an authentic JSON body that is not an object or names no event_type', async () => {
			await start();
			const array = JSON.stringify([EDUCATION]);
			expectRefused(await post(harness.url, array, signed(array)), 400, { error: 'The body must be a JSON object' });
			const untyped = JSON.stringify({ ...EDUCATION, event_type: undefined });
			expectRefused(await post(harness.url, untyped, signed(untyped)), 400, {
				error: 'The payload does not name its event type',
			});
		});

		it('rejects a schema mismatch with 400 when asked to, and otherwise emits it with the errors', async () => {
			const payload = { ...EDUCATION, timestamp: 'yesterday', data: { ...(EDUCATION.data as object), achievement: {} } };
			const body = JSON.stringify(payload);
			await start({ events: ['*'], deliveryOptions: { invalidPayload: 'reject' } });
			const refused = await post(harness.url, body, signed(body));
			expect(refused.status).toBe(400);
			expect(refused.json.error).toContain('data.achievement.child_count');
			expect(harness.emitted).toHaveLength(0);
			await harness.close();

			await start();
			expect((await post(harness.url, body, signed(body))).status).toBe(200);
			expect(harness.emitted[0][0].json).toMatchObject(payload);
			expect(harness.emitted[0][0].json._validationErrors).toEqual(
				expect.arrayContaining([
					expect.objectContaining({ path: 'timestamp' }),
					expect.objectContaining({ path: 'data.achievement.child_count' }),
				]),
			);
		});

		it('acknowledges an unselected event with 200 and does not emit it', async () => {
			await start({ events: ['volunteer.team.project_completed'] });
			const response = await post(harness.url, EDUCATION_BODY, signed(EDUCATION_BODY));
			expect(response.status).toBe(200);
			expect(response.json).toMatchObject({ received: true, event_id: EDUCATION.event_id });
			expect(harness.emitted).toHaveLength(0);

			const selected = JSON.stringify(sampleOf('volunteer.team.project_completed'));
			expect((await post(harness.url, selected, signed(selected))).status).toBe(200);
			expect(harness.emitted).toHaveLength(1);
		});

		it.each([
			['a vendor +json Content-Type', 'application/vnd.merajutasa+json'],
			['a charset parameter', 'application/json; charset=utf-8'],
			['no Content-Type at all', null],
		])('reads and verifies the raw body with %s', async (_label, contentType) => {
			await start();
			const headers = signed(EDUCATION_BODY, { contentType });
			expect('content-type' in headers).toBe(contentType !== null);
			const response = await post(harness.url, EDUCATION_BODY, headers);
			expect(response.status).toBe(200);
			expect(harness.emitted).toHaveLength(1);
			expect(payloadOf(harness.emitted[0][0].json)).toEqual(EDUCATION);
		});
	});

	it('redacts the signature in _headers and never puts a secret in a response or a log', async () => {
		await start({ events: ['*'], deliveryOptions: { includeHeaders: true } });
		const timestamp = nowSeconds();
		const responses = [
			await post(harness.url, EDUCATION_BODY, { ...signed(EDUCATION_BODY, { timestamp }), authorization: `Bearer ${API_KEY}` }),
			await post(harness.url, EDUCATION_BODY, signed(EDUCATION_BODY, { secret: 'wrong' })),
			await post(harness.url, EDUCATION_BODY, signed(EDUCATION_BODY, { timestamp: timestamp - 1000 })),
			await post(harness.url, 'not json', signed('not json')),
		];
		expect(responses.map((response) => response.status)).toEqual([200, 401, 400, 400]);

		const headers = harness.emitted[0][0].json._headers as Record<string, string>;
		expect(headers[SIGNATURE_HEADER]).toBe('[redacted]');
		expect(headers.authorization).toBe('[redacted]');
		expect(headers[TIMESTAMP_HEADER]).toBe(String(timestamp));

		const expected = opensslHmacHex(SECRET, `${timestamp}.${EDUCATION_BODY}`);
		const seen = JSON.stringify([harness.logs, responses.map((response) => response.text), harness.emitted]);
		for (const secret of [SECRET, PREVIOUS, API_KEY, expected]) expect(seen).not.toContain(secret);
		expect(harness.logs.filter((line) => line.message.includes('refused'))).toHaveLength(3);
	});
});
