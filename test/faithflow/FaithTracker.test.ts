/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @typescript-eslint/no-explicit-any -- test code runs under jest on a developer machine, not inside n8n */
import { NodeApiError, NodeOperationError, type INodeParameters, type INodeProperties } from 'n8n-workflow';

import { FaithTrackerApi } from '../../credentials/FaithTrackerApi.credentials';
import { FaithTracker } from '../../nodes/FaithFlow/FaithTracker/FaithTracker.node';
import { pythonCompactJson } from '../../nodes/FaithFlow/FaithTracker/pythonJson';
import { tryAction, type ActionRun } from '../support/actionHarness';
import { runCredentialTest } from '../support/credentialTestHarness';
import { opensslHmacHex } from '../support/sign';
import {
	closedOrigin,
	startFakeFaithTracker,
	startHeaderStrippingProxy,
	startServer,
	type FakeFaithTracker,
} from './support/fakes';
import { SPEC_BODIES, TEST_MESSAGE } from './support/spec';

/**
 * The FaithTracker action against a fake FaithTracker that checks signatures
 * with its own HMAC. Expected bytes are written out from
 * The FaithFlow Enterprise Webhook Integration Guide (`json.dumps(payload, separators=(',', ':'))`),
 * signatures come from openssl.
 */
const SECRET = 'TFRuCW5KkeGC_YF_wrBL-faithtracker-secret';
const CHURCH = '3880a17d-f858-4622-87c2-96eaa7b25c83';
const PAUSED_CHURCH = '11111111-2222-4333-8444-555555555555';
const UNICODE_CHURCH = 'Gereja Kristus éè';
const UNICODE_MEMBER = 'anggota-Überg-你好-😀';
const TIMESTAMP = '2025-11-20T01:40:00Z';

/** Printed by CPython 3 for the same payload (ensure_ascii=True: \uXXXX, surrogate pairs for astral characters). */
const PYTHON_UNICODE_BODY =
	'{"event_type":"member.updated","church_id":"Gereja Kristus \\u00e9\\u00e8","member_id":"anggota-\\u00dcberg-\\u4f60\\u597d-\\ud83d\\ude00","timestamp":"2025-11-20T01:40:00Z"}';

const MEMBER_EVENTS = [
	['member.created', 'new-member-uuid-here', 'Member created: NEW MEMBER'],
	['member.updated', '8655d76b-9be0-4681-bd2c-35cd5e09a809', 'Member updated: SUMARNI NINGSIH'],
	['member.deleted', 'deleted-member-uuid', 'Member deleted: deleted-member-uuid'],
] as const;

let tracker: FakeFaithTracker;
beforeAll(async () => {
	tracker = await startFakeFaithTracker({
		secret: SECRET,
		campuses: { [CHURCH]: { enabled: true }, [PAUSED_CHURCH]: { enabled: false }, [UNICODE_CHURCH]: { enabled: true } },
		members: {
			'8655d76b-9be0-4681-bd2c-35cd5e09a809': 'SUMARNI NINGSIH',
			'new-member-uuid-here': 'NEW MEMBER',
			[UNICODE_MEMBER]: 'ÜBERG',
		},
	});
});
afterAll(async () => tracker.close());
beforeEach(() => {
	tracker.received.length = 0;
});

function credentialData(overrides: Record<string, string> = {}) {
	return { webhookUrl: tracker.webhookUrl, webhookSecret: SECRET, churchId: '', ...overrides };
}

function send(parameters: INodeParameters, options: { credential?: Record<string, string>; items?: any[]; continueOnFail?: boolean } = {}) {
	return tryAction({
		nodeType: new FaithTracker(),
		parameters,
		credentialType: new FaithTrackerApi(),
		credentials: options.credential ?? credentialData(),
		items: options.items,
		continueOnFail: options.continueOnFail,
	});
}

function memberEvent(event: string, memberId: string, extra: INodeParameters = {}): INodeParameters {
	return { resource: 'memberEvent', operation: 'send', event, memberId, churchId: CHURCH, options: { timestamp: TIMESTAMP }, ...extra };
}

function expectNoSecret(run: ActionRun, secret = SECRET) {
	const text = JSON.stringify({ output: run.output, error: run.error, message: run.error?.message, description: run.error?.description, logs: run.logs });
	expect(text).not.toContain(secret);
}

