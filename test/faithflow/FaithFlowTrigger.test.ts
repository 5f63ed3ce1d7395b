/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test code runs under jest on a developer machine, not inside n8n */
import type { ICredentialTestRequest, INodeProperties } from 'n8n-workflow';

import { FaithFlowApi } from '../../credentials/FaithFlowApi.credentials';
import { FaithFlowTrigger } from '../../nodes/FaithFlow/FaithFlowTrigger.node';
import { faithFlow } from '../../nodes/FaithFlow/definition';
import { post, type PostResult } from '../support/post';
import { opensslHmacHex } from '../support/sign';
import { startTriggerHarness, type TriggerHarness } from '../support/triggerHarness';
import { SPEC_BODIES, TEST_MESSAGE } from './support/spec';
import { payloadOf } from '../support/providers';

/**
 * Expectations are written out from the FaithFlow Enterprise Webhook Integration Guide, not imported
 * from the code under test: bodies byte for byte, answers as the spec prints
 * them, signatures computed by openssl.
 */
const SECRET = 'TFRuCW5KkeGC_YF_wrBL-current-faithflow-secret';
const PREVIOUS = 'faithflow-previous-secret-9f3c2a';
const CHURCH = '3880a17d-f858-4622-87c2-96eaa7b25c83';
const OTHER_CHURCH = '11111111-2222-4333-8444-555555555555';
const credentials = {
	type: 'faithFlowSigningSecretApi',
	data: { baseUrl: 'http://127.0.0.1:1', apiKey: 'k', signingSecret: SECRET, previousSigningSecret: PREVIOUS },
};

/** The "Test Webhook Connection" script's body: no timestamp. */
const TEST_SCRIPT_BODY = '{"event_type":"test","church_id":"YOUR_CHURCH_ID"}';

const MEMBER_EVENTS = [
	['member.created', 'created', 'new-member-uuid-here'],
	['member.updated', 'updated', '8655d76b-9be0-4681-bd2c-35cd5e09a809'],
	['member.deleted', 'deleted', 'deleted-member-uuid'],
] as const;

const PYTHON_UTC_ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$/;

const EXACT = {
	missingSignature: '{"detail":"Missing webhook signature"}',
	invalidSignature: '{"detail":"Invalid webhook signature"}',
	missingCampus: '{"detail":"Missing campus_id in payload"}',
	notConfigured: '{"detail":"Sync not configured for this campus"}',
	disabled: '{"detail":"Sync is disabled for this campus"}',
	receiverNotConfigured: '{"detail":"Webhook receiver is not configured"}',
};

function signed(body: string, secret = SECRET, contentType: string | undefined = 'application/json') {
	return {
		...(contentType === undefined ? {} : { 'content-type': contentType }),
		'x-webhook-signature': opensslHmacHex(secret, body),
	};
}

function member(eventType: string, fields: Record<string, unknown> = {}): string {
	return JSON.stringify({ event_type: eventType, church_id: CHURCH, member_id: 'm-1', ...fields });
}

function expectTestAnswer(response: PostResult, before: number, after: number) {
	expect(response.status).toBe(200);
	expect(Object.keys(response.json)).toEqual(['success', 'message', 'timestamp']);
	expect(response.json.success).toBe(true);
	expect(response.json.message).toBe(TEST_MESSAGE);
	expect(response.json.timestamp).toMatch(PYTHON_UTC_ISO);
	const answeredAt = Date.parse(response.json.timestamp);
	expect(answeredAt).toBeGreaterThanOrEqual(before);
	expect(answeredAt).toBeLessThanOrEqual(after);
}

