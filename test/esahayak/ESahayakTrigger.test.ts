import type { INodeProperties } from 'n8n-workflow';

import { ESahayakApi } from '../../credentials/ESahayakApi.credentials';
import { ESahayakTrigger } from '../../nodes/ESahayak/ESahayakTrigger.node';
import { esahayak, ESAHAYAK_IP_RANGES } from '../../nodes/ESahayak/definition';
import { processDelivery } from '../../nodes/shared/pipeline/processDelivery';
import { settingsFrom, type TriggerChoices } from '../../nodes/shared/pipeline/settings';
import type { EventDefinition, JsonObject } from '../../nodes/shared/provider';
import { post } from '../support/post';
import { opensslHmacHex } from '../support/sign';
import { startTriggerHarness, type TriggerHarness } from '../support/triggerHarness';
import { payloadOf } from '../support/providers';

const SECRET = 'esahayak-current-secret';
const PREVIOUS = 'esahayak-previous-secret';
const CREDENTIALS = {
	type: 'eSahayakSigningSecretApi',
	data: { baseUrl: 'http://127.0.0.1:1', apiKey: 'k', signingSecret: SECRET, previousSigningSecret: PREVIOUS },
};
/** The harness connects from loopback, so these ranges make its requests "come from eSahayak". */
const LOOPBACK_ALLOWED = '52.66.123.0/24, 13.127.45.0/24, 127.0.0.1/32';
const PRIMARY_ADDRESS = '52.66.123.10';
const BACKUP_ADDRESS = '13.127.45.200';

const event = (name: string) => esahayak.events.find((entry) => entry.name === name) as EventDefinition;
const uploaded = event('stamp.uploaded');

/** Content-Type plus the headers a real eSahayak delivery carries. */
function deliveryHeaders(sample: JsonObject, definition = event(sample.type as string)): Record<string, string> {
	return { 'content-type': 'application/json', ...esahayak.deliveryHeaders!(definition, sample) };
}

function without(headers: Record<string, string>, name: string): Record<string, string> {
	return Object.fromEntries(Object.entries(headers).filter(([key]) => key !== name));
}

function withSignature(body: string, secret = SECRET, header = 'x-esahayak-signature', prefix = 'sha256=') {
	return { ...deliveryHeaders(JSON.parse(body)), [header]: `${prefix}${opensslHmacHex(secret, body)}` };
}

describe('eSahayak success reply', () => {
	it('echoes the id only when it is the string eSahayak sends', () => {
		const reply = (id: unknown) => esahayak.replies.accepted({ payload: { id }, eventType: 'x', now: new Date() }).body;
		expect(reply('webhook_1')).toEqual({ received: true, event_id: 'webhook_1' });
		expect(JSON.stringify(reply({ nested: [1] }))).toBe('{"received":true}');
	});
});