describe('FaithTracker action: member events', () => {
	it.each(MEMBER_EVENTS)('sends %s as the spec example, byte for byte, signed as openssl signs it', async (event, memberId, message) => {
		const run = await send(memberEvent(event, memberId));
		expect(run.error).toBeUndefined();

		expect(tracker.received).toHaveLength(1);
		const request = tracker.received[0];
		const expected = SPEC_BODIES[event];
		expect(request.method).toBe('POST');
		expect(request.url).toBe('/api/sync/webhook');
		expect(request.raw.toString('utf8')).toBe(expected);
		expect(request.headers['content-type']).toBe('application/json');
		expect(request.headers['x-webhook-signature']).toBe(opensslHmacHex(SECRET, expected));
		expect(request.headers['x-webhook-signature']).toMatch(/^[0-9a-f]{64}$/);
		// "Header: X-Webhook-Signature (case-sensitive)": spelled that way on the wire.
		expect(request.headerNames).toContain('X-Webhook-Signature');

		expect(run.output).toEqual([{ json: { success: true, message, member_id: memberId }, pairedItem: { item: 0 } }]);
	});

	it('escapes non-ASCII exactly as Python does, and signs those bytes', async () => {
		const run = await send(memberEvent('member.updated', UNICODE_MEMBER, { churchId: UNICODE_CHURCH }));
		expect(run.error).toBeUndefined();
		const raw = tracker.received[0].raw;
		expect(raw.toString('utf8')).toBe(PYTHON_UNICODE_BODY);
		expect([...raw].every((byte) => byte < 0x80)).toBe(true);
		expect(tracker.received[0].headers['x-webhook-signature']).toBe(opensslHmacHex(SECRET, PYTHON_UNICODE_BODY));
		// FaithTracker decodes the escapes back to the same member.
		expect(run.output?.[0].json).toEqual({ success: true, message: 'Member updated: ÜBERG', member_id: UNICODE_MEMBER });
	});

	it('stamps the current UTC time in the spec style when no timestamp is given', async () => {
		const before = Math.floor(Date.now() / 1000) * 1000;
		await send({ resource: 'memberEvent', operation: 'send', event: 'member.updated', memberId: '8655d76b-9be0-4681-bd2c-35cd5e09a809', churchId: CHURCH });
		const after = Date.now();
		const body = JSON.parse(tracker.received[0].raw.toString('utf8'));
		expect(Object.keys(body)).toEqual(['event_type', 'church_id', 'member_id', 'timestamp']);
		expect(body.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
		expect(Date.parse(body.timestamp)).toBeGreaterThanOrEqual(before);
		expect(Date.parse(body.timestamp)).toBeLessThanOrEqual(after);
	});

	it('passes an ISO timestamp with an offset through unchanged and refuses one that is not ISO 8601', async () => {
		await send(memberEvent('member.deleted', 'deleted-member-uuid', { options: { timestamp: '2025-11-20T08:40:00+07:00' } }));
		expect(JSON.parse(tracker.received[0].raw.toString('utf8')).timestamp).toBe('2025-11-20T08:40:00+07:00');
		const run = await send(memberEvent('member.deleted', 'deleted-member-uuid', { options: { timestamp: 'yesterday' } }));
		expect(run.error).toBeInstanceOf(NodeOperationError);
		expect(run.error?.message).toBe('The timestamp is not an ISO 8601 date and time');
		expect(tracker.received).toHaveLength(1);
	});

	it("uses the credential's Church ID when the node has none, and campus_id when asked", async () => {
		const run = await send(
			{ resource: 'memberEvent', operation: 'send', event: 'member.updated', memberId: '8655d76b-9be0-4681-bd2c-35cd5e09a809', options: { timestamp: TIMESTAMP, idField: 'campus_id' } },
			{ credential: credentialData({ churchId: ` ${CHURCH} ` }) },
		);
		expect(run.error).toBeUndefined();
		expect(tracker.received[0].raw.toString('utf8')).toBe(
			'{"event_type":"member.updated","campus_id":"3880a17d-f858-4622-87c2-96eaa7b25c83","member_id":"8655d76b-9be0-4681-bd2c-35cd5e09a809","timestamp":"2025-11-20T01:40:00Z"}',
		);
	});

	it('sends one request per item, each paired with its item, with values from expressions', async () => {
		const run = await send(memberEvent('member.updated', '={{ $json.id }}'), {
			items: [{ json: { id: '8655d76b-9be0-4681-bd2c-35cd5e09a809' } }, { json: { id: 'new-member-uuid-here' } }],
		});
		expect(run.error).toBeUndefined();
		expect(tracker.received.map((request) => JSON.parse(request.raw.toString('utf8')).member_id)).toEqual([
			'8655d76b-9be0-4681-bd2c-35cd5e09a809',
			'new-member-uuid-here',
		]);
		expect(run.output?.map((item) => [item.json.message, item.pairedItem])).toEqual([
			['Member updated: SUMARNI NINGSIH', { item: 0 }],
			['Member updated: NEW MEMBER', { item: 1 }],
		]);
	});

	it('refuses a member event without a member ID before sending anything', async () => {
		const run = await send(memberEvent('member.updated', '  '));
		expect(run.error).toBeInstanceOf(NodeOperationError);
		expect(run.error?.message).toBe('A member ID is required for member events');
		expect(tracker.received).toHaveLength(0);
	});
});

describe('FaithTracker action: connection test', () => {
	it("sends the spec's test event and returns FaithTracker's answer", async () => {
		const run = await send({ resource: 'connection', operation: 'test', churchId: CHURCH, options: { timestamp: TIMESTAMP } });
		expect(run.error).toBeUndefined();
		expect(tracker.received[0].raw.toString('utf8')).toBe(SPEC_BODIES.test);
		expect(tracker.received[0].headers['x-webhook-signature']).toBe(opensslHmacHex(SECRET, SPEC_BODIES.test));
		expect(run.output?.[0].json).toEqual({ success: true, message: TEST_MESSAGE, timestamp: expect.any(String) });
	});
});

describe('FaithTracker action: documented errors', () => {
	const cases: Array<[string, () => Promise<ActionRun>, string, string, RegExp]> = [
		[
			'401 invalid signature (wrong secret)',
			() => send(memberEvent('member.updated', '8655d76b-9be0-4681-bd2c-35cd5e09a809'), { credential: credentialData({ webhookSecret: 'not-the-faithtracker-secret' }) }),
			'Invalid webhook signature',
			'401',
			/Webhook Secret is exactly the one in FaithTracker.*case-sensitive/,
		],
		[
			'400 missing campus_id (no Church ID on the node or the credential)',
			() => send(memberEvent('member.updated', '8655d76b-9be0-4681-bd2c-35cd5e09a809', { churchId: '' })),
			'Missing campus_id in payload',
			'400',
			/Set the Church ID/,
		],
		[
			'404 sync not configured (unknown church)',
			() => send(memberEvent('member.updated', '8655d76b-9be0-4681-bd2c-35cd5e09a809', { churchId: 'no-such-church' })),
			'Sync not configured for this campus',
			'404',
			/configure sync under Settings > API Sync.*core_church_id/,
		],
		[
			'403 sync disabled',
			() => send(memberEvent('member.updated', '8655d76b-9be0-4681-bd2c-35cd5e09a809', { churchId: PAUSED_CHURCH })),
			'Sync is disabled for this campus',
			'403',
			/Enable Member Data Sync/,
		],
		[
			'404 member not found',
			() => send(memberEvent('member.updated', 'no-such-member')),
			'Member not found',
			'404',
			/member ID is correct.*GET \/api\/members\/\{member_id\}/,
		],
	];

	it.each(cases)('turns %s into a NodeApiError with the spec detail', async (_label, run, detail, httpCode, advice) => {
		const result = await run();
		expect(result.output).toBeUndefined();
		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error?.message).toBe(detail);
		expect(result.error?.httpCode).toBe(httpCode);
		expect(result.error?.description).toMatch(advice);
		expect(result.error?.context?.itemIndex).toBe(0);
		expectNoSecret(result);
		expectNoSecret(result, 'not-the-faithtracker-secret');
	});

	it('turns 401 "Missing webhook signature" (a proxy dropped the header) into a NodeApiError that says so', async () => {
		const proxy = await startHeaderStrippingProxy(tracker.origin, 'x-webhook-signature');
		try {
			const result = await send(memberEvent('member.updated', '8655d76b-9be0-4681-bd2c-35cd5e09a809'), {
				credential: credentialData({ webhookUrl: `${proxy.origin}/api/sync/webhook` }),
			});
			expect(result.error).toBeInstanceOf(NodeApiError);
			expect(result.error?.message).toBe('Missing webhook signature');
			expect(result.error?.httpCode).toBe('401');
			expect(result.error?.description).toMatch(/proxy or gateway/);
			expectNoSecret(result);
		} finally {
			await proxy.close();
		}
	});

	it('continueOnFail turns a refusal into an item with error, description and httpCode, paired with its item', async () => {
		const run = await send(memberEvent('member.updated', '8655d76b-9be0-4681-bd2c-35cd5e09a809', { churchId: '={{ $json.church }}' }), {
			items: [{ json: { church: CHURCH } }, { json: { church: PAUSED_CHURCH } }, { json: { church: CHURCH } }],
			continueOnFail: true,
		});
		expect(run.error).toBeUndefined();
		expect(run.output).toHaveLength(3);
		expect(run.output?.[0]).toEqual({ json: expect.objectContaining({ success: true }), pairedItem: { item: 0 } });
		expect(run.output?.[1]).toEqual({
			json: { error: 'Sync is disabled for this campus', description: expect.stringMatching(/Enable Member Data Sync/), httpCode: '403' },
			pairedItem: { item: 1 },
		});
		expect(run.output?.[2].pairedItem).toEqual({ item: 2 });
		expectNoSecret(run);
	});

	it('without continueOnFail stops at the failing item and names it', async () => {
		const run = await send(memberEvent('member.updated', '8655d76b-9be0-4681-bd2c-35cd5e09a809', { churchId: '={{ $json.church }}' }), {
			items: [{ json: { church: CHURCH } }, { json: { church: 'unknown' } }],
		});
		expect(run.error).toBeInstanceOf(NodeApiError);
		expect(run.error?.context?.itemIndex).toBe(1);
		expect(tracker.received).toHaveLength(2);
	});

	it('says which host refused the connection, without the path or the secret', async () => {
		const origin = await closedOrigin();
		const run = await send(memberEvent('member.updated', 'm'), { credential: credentialData({ webhookUrl: `${origin}/api/sync/webhook?token=${SECRET}` }) });
		expect(run.error).toBeInstanceOf(NodeApiError);
		expect(run.error?.message).toBe('Could not connect to FaithTracker');
		expect(run.error?.description).toContain(origin);
		expectNoSecret(run);
	});

	it('reports another failure with its status, quoting no secret', async () => {
		const broken = await startServer((_request, response) => {
			response.writeHead(502, { 'content-type': 'text/html' });
			response.end(`<html>Bad gateway ${SECRET}</html>`);
		});
		try {
			const run = await send(memberEvent('member.updated', 'm'), { credential: credentialData({ webhookUrl: `${broken.origin}/api/sync/webhook` }) });
			expect(run.error).toBeInstanceOf(NodeApiError);
			expect(run.error?.message).toBe('FaithTracker answered HTTP 502');
			expect(run.error?.httpCode).toBe('502');
			expectNoSecret(run);
		} finally {
			await broken.close();
		}
	});

	it('refuses to send without a usable Webhook URL or Webhook Secret', async () => {
		const noUrl = await send(memberEvent('member.updated', 'm'), { credential: credentialData({ webhookUrl: 'faithtracker.example' }) });
		expect(noUrl.error).toBeInstanceOf(NodeOperationError);
		expect(noUrl.error?.message).toBe('The FaithTracker Webhook credential has no valid Webhook URL');
		const noSecret = await send(memberEvent('member.updated', 'm'), { credential: credentialData({ webhookSecret: '' }) });
		expect(noSecret.error?.message).toBe('The FaithTracker Webhook credential has no Webhook Secret');
		expect(tracker.received).toHaveLength(0);
	});
});