describe('FaithFlow trigger', () => {
	let harness: TriggerHarness;
	afterEach(async () => harness?.close());

	const start = async (parameters: Record<string, unknown> = { events: ['*'] }, creds: unknown = credentials) => {
		harness = await startTriggerHarness({
			nodeType: new FaithFlowTrigger(),
			parameters: parameters as never,
			credentials: creds as never,
		});
		return harness;
	};

	describe('catalogue', () => {
		it('samples are the spec examples, byte for byte once compacted, and pass their schemas', () => {
			const all = [...faithFlow.events, ...(faithFlow.connectionTestEvents ?? [])];
			expect(all.map((event) => event.name)).toEqual([
				'member.created',
				'member.updated',
				'member.deleted',
				'test',
				'ping',
			]);
			for (const event of all) {
				expect(JSON.stringify(event.sample)).toBe(SPEC_BODIES[event.name as keyof typeof SPEC_BODIES]);
				expect(event.schema.safeParse(event.sample).success).toBe(true);
			}
		});

		it('schemas require church_id or campus_id, and member_id for member events only', () => {
			const updated = faithFlow.events.find((event) => event.name === 'member.updated')!.schema;
			const test = faithFlow.connectionTestEvents!.find((event) => event.name === 'test')!.schema;
			expect(updated.safeParse({ event_type: 'member.updated', member_id: 'm' }).success).toBe(false);
			expect(updated.safeParse({ event_type: 'member.updated', campus_id: 'c' }).success).toBe(false);
			expect(updated.safeParse({ event_type: 'member.updated', campus_id: 'c', member_id: 'm', extra: 1 }).success).toBe(true);
			expect(updated.safeParse({ event_type: 'member.updated', church_id: 'c', member_id: 'm', timestamp: 'yesterday' }).success).toBe(false);
			expect(test.safeParse(JSON.parse(TEST_SCRIPT_BODY)).success).toBe(true);
		});
	});

	describe('member events', () => {
		it.each(MEMBER_EVENTS)('emits the spec example of %s unchanged and answers like FaithTracker', async (name, action, memberId) => {
			await start();
			const body = SPEC_BODIES[name];
			const response = await post(harness.url, body, signed(body));
			expect(response.status).toBe(200);
			expect(response.json).toStrictEqual({ success: true, message: `Member ${action}: ${memberId}`, member_id: memberId });
			expect(harness.emitted).toHaveLength(1);
			expect(payloadOf(harness.emitted[0][0].json)).toStrictEqual(JSON.parse(body));
		});

		it('names the member in the answer when the delivery carries a name', async () => {
			await start();
			const body = member('member.updated', { member_id: '8655d76b-9be0-4681-bd2c-35cd5e09a809', name: 'SUMARNI NINGSIH' });
			const response = await post(harness.url, body, signed(body));
			expect(response.json).toStrictEqual({
				success: true,
				message: 'Member updated: SUMARNI NINGSIH',
				member_id: '8655d76b-9be0-4681-bd2c-35cd5e09a809',
			});
		});

		it('accepts campus_id instead of church_id', async () => {
			await start();
			const body = '{"event_type":"member.updated","campus_id":"campus-42","member_id":"m-7"}';
			const response = await post(harness.url, body, signed(body));
			expect(response.status).toBe(200);
			expect(response.json.member_id).toBe('m-7');
			expect(payloadOf(harness.emitted[0][0].json)).toStrictEqual({ event_type: 'member.updated', campus_id: 'campus-42', member_id: 'm-7' });
		});

		it('acknowledges an unselected event with its success answer and does not emit it', async () => {
			await start({ events: ['member.created'] });
			const body = SPEC_BODIES['member.deleted'];
			const response = await post(harness.url, body, signed(body));
			expect(response.status).toBe(200);
			expect(response.json.message).toBe('Member deleted: deleted-member-uuid');
			expect(harness.emitted).toHaveLength(0);
		});
	});

	describe('connection tests', () => {
		it.each(['test', 'ping'] as const)('answers %s with the test body and does not emit it by default', async (name) => {
			await start();
			const body = SPEC_BODIES[name];
			const before = Date.now();
			const response = await post(harness.url, body, signed(body));
			expectTestAnswer(response, before, Date.now());
			expect(harness.emitted).toHaveLength(0);
		});

		it('answers the spec test script (no timestamp) with success', async () => {
			await start();
			const before = Date.now();
			const response = await post(harness.url, TEST_SCRIPT_BODY, signed(TEST_SCRIPT_BODY));
			expectTestAnswer(response, before, Date.now());
		});

		it.each(['test', 'ping'] as const)('emits %s when Emit Connection Tests is on, whatever events are selected', async (name) => {
			await start({ events: ['member.created'], deliveryOptions: { emitConnectionTests: true } });
			const body = SPEC_BODIES[name];
			const before = Date.now();
			const response = await post(harness.url, body, signed(body));
			expectTestAnswer(response, before, Date.now());
			expect(harness.emitted).toHaveLength(1);
			expect(payloadOf(harness.emitted[0][0].json)).toStrictEqual(JSON.parse(body));
		});
	});

	describe('signature', () => {
		it('answers a missing signature with the exact 401 and emits nothing', async () => {
			await start();
			const body = SPEC_BODIES['member.updated'];
			const response = await post(harness.url, body, { 'content-type': 'application/json' });
			expect(response.status).toBe(401);
			expect(response.text).toBe(EXACT.missingSignature);
			expect(harness.emitted).toHaveLength(0);
		});

		it.each([
			['forged with another secret', (body: string) => opensslHmacHex('not-the-secret', body)],
			['prefixed with sha256= (the right digest)', (body: string) => `sha256=${opensslHmacHex(SECRET, body)}`],
			['truncated', (body: string) => opensslHmacHex(SECRET, body).slice(0, 40)],
			['not hex', () => 'z'.repeat(64)],
			[
				'made over the same payload with extra spaces',
				() => opensslHmacHex(SECRET, SPEC_BODIES['member.updated'].replace(/([:,])/g, '$1 ')),
			],
		])('answers the exact 401 "Invalid webhook signature" when %s', async (_label, signatureFor) => {
			await start();
			const body = SPEC_BODIES['member.updated'];
			const response = await post(harness.url, body, {
				'content-type': 'application/json',
				'x-webhook-signature': signatureFor(body),
			});
			expect(response.status).toBe(401);
			expect(response.text).toBe(EXACT.invalidSignature);
			expect(harness.emitted).toHaveLength(0);
		});

		it('checks the signature before the payload (forged, campus-less garbage gets 401)', async () => {
			await start();
			const response = await post(harness.url, '{"event_type":"member.updated"}', signed('something else'));
			expect(response.status).toBe(401);
			expect(response.text).toBe(EXACT.invalidSignature);
		});

		it('accepts the previous secret during rotation, and the current one', async () => {
			await start();
			const body = SPEC_BODIES['member.created'];
			expect((await post(harness.url, body, signed(body, PREVIOUS))).status).toBe(200);
			expect((await post(harness.url, body, signed(body, SECRET))).status).toBe(200);
			expect((await post(harness.url, body, signed(body, 'retired-secret'))).status).toBe(401);
			expect(harness.emitted).toHaveLength(2);
		});

		it('fails closed with the exact 500 when the credential has no signing secret', async () => {
			await start({ events: ['*'] }, { type: 'faithFlowSigningSecretApi', data: { signingSecret: '' } });
			const body = SPEC_BODIES['member.updated'];
			const response = await post(harness.url, body, signed(body, 'anything'));
			expect(response.status).toBe(500);
			expect(response.text).toBe(EXACT.receiverNotConfigured);
			expect(harness.emitted).toHaveLength(0);
		});
	});

	describe('payload', () => {
		it('answers the exact 400 when neither church_id nor campus_id is present', async () => {
			await start();
			const body = '{"event_type":"member.updated","member_id":"m-1"}';
			const response = await post(harness.url, body, signed(body));
			expect(response.status).toBe(400);
			expect(response.text).toBe(EXACT.missingCampus);
			expect(harness.emitted).toHaveLength(0);
		});

		it.each([
			['no event_type', '{"church_id":"c-1","member_id":"m-1"}', 'Missing event_type in payload'],
			['a member event without member_id', '{"event_type":"member.updated","church_id":"c-1"}', 'Missing member_id in payload'],
			['a body that is not JSON', 'event_type=member.updated', 'Invalid JSON payload'],
		])('answers 400 {"detail": ...} for %s', async (_label, body, detail) => {
			await start();
			const response = await post(harness.url, body, signed(body));
			expect(response.status).toBe(400);
			expect(response.json).toStrictEqual({ detail });
			expect(harness.emitted).toHaveLength(0);
		});

		it('rejects a schema mismatch with 400 when asked to, otherwise emits it with the errors', async () => {
			const body = member('member.updated', { timestamp: 'yesterday' });
			await start({ events: ['*'], deliveryOptions: { invalidPayload: 'reject' } });
			const refused = await post(harness.url, body, signed(body));
			expect(refused.status).toBe(400);
			expect(refused.json.detail).toContain('timestamp');
			await harness.close();
			await start();
			expect((await post(harness.url, body, signed(body))).status).toBe(200);
			expect(harness.emitted[0][0].json._validationErrors).toEqual([expect.objectContaining({ path: 'timestamp' })]);
		});

		it.each([
			['a vendor +json type', 'application/vnd.faithflow+json'],
			['a charset parameter', 'application/json; charset=utf-8'],
			['no Content-Type at all', undefined],
		])('reads the raw body for %s', async (_label, contentType) => {
			await start();
			const body = SPEC_BODIES['member.updated'];
			const response = await post(harness.url, body, signed(body, SECRET, contentType));
			expect(response.status).toBe(200);
			expect(harness.emitted).toHaveLength(1);
			expect(payloadOf(harness.emitted[0][0].json)).toStrictEqual(JSON.parse(body));
		});
	});

	describe('campus options', () => {
		it('accepts a listed campus, by church_id or campus_id, in any case', async () => {
			await start({ events: ['*'], deliveryOptions: { campusIds: `${OTHER_CHURCH}, ${CHURCH.toUpperCase()}\ncampus-42` } });
			const first = SPEC_BODIES['member.updated'];
			const second = '{"event_type":"member.created","campus_id":"Campus-42","member_id":"m-2"}';
			expect((await post(harness.url, first, signed(first))).status).toBe(200);
			expect((await post(harness.url, second, signed(second))).status).toBe(200);
			expect(harness.emitted).toHaveLength(2);
		});

		it.each([
			['a member event', SPEC_BODIES['member.updated']],
			['a test event', SPEC_BODIES.test],
		])('answers the exact 404 for %s from a campus not listed', async (_label, body) => {
			await start({ events: ['*'], deliveryOptions: { campusIds: OTHER_CHURCH, emitConnectionTests: true } });
			const response = await post(harness.url, body, signed(body));
			expect(response.status).toBe(404);
			expect(response.text).toBe(EXACT.notConfigured);
			expect(harness.emitted).toHaveLength(0);
		});

		it('answers member events with the exact 403 while sync is paused', async () => {
			await start({ events: ['*'], deliveryOptions: { pauseSync: true } });
			for (const [name] of MEMBER_EVENTS) {
				const body = SPEC_BODIES[name];
				const response = await post(harness.url, body, signed(body));
				expect(response.status).toBe(403);
				expect(response.text).toBe(EXACT.disabled);
			}
			expect(harness.emitted).toHaveLength(0);
		});

		it('still answers test and ping with success while sync is paused', async () => {
			await start({ events: ['*'], deliveryOptions: { pauseSync: true, emitConnectionTests: true } });
			for (const name of ['test', 'ping'] as const) {
				const body = SPEC_BODIES[name];
				const before = Date.now();
				expectTestAnswer(await post(harness.url, body, signed(body)), before, Date.now());
			}
			expect(harness.emitted).toHaveLength(2);
		});

		it('checks the campus before the pause (unknown campus while paused is 404)', async () => {
			await start({ events: ['*'], deliveryOptions: { pauseSync: true, campusIds: OTHER_CHURCH } });
			const body = SPEC_BODIES['member.updated'];
			const response = await post(harness.url, body, signed(body));
			expect(response.status).toBe(404);
			expect(response.text).toBe(EXACT.notConfigured);
		});
	});

	describe('secrecy', () => {
		it('never puts a secret or the expected signature into a response, an item or a log', async () => {
			await start({ events: ['*'], deliveryOptions: { includeHeaders: true } });
			const body = SPEC_BODIES['member.updated'];
			const texts: string[] = [];
			const attempts: Array<Record<string, string>> = [
				signed(body),
				signed(body, 'wrong'),
				{ 'content-type': 'application/json', 'x-webhook-signature': `sha256=${opensslHmacHex(SECRET, body)}` },
				{ 'content-type': 'application/json' },
			];
			for (const headers of attempts) texts.push((await post(harness.url, body, headers)).text);
			const expectedSignature = opensslHmacHex(SECRET, body);
			const headers = harness.emitted[0][0].json._headers as Record<string, string>;
			expect(headers['x-webhook-signature']).toBe('[redacted]');
			expect(headers['content-type']).toBe('application/json');
			const everything = JSON.stringify({ texts, logs: harness.logs, items: harness.emitted });
			for (const secret of [SECRET, PREVIOUS, expectedSignature]) expect(everything).not.toContain(secret);
			expect(harness.logs.some((line) => line.message.includes('refused'))).toBe(true);
		});
	});

	describe('node and credential', () => {
		const description = new FaithFlowTrigger().description;

		it('offers the member events, the campus options and the connection-test option', () => {
			const events = description.properties.find((property) => property.name === 'events');
			expect((events?.options as Array<{ value: string }>).map((option) => option.value)).toEqual([
				'*',
				'member.created',
				'member.updated',
				'member.deleted',
			]);
			const options = description.properties.find((property) => property.name === 'deliveryOptions')?.options as INodeProperties[];
			const byName = Object.fromEntries(options.map((option) => [option.name, option]));
			expect(byName.campusIds).toMatchObject({ displayName: 'Campus IDs', type: 'string', default: '' });
			expect(byName.pauseSync).toMatchObject({ displayName: 'Pause Sync', type: 'boolean', default: false });
			expect(byName.emitConnectionTests).toMatchObject({ type: 'boolean', default: false });
			expect(description.credentials).toEqual([
				{ name: 'faithFlowSigningSecretApi', required: true, testedBy: 'signingSecretIsSet' },
				{ name: 'faithFlowApi', required: false },
			]);
		});

		it('has the shared credential fields, secrets hidden, and a Bearer member-list test', () => {
			const credential = new FaithFlowApi();
			expect(credential.name).toBe('faithFlowApi');
			expect(credential.displayName).toBe('FaithFlow API');
			const fields = Object.fromEntries(credential.properties.map((property) => [property.name, property]));
			// The signing secrets live in the FaithFlow Signing Secret credential: this one is for the core API only.
			expect(Object.keys(fields)).toEqual(['baseUrl', 'apiKey']);
			for (const secret of ['apiKey']) {
				expect(fields[secret].typeOptions?.password).toBe(true);
			}
			expect(credential.authenticate).toEqual({
				type: 'generic',
				properties: { headers: { Authorization: '=Bearer {{$credentials.apiKey}}' } },
			});
			const test = credential.test as ICredentialTestRequest;
			expect(test.request).toMatchObject({ url: '/api/members', method: 'GET', qs: { limit: 1 } });
		});
	});
});