describe('eSahayak trigger', () => {
	let harness: TriggerHarness | undefined;
	afterEach(async () => {
		await harness?.close();
		harness = undefined;
	});

	const start = async (parameters: Record<string, unknown>, credentials?: typeof CREDENTIALS) => {
		harness = await startTriggerHarness({ nodeType: new ESahayakTrigger(), parameters: parameters as never, credentials });
		return harness;
	};
	/** Loopback is in the allowlist: the request counts as coming from eSahayak. */
	const startAllowed = (extra: Record<string, unknown> = {}, credentials?: typeof CREDENTIALS) =>
		start({ events: ['*'], allowedIpRanges: LOOPBACK_ALLOWED, ...extra }, credentials);

	describe('description', () => {
		const description = new ESahayakTrigger().description;
		const property = (name: string) => description.properties.find((entry) => entry.name === name) as INodeProperties;

		it('is named as registered, answers on receipt and tells the user where to paste the HTTPS URL', () => {
			expect(description.name).toBe('eSahayakTrigger');
			expect(description.displayName).toBe('eSahayak Trigger');
			expect(description.webhooks?.[0]).toMatchObject({ httpMethod: 'POST', responseMode: 'onReceived' });
			const notice = description.properties[0];
			expect(notice.type).toBe('notice');
			expect(notice.displayName).toMatch(/HTTPS/);
			expect(notice.displayName).toContain('Settings > API Access > Webhook Configuration');
		});

		it('restricts to the published ranges by default, editable, with a warning when switched off', () => {
			expect([...ESAHAYAK_IP_RANGES]).toEqual(['52.66.123.0/24', '13.127.45.0/24']);
			expect(property('restrictToProviderIps').default).toBe(true);
			expect(property('allowedIpRanges').default).toBe('52.66.123.0/24, 13.127.45.0/24');
			expect(property('allowedIpRanges').type).toBe('string');
			expect(property('trustedProxyHops').default).toBe(0);
			const warning = property('ipRestrictionOffNotice');
			expect(warning.type).toBe('notice');
			expect(warning.displayOptions?.show).toEqual({ restrictToProviderIps: [false] });
		});

		it('offers the optional signature check; the credential is offered, needed only for it or automatic setup', () => {
			const options = (property('deliveryOptions').options as INodeProperties[]).map((option) => [option.name, option.default]);
			expect(options).toEqual(
				expect.arrayContaining([
					['verifySignature', false],
					['signatureHeader', ''],
					['requireEventHeader', true],
				]),
			);
			// n8n's displayOptions cannot say "Verify Signature on OR Setup automatic": activation checks it instead
			// (test/subscriptions/assumedProviders.test.ts).
			expect(description.credentials).toEqual([
				{ name: 'eSahayakSigningSecretApi', required: false, displayOptions: { show: { setup: ['manual'] } }, testedBy: 'signingSecretIsSet' },
				{ name: 'eSahayakApi', required: false },
			]);
		});

		it('has a credential with the shared field names, secrets hidden, tested against the subscriptions path', () => {
			const credential = new ESahayakApi();
			expect(credential.name).toBe('eSahayakApi');
			expect(credential.displayName).toBe('eSahayak API');
			const fields = Object.fromEntries(credential.properties.map((field) => [field.name, field]));
			expect(Object.keys(fields)).toEqual([
				'baseUrl',
				'apiKey',
				'subscriptionsPath',
				'signingSecret',
				'previousSigningSecret',
			]);
			for (const secret of ['apiKey', 'signingSecret', 'previousSigningSecret']) {
				expect(fields[secret].typeOptions?.password).toBe(true);
			}
			expect(fields.subscriptionsPath.default).toBe('/api/webhooks');
			expect(fields.subscriptionsPath.description).toMatch(/assumed/i);
			expect(credential.authenticate).toEqual({
				type: 'generic',
				properties: { headers: { Authorization: '=Bearer {{$credentials.apiKey}}' } },
			});
			expect(credential.test.request.method).toBe('GET');
			expect(credential.test.request.url).toContain('$credentials.subscriptionsPath');
		});
	});

	describe('deliveries from an allowed address', () => {
		it.each(esahayak.events.map((entry) => [entry.name, entry] as const))(
			'emits %s exactly as sent and answers { received, event_id }',
			async (_name, definition) => {
				await startAllowed();
				const response = await post(harness!.url, JSON.stringify(definition.sample), deliveryHeaders(definition.sample));
				expect(response.status).toBe(200);
				expect(response.json).toEqual({ received: true, event_id: definition.sample.id });
				expect(harness!.emitted).toHaveLength(1);
				expect(payloadOf(harness!.emitted[0][0].json)).toEqual(definition.sample);
			},
		);

		it('uses the spec example as the stamp.uploaded sample', () => {
			expect(uploaded.sample).toEqual({
				id: 'webhook_unique_id',
				type: 'stamp.uploaded',
				created_at: '2024-01-15T10:30:00Z',
				data: {
					order: { id: 'order_12345', status: 'COMPLETED', created_at: '2024-01-15T10:00:00Z' },
					stamp_request: { id: 'stamp_67890', state: 'Assam', amount: 1000, article_code: 'AS-RG-4', provider: 'SHCIL' },
				},
			});
		});

		it('sends, as a test delivery, the headers a real eSahayak delivery carries', () => {
			expect(esahayak.deliveryHeaders!(uploaded, uploaded.sample)).toEqual({
				'user-agent': 'eSahayak-Webhooks/1.0',
				'x-esahayak-event': 'stamp.uploaded',
				'x-esahayak-delivery': 'webhook_unique_id',
			});
		});

		it('takes the delivery id from X-eSahayak-Delivery, else from the payload id', () => {
			expect(esahayak.deliveryIdOf!(uploaded.sample, { 'x-esahayak-delivery': 'webhook_12345' })).toBe('webhook_12345');
			expect(esahayak.deliveryIdOf!(uploaded.sample, {})).toBe('webhook_unique_id');
			expect(esahayak.deliveryIdOf!({ ...uploaded.sample, id: 42 }, {})).toBeUndefined();
		});

		it('reads the raw body of a vendor +json type and of a body without Content-Type', async () => {
			await startAllowed();
			const body = JSON.stringify(uploaded.sample);
			const bare = without(deliveryHeaders(uploaded.sample), 'content-type');
			expect((await post(harness!.url, body, { ...bare, 'content-type': 'application/vnd.esahayak+json' })).status).toBe(200);
			expect((await post(harness!.url, body, bare)).status).toBe(200);
			expect(harness!.emitted.map((items) => payloadOf(items[0].json))).toEqual([uploaded.sample, uploaded.sample]);
		});

		it('acknowledges an event that is not selected with 200 and does not start the workflow', async () => {
			await startAllowed({ events: ['stamp.uploaded'] });
			const cancelled = event('order.cancelled').sample;
			const response = await post(harness!.url, JSON.stringify(cancelled), deliveryHeaders(cancelled));
			expect(response.status).toBe(200);
			expect(response.json).toEqual({ received: true, event_id: 'webhook_12348' });
			expect(harness!.emitted).toHaveLength(0);
		});
	});

	describe('source address', () => {
		const body = JSON.stringify(uploaded.sample);

		it('refuses the harness (loopback) with the default ranges: 403, nothing emitted, allowlist not echoed', async () => {
			await start({ events: ['*'] });
			const response = await post(harness!.url, body, deliveryHeaders(uploaded.sample));
			expect(response.status).toBe(403);
			expect(response.json).toEqual({ error: 'Source address not allowed' });
			expect(response.text).not.toMatch(/52\.66|13\.127|127\.0\.0\.1/);
			expect(harness!.emitted).toHaveLength(0);
		});

		it('ignores X-Forwarded-For unless proxy hops are trusted (a client can write any address there)', async () => {
			await start({ events: ['*'] });
			const response = await post(harness!.url, body, {
				...deliveryHeaders(uploaded.sample),
				'x-forwarded-for': PRIMARY_ADDRESS,
			});
			expect(response.status).toBe(403);
			expect(harness!.emitted).toHaveLength(0);
		});

		it.each([
			['the primary range', `198.51.100.7, ${PRIMARY_ADDRESS}`, 200],
			['the backup range', BACKUP_ADDRESS, 200],
			['a spoofed left-most entry', `${PRIMARY_ADDRESS}, 203.0.113.7`, 403],
			['no X-Forwarded-For at all', undefined, 403],
		])('with 1 trusted proxy hop, reads the right-most X-Forwarded-For entry: %s', async (_label, forwardedFor, status) => {
			await start({ events: ['*'], trustedProxyHops: 1 });
			const headers = deliveryHeaders(uploaded.sample);
			const response = await post(harness!.url, body, forwardedFor ? { ...headers, 'x-forwarded-for': forwardedFor } : headers);
			expect(response.status).toBe(status);
			expect(harness!.emitted).toHaveLength(status === 200 ? 1 : 0);
		});

		it('accepts from anywhere when the restriction is switched off', async () => {
			await start({ events: ['*'], restrictToProviderIps: false, allowedIpRanges: '52.66.123.0/24' });
			const response = await post(harness!.url, body, deliveryHeaders(uploaded.sample));
			expect(response.status).toBe(200);
			expect(harness!.emitted).toHaveLength(1);
		});

		it('fails closed with 500 on an invalid allowlist entry, without echoing it', async () => {
			await start({ events: ['*'], allowedIpRanges: '127.0.0.1/32, 52.66.123.0/33, not-an-address' });
			const response = await post(harness!.url, body, deliveryHeaders(uploaded.sample));
			expect(response.status).toBe(500);
			expect(response.json).toEqual({ error: 'Processing failed', reason: 'not_configured' });
			expect(response.text).not.toMatch(/not-an-address|\/33|127\.0\.0\.1/);
			expect(harness!.emitted).toHaveLength(0);
			expect(harness!.logs).toEqual(
				expect.arrayContaining([expect.objectContaining({ level: 'warn', message: expect.stringContaining('not-an-address') })]),
			);
		});

		it('refuses everything when the allowlist is left empty', async () => {
			await start({ events: ['*'], allowedIpRanges: ' , ' });
			expect((await post(harness!.url, body, deliveryHeaders(uploaded.sample))).status).toBe(403);
			expect(harness!.emitted).toHaveLength(0);
		});

		describe('IPv4-mapped IPv6 socket addresses (dual-stack listeners; the harness listens on IPv4 only)', () => {
			const settings: TriggerChoices = {
				events: ['*'],
				secrets: [],
				invalidPayload: 'reject',
				includeHeaders: false,
				ipAllowlist: { enabled: true, ranges: ESAHAYAK_IP_RANGES.join(', '), trustedProxyHops: 0 },
			};
			const deliverFrom = (socketAddress: string) =>
				processDelivery(
					esahayak,
					{ rawBody: Buffer.from(body), headers: deliveryHeaders(uploaded.sample), socketAddress, now: new Date() },
					settingsFrom(esahayak, settings),
				);

			it.each([
				[`::ffff:${PRIMARY_ADDRESS}`, 'emit'],
				[`::FFFF:${BACKUP_ADDRESS}`, 'emit'],
				['::ffff:127.0.0.1', 'reject'],
				['::ffff:52.66.124.10', 'reject'],
				['2001:db8::1', 'reject'],
				[PRIMARY_ADDRESS, 'emit'],
			])('%s -> %s', (socketAddress, action) => {
				const outcome = deliverFrom(socketAddress);
				expect(outcome.action).toBe(action);
				if (outcome.action === 'reject') expect(outcome.reply).toEqual({ status: 403, body: { error: 'Source address not allowed' } });
			});
		});
	});

	describe('payload checks', () => {
		it.each([
			['names another event', { 'x-esahayak-event': 'stamp.failed' }],
			['differs in case', { 'x-esahayak-event': 'STAMP.UPLOADED' }],
			['is missing', { 'x-esahayak-event': undefined }],
			['is empty', { 'x-esahayak-event': '' }],
		])('answers 400 when X-eSahayak-Event %s', async (_label, override) => {
			await startAllowed();
			const value = override['x-esahayak-event'];
			const headers = without(deliveryHeaders(uploaded.sample), 'x-esahayak-event');
			if (value !== undefined) headers['x-esahayak-event'] = value;
			const response = await post(harness!.url, JSON.stringify(uploaded.sample), headers);
			expect(response.status).toBe(400);
			expect(response.json).toMatchObject({ error: 'Invalid payload', reason: 'event_mismatch' });
			expect(harness!.emitted).toHaveLength(0);
		});

		it('accepts a missing X-eSahayak-Event only when Require Event Header is off, but never a wrong one', async () => {
			await startAllowed({ deliveryOptions: { requireEventHeader: false } });
			const withoutEvent = without(deliveryHeaders(uploaded.sample), 'x-esahayak-event');
			const body = JSON.stringify(uploaded.sample);
			expect((await post(harness!.url, body, withoutEvent)).status).toBe(200);
			expect((await post(harness!.url, body, { ...withoutEvent, 'x-esahayak-event': 'order.cancelled' })).status).toBe(400);
			expect(harness!.emitted).toHaveLength(1);
		});

		it.each([
			['id', undefined],
			['type', undefined],
			['created_at', undefined],
			['data', undefined],
			['id', ''],
			['data', null],
		])('answers 400 when %s is %p, even when payloads are emitted as is', async (field, value) => {
			await startAllowed({ deliveryOptions: { invalidPayload: 'emitAsIs' } });
			const payload: JsonObject = { ...uploaded.sample };
			if (value === undefined) delete payload[field];
			else payload[field] = value;
			const response = await post(harness!.url, JSON.stringify(payload), deliveryHeaders(payload, uploaded));
			expect(response.status).toBe(400);
			expect(response.json).toEqual({
				error: 'Invalid payload',
				reason: 'invalid_payload',
				detail: `The payload is missing ${field}`,
			});
			expect(harness!.emitted).toHaveLength(0);
		});

		it.each([
			['not JSON', 'stamp uploaded', 'not_json'],
			['a JSON array', JSON.stringify([uploaded.sample]), 'invalid_payload'],
		])('answers 400 to a body that is %s', async (_label, body, reason) => {
			await startAllowed();
			const response = await post(harness!.url, body, deliveryHeaders(uploaded.sample));
			expect(response.status).toBe(400);
			expect(response.json.reason).toBe(reason);
			expect(harness!.emitted).toHaveLength(0);
		});

		it('checks the source before the body: garbage from outside the allowlist gets 403', async () => {
			await start({ events: ['*'] });
			expect((await post(harness!.url, 'stamp uploaded', deliveryHeaders(uploaded.sample))).status).toBe(403);
		});

		it('validates the event schema: 400 when asked to reject, otherwise emitted with the problems listed', async () => {
			const payload = { ...uploaded.sample, created_at: 'yesterday', data: { stamp_request: { id: 'stamp_1' } } };
			const body = JSON.stringify(payload);
			await startAllowed({ deliveryOptions: { invalidPayload: 'reject' } });
			const refused = await post(harness!.url, body, deliveryHeaders(payload, uploaded));
			expect(refused.status).toBe(400);
			expect(refused.json.detail).toContain('data.order');
			await harness!.close();

			await startAllowed();
			expect((await post(harness!.url, body, deliveryHeaders(payload, uploaded))).status).toBe(200);
			const paths = (harness!.emitted[0][0].json._validationErrors as Array<{ path: string }>).map((issue) => issue.path);
			expect(paths.sort()).toEqual(['created_at', 'data.order']);
		});

		it('keeps fields eSahayak may add (schemas pass unknown fields through)', () => {
			const failed = event('stamp.failed');
			const extended = {
				...failed.sample,
				livemode: true,
				data: { ...(failed.sample.data as JsonObject), error: { message: 'x', code: 'PORTAL_DOWN' }, retry_at: 'later' },
			};
			expect(failed.schema.parse(extended)).toEqual(extended);
			expect(failed.schema.safeParse({ ...failed.sample, type: 'stamp.uploaded' }).success).toBe(false);
		});
	});

	describe('optional signature check', () => {
		const body = JSON.stringify(uploaded.sample);
		const verifying = (options: Record<string, unknown> = {}) =>
			startAllowed({ deliveryOptions: { verifySignature: true, ...options } }, CREDENTIALS);

		it.each([
			['sha256=<hex> with the current secret', withSignature(body)],
			['bare hex (the prefix is optional)', withSignature(body, SECRET, 'x-esahayak-signature', '')],
			['the previous secret', withSignature(body, PREVIOUS)],
		])('accepts %s', async (_label, headers) => {
			await verifying();
			const response = await post(harness!.url, body, headers);
			expect(response.status).toBe(200);
			expect(payloadOf(harness!.emitted[0][0].json)).toEqual(uploaded.sample);
		});

		it.each([
			['a missing signature', deliveryHeaders(uploaded.sample)],
			['a signature made with another secret', withSignature(body, 'not-the-secret')],
			['a signature of other bytes', withSignature(`${body} `)],
			['a truncated signature', { ...deliveryHeaders(uploaded.sample), 'x-esahayak-signature': `sha256=${opensslHmacHex(SECRET, body).slice(0, 40)}` }],
		])('answers 401 to %s and emits nothing', async (_label, headers) => {
			await verifying();
			const response = await post(harness!.url, body, headers);
			expect(response.status).toBe(401);
			expect(response.json.error).toBe('Invalid signature');
			expect(harness!.emitted).toHaveLength(0);
		});

		it('reads the signature from the configured header name', async () => {
			await verifying({ signatureHeader: 'X-Signature' });
			expect((await post(harness!.url, body, withSignature(body, SECRET, 'x-signature'))).status).toBe(200);
			expect((await post(harness!.url, body, withSignature(body))).status).toBe(401);
			expect(harness!.emitted).toHaveLength(1);
		});

		it('still enforces the allowlist when the signature is valid', async () => {
			await start({ events: ['*'], deliveryOptions: { verifySignature: true } }, CREDENTIALS);
			expect((await post(harness!.url, body, withSignature(body))).status).toBe(403);
			expect(harness!.emitted).toHaveLength(0);
		});

		it.each([
			['has empty secrets', { ...CREDENTIALS, data: { ...CREDENTIALS.data, signingSecret: '', previousSigningSecret: '' } }],
			['is not attached', undefined],
		])('fails closed with 500 when the check is on and the credential %s', async (_label, credentials) => {
			await startAllowed({ deliveryOptions: { verifySignature: true } }, credentials);
			const response = await post(harness!.url, body, withSignature(body, ''));
			expect(response.status).toBe(500);
			expect(response.json).toEqual({ error: 'Processing failed', reason: 'not_configured' });
			expect(harness!.emitted).toHaveLength(0);
		});

		it('ignores signature headers while the check is off (eSahayak does not sign yet)', async () => {
			await startAllowed({}, CREDENTIALS);
			const response = await post(harness!.url, body, { ...deliveryHeaders(uploaded.sample), 'x-esahayak-signature': 'sha256=bogus' });
			expect(response.status).toBe(200);
			expect(harness!.emitted).toHaveLength(1);
		});

		it('redacts the signature header in emitted items and never puts a secret in a response or a log', async () => {
			await verifying({ signatureHeader: 'x-signature', includeHeaders: true });
			const responses = [
				await post(harness!.url, body, withSignature(body, SECRET, 'x-signature')),
				await post(harness!.url, body, withSignature(body, PREVIOUS, 'x-signature')),
				await post(harness!.url, body, withSignature(body, 'forged', 'x-signature')),
				await post(harness!.url, body, deliveryHeaders(uploaded.sample)),
			];
			expect(responses.map((response) => response.status)).toEqual([200, 200, 401, 401]);
			const headers = harness!.emitted[0][0].json._headers as Record<string, string>;
			expect(headers['x-signature']).toBe('[redacted]');
			expect(headers['x-esahayak-event']).toBe('stamp.uploaded');
			const everything = JSON.stringify([responses.map((response) => response.text), harness!.logs, harness!.emitted]);
			for (const secret of [SECRET, PREVIOUS]) expect(everything).not.toContain(secret);
			expect(everything).not.toContain(opensslHmacHex(SECRET, body));
			expect(harness!.logs.some((line) => line.message.includes('refused'))).toBe(true);
		});
	});
});