describe('FaithTracker Webhook credential', () => {
	const credential = new FaithTrackerApi();

	it('has the Webhook URL, a hidden Webhook Secret and the Church ID its test needs', () => {
		expect(credential.name).toBe('faithTrackerApi');
		const fields = Object.fromEntries(credential.properties.map((property) => [property.name, property]));
		expect(Object.keys(fields)).toEqual(['webhookUrl', 'webhookSecret', 'churchId']);
		expect(fields.webhookSecret.typeOptions?.password).toBe(true);
		expect(fields.webhookUrl.placeholder).toBe('https://your-faithtracker-domain.com/api/sync/webhook');
		expect(typeof credential.authenticate).toBe('function');
	});

	it("its test, run through n8n-core's RoutingNode as n8n's credential tester does, sends a signed test event", async () => {
		const result = await runCredentialTest(credential, credentialData({ churchId: CHURCH }));
		expect(result.ok).toBe(true);
		const body = '{"event_type":"test","church_id":"3880a17d-f858-4622-87c2-96eaa7b25c83"}';
		expect(tracker.received[0].raw.toString('utf8')).toBe(body);
		expect(tracker.received[0].headers['x-webhook-signature']).toBe(opensslHmacHex(SECRET, body));
	});

	it.each([
		[{ webhookSecret: 'wrong-secret' }, 401, /^Invalid webhook signature/],
		[{ churchId: 'unknown-church' }, 404, /^Sync not configured for this campus/],
		[{ churchId: '' }, 400, /^Missing campus_id in payload/],
	])('fails with the status a rule explains (%o)', async (overrides, status, message) => {
		const result = await runCredentialTest(credential, credentialData({ churchId: CHURCH, ...overrides }));
		expect(result.ok).toBe(false);
		if (result.ok) return;
		// What n8n's CredentialsTester reads to pick the rule.
		expect(result.error.cause?.response?.status).toBe(status);
		const rule = credential.test?.rules?.find((entry) => entry.type === 'responseCode' && entry.properties.value === status);
		expect(rule?.properties.message).toMatch(message);
	});
});

describe('FaithTracker node description', () => {
	const description = new FaithTracker().description;
	const byName = (name: string) => description.properties.filter((property) => property.name === name);

	it('is an action node usable as a tool, with the FaithTracker credential', () => {
		expect(description.name).toBe('faithTracker');
		expect(description.usableAsTool).toBe(true);
		expect(description.credentials).toEqual([{ name: 'faithTrackerApi', required: true }]);
		expect(description.inputs).toEqual(['main']);
	});

	it('has Member Event > Send (with the spec events) and Connection > Test', () => {
		const resource = byName('resource')[0];
		expect((resource.options as Array<{ value: string }>).map((option) => option.value)).toEqual(['connection', 'memberEvent']);
		const operations = byName('operation').map((property) => [
			property.displayOptions?.show?.resource,
			(property.options as Array<{ value: string; action: string }>).map((option) => [option.value, option.action]),
		]);
		expect(operations).toEqual([
			[['memberEvent'], [['send', 'Send a member event']]],
			[['connection'], [['test', 'Test the connection']]],
		]);
		const event = byName('event')[0];
		expect((event.options as Array<{ value: string }>).map((option) => option.value)).toEqual(['member.created', 'member.updated', 'member.deleted']);
		expect(event.displayOptions?.show).toEqual({ resource: ['memberEvent'], operation: ['send'] });
		const options = byName('options')[0].options as INodeProperties[];
		expect(options.map((option) => option.name)).toEqual(['idField', 'timestamp']);
	});
});

describe('pythonCompactJson', () => {
	it.each([
		// Each right-hand side printed by CPython 3: json.dumps(value, separators=(',', ':')).
		[{ event_type: 'member.updated', church_id: 'c' }, '{"event_type":"member.updated","church_id":"c"}'],
		[{ s: 'tab\there "quoted" back\\slash \u0001 \u007f \u2028 /slash' }, '{"s":"tab\\there \\"quoted\\" back\\\\slash \\u0001 \\u007f \\u2028 /slash"}'],
		[{ s: 'é😀' }, '{"s":"\\u00e9\\ud83d\\ude00"}'],
		[{ a: [1, true, null, { b: -2 }] }, '{"a":[1,true,null,{"b":-2}]}'],
	])('writes %j as Python does', (value, expected) => {
		expect(pythonCompactJson(value as never)).toBe(expected);
	});

	it('refuses what Python would write differently', () => {
		expect(() => pythonCompactJson({ n: 1.5 })).toThrow(/whole numbers/);
		expect(() => pythonCompactJson({ b: 1, 2: 'x' } as never)).toThrow(/integer-like key/);
	});
});
