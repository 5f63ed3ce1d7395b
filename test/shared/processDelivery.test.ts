import { createHmac } from 'node:crypto';
import { z } from 'zod';

import type { DeliveryOutcome, DeliveryRequest } from '../../nodes/shared/pipeline/delivery';
import { DELIVERY_ID_KEY, HEADERS_KEY, processDelivery as processResolved, VALIDATION_ERRORS_KEY } from '../../nodes/shared/pipeline/processDelivery';
import { REDACTED } from '../../nodes/shared/pipeline/redact';
import { DEFAULT_REJECTION_STATUS } from '../../nodes/shared/pipeline/replies';
import { ALL_EVENTS, settingsFrom, type TriggerChoices } from '../../nodes/shared/pipeline/settings';
import type {
	AuthenticationScheme,
	EventDefinition,
	HeaderMap,
	ProviderDefinition,
} from '../../nodes/shared/provider';
import { reject } from '../../nodes/shared/verification/verdict';

// --- a small fake provider ----------------------------------------------------

const SIGNATURE_HEADER = 'x-test-signature';
const TIMESTAMP_HEADER = 'x-test-timestamp';
const EVENT_HEADER = 'x-test-event';
const SECRET = 'current-secret';
const PREVIOUS = 'previous-secret';
const NOW = new Date('2025-08-07T10:30:00Z');
const NOW_S = Math.floor(NOW.getTime() / 1000);

const thingSchema = z.object({
	event: z.string(),
	id: z.string(),
	data: z.object({ name: z.string(), count: z.number().int() }),
});

function event(name: string, schema: z.ZodTypeAny = thingSchema): EventDefinition {
	return { name, description: name, schema, sample: {} };
}

function fakeProvider(authentication: AuthenticationScheme): ProviderDefinition {
	return {
		key: 'fake',
		displayName: 'Fake',
		credentialName: 'fakeApi',
		signingSecretCredentialName: 'fakeSigningSecretApi',
		authentication,
		events: [event('thing.created'), event('thing.deleted')],
		connectionTestEvents: [event('ping', z.object({ event: z.literal('ping') }).strict())],
		eventTypeOf: (payload) => (typeof payload.event === 'string' ? payload.event : undefined),
		deliveryIdOf: (payload) => (typeof payload.id === 'string' ? payload.id : undefined),
		checkDelivery: (payload, headers: HeaderMap) => {
			const named = headers[EVENT_HEADER];
			return named !== undefined && named !== payload.event
				? reject('event_mismatch', 'The event header does not match the body')
				: { ok: true };
		},
		replies: {
			rejected: (rejection) => ({ status: DEFAULT_REJECTION_STATUS[rejection.reason], body: { reason: rejection.reason } }),
			accepted: ({ eventType }) => ({ status: 200, body: { received: eventType } }),
		},
	};
}

const ENCODING = { prefix: 'sha256=', prefixPolicy: 'optional' } as const;
const hmacProvider = fakeProvider({ kind: 'hmac-sha256', signatureHeader: SIGNATURE_HEADER, encoding: ENCODING });
const timestampedProvider = fakeProvider({
	kind: 'hmac-sha256',
	signatureHeader: SIGNATURE_HEADER,
	encoding: ENCODING,
	timestamp: { header: TIMESTAMP_HEADER, defaultToleranceSeconds: 120 },
});
const ipProvider = fakeProvider({
	kind: 'ip-allowlist',
	defaultRanges: ['52.66.123.0/24', '13.127.45.0/24'],
	optionalHmac: { signatureHeader: SIGNATURE_HEADER, encoding: ENCODING },
});

// --- helpers ------------------------------------------------------------------

/** Real HMAC via node:crypto, independent of the code under test. */
function sign(content: Buffer | string, secret = SECRET): string {
	return `sha256=${createHmac('sha256', secret).update(content).digest('hex')}`;
}

const VALID = { event: 'thing.created', id: 'evt_1', data: { name: 'n', count: 1 } };
const bytes = (payload: unknown) => Buffer.from(JSON.stringify(payload), 'utf8');

/** The pipeline with the settings the trigger would resolve from these choices. */
function processDelivery(provider: ProviderDefinition, delivery: DeliveryRequest, choices: TriggerChoices): DeliveryOutcome {
	return processResolved(provider, delivery, settingsFrom(provider, choices));
}

function settings(overrides: Partial<TriggerChoices> = {}): TriggerChoices {
	return {
		events: ['thing.created'],
		secrets: [SECRET],
		invalidPayload: 'reject',
		includeHeaders: false,
		...overrides,
	};
}

function request(rawBody: Buffer | undefined, headers: HeaderMap = {}, socketAddress = '52.66.123.7'): DeliveryRequest {
	return { rawBody, headers: { 'content-type': 'application/json', ...headers }, socketAddress, now: NOW };
}

/** A correctly signed request for the plain HMAC provider. */
function signed(body: Buffer, headers: HeaderMap = {}): DeliveryRequest {
	return request(body, { [SIGNATURE_HEADER]: sign(body), ...headers });
}

function timestamped(body: Buffer, timestamp = String(NOW_S), signedTimestamp = timestamp): DeliveryRequest {
	const content = Buffer.concat([Buffer.from(`${signedTimestamp}.`), body]);
	return request(body, { [SIGNATURE_HEADER]: sign(content), [TIMESTAMP_HEADER]: timestamp });
}

function rejection(outcome: DeliveryOutcome): string | undefined {
	return outcome.action === 'reject' ? outcome.rejection.reason : undefined;
}

function emitted(outcome: DeliveryOutcome) {
	if (outcome.action !== 'emit') throw new Error(`expected emit, got ${JSON.stringify(outcome)}`);
	return outcome;
}

// --- tests --------------------------------------------------------------------

describe('processDelivery: HMAC scheme', () => {
	it('emits an authentic, selected, valid delivery', () => {
		const outcome = emitted(processDelivery(hmacProvider, signed(bytes(VALID)), settings()));
		expect(outcome.item).toEqual({ ...VALID, [DELIVERY_ID_KEY]: 'evt_1' });
		expect(outcome.eventType).toBe('thing.created');
		expect(outcome.deliveryId).toBe('evt_1');
		expect(outcome.reply).toEqual({ status: 200, body: { received: 'thing.created' } });
	});

	it('accepts a delivery signed with the previous secret', () => {
		const body = bytes(VALID);
		const outcome = processDelivery(
			hmacProvider,
			request(body, { [SIGNATURE_HEADER]: sign(body, PREVIOUS) }),
			settings({ secrets: [SECRET, PREVIOUS] }),
		);
		expect(outcome.action).toBe('emit');
	});

	it.each([
		['missing header', {}, 'missing_signature'],
		['empty header', { [SIGNATURE_HEADER]: '' }, 'missing_signature'],
		['malformed header', { [SIGNATURE_HEADER]: 'sha256=xyz' }, 'malformed_signature'],
		['wrong secret', { [SIGNATURE_HEADER]: sign(bytes(VALID), 'wrong') }, 'signature_mismatch'],
	] as const)('refuses a %s with 401', (_label, headers, reason) => {
		const outcome = processDelivery(hmacProvider, request(bytes(VALID), headers), settings());
		expect(rejection(outcome)).toBe(reason);
		expect(outcome.reply).toEqual({ status: 401, body: { reason } });
	});

	it('refuses a body changed after signing', () => {
		const body = bytes(VALID);
		const tampered = bytes({ ...VALID, id: 'evt_2' });
		expect(rejection(processDelivery(hmacProvider, request(tampered, { [SIGNATURE_HEADER]: sign(body) }), settings()))).toBe(
			'signature_mismatch',
		);
	});

	it('fails closed with not_configured (500) when no secret is set', () => {
		const outcome = processDelivery(hmacProvider, signed(bytes(VALID)), settings({ secrets: [] }));
		expect(rejection(outcome)).toBe('not_configured');
		expect(outcome.reply.status).toBe(500);
		expect(rejection(processDelivery(hmacProvider, signed(bytes(VALID)), settings({ secrets: ['', ''] })))).toBe(
			'not_configured',
		);
	});

	it('refuses a missing raw body with missing_body', () => {
		const outcome = processDelivery(hmacProvider, request(undefined, { [SIGNATURE_HEADER]: sign('') }), settings());
		expect(rejection(outcome)).toBe('missing_body');
	});

	describe('forged input never reaches JSON parsing', () => {
		let parseSpy: jest.SpyInstance;
		beforeEach(() => {
			parseSpy = jest.spyOn(JSON, 'parse');
		});
		afterEach(() => {
			parseSpy.mockRestore();
		});

		it('refuses a forged non-JSON body for its signature, without calling JSON.parse', () => {
			const body = Buffer.from('this is not JSON {', 'utf8');
			const outcome = processDelivery(hmacProvider, request(body, { [SIGNATURE_HEADER]: sign('other') }), settings());
			expect(rejection(outcome)).toBe('signature_mismatch');
			expect(parseSpy).not.toHaveBeenCalled();
		});

		it('refuses an unsigned JSON body without calling JSON.parse', () => {
			expect(rejection(processDelivery(hmacProvider, request(bytes(VALID)), settings()))).toBe('missing_signature');
			expect(parseSpy).not.toHaveBeenCalled();
		});

		it('(control) an authentic non-JSON body does reach the parser and is refused as not_json', () => {
			const body = Buffer.from('this is not JSON {', 'utf8');
			expect(rejection(processDelivery(hmacProvider, signed(body), settings()))).toBe('not_json');
			expect(parseSpy).toHaveBeenCalled();
		});
	});

	it('refuses authentic bodies that are not JSON objects', () => {
		expect(rejection(processDelivery(hmacProvider, signed(Buffer.from([0xff, 0xfe, 0x00, 0x41])), settings()))).toBe(
			'not_json',
		);
		expect(rejection(processDelivery(hmacProvider, signed(Buffer.alloc(0)), settings()))).toBe('not_json');
		expect(rejection(processDelivery(hmacProvider, signed(bytes([VALID])), settings()))).toBe('invalid_payload');
	});

	it('refuses an authentic payload that does not name its event', () => {
		const outcome = processDelivery(hmacProvider, signed(bytes({ id: 'x' })), settings({ events: [ALL_EVENTS] }));
		expect(rejection(outcome)).toBe('invalid_payload');
		expect(outcome.reply.status).toBe(400);
	});

	it("runs the provider's structural check (event header vs body)", () => {
		const outcome = processDelivery(hmacProvider, signed(bytes(VALID), { [EVENT_HEADER]: 'thing.deleted' }), settings());
		expect(rejection(outcome)).toBe('event_mismatch');
		const agreeing = processDelivery(hmacProvider, signed(bytes(VALID), { [EVENT_HEADER]: 'thing.created' }), settings());
		expect(agreeing.action).toBe('emit');
	});
});

describe('processDelivery: event selection', () => {
	const deleted = { ...VALID, event: 'thing.deleted' };
	const unknown = { event: 'thing.invented_later', id: 'evt_9', anything: true };

	it('acknowledges (200, no item) an event that is not selected', () => {
		const outcome = processDelivery(hmacProvider, signed(bytes(deleted)), settings({ events: ['thing.created'] }));
		expect(outcome).toEqual({
			action: 'acknowledge',
			why: 'event_not_selected',
			eventType: 'thing.deleted',
			reply: { status: 200, body: { received: 'thing.deleted' } },
		});
	});

	it('acknowledges everything when no event is selected', () => {
		expect(processDelivery(hmacProvider, signed(bytes(VALID)), settings({ events: [] })).action).toBe('acknowledge');
	});

	it('acknowledges an unknown event unless * is selected', () => {
		expect(processDelivery(hmacProvider, signed(bytes(unknown)), settings()).action).toBe('acknowledge');
	});

	it('* selects every event, including names the catalogue does not know (emitted unvalidated)', () => {
		const all = settings({ events: [ALL_EVENTS], invalidPayload: 'reject' });
		expect(emitted(processDelivery(hmacProvider, signed(bytes(deleted)), all)).eventType).toBe('thing.deleted');
		const outcome = emitted(processDelivery(hmacProvider, signed(bytes(unknown)), all));
		expect(outcome.eventType).toBe('thing.invented_later');
		expect(outcome.item).toEqual({ ...unknown, [DELIVERY_ID_KEY]: 'evt_9' });
	});

	it('selecting several events emits each of them', () => {
		const both = settings({ events: ['thing.created', 'thing.deleted'] });
		expect(processDelivery(hmacProvider, signed(bytes(VALID)), both).action).toBe('emit');
		expect(processDelivery(hmacProvider, signed(bytes(deleted)), both).action).toBe('emit');
	});
});

describe('processDelivery: connection tests', () => {
	const ping = { event: 'ping' };

	it('acknowledges a connection test by default, even with * selected', () => {
		for (const events of [[ALL_EVENTS], ['thing.created'], []]) {
			const outcome = processDelivery(hmacProvider, signed(bytes(ping)), settings({ events }));
			expect(outcome).toMatchObject({ action: 'acknowledge', why: 'connection_test', reply: { status: 200 } });
		}
	});

	it('emits a connection test when emitConnectionTests is on, whatever is selected', () => {
		const outcome = emitted(
			processDelivery(hmacProvider, signed(bytes(ping)), settings({ events: ['thing.created'], emitConnectionTests: true })),
		);
		expect(outcome.eventType).toBe('ping');
		// The ping has no event id: its key is a digest of the bytes.
		expect(outcome.item).toEqual({ ...ping, [DELIVERY_ID_KEY]: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) });
	});

	it('still authenticates connection tests', () => {
		expect(rejection(processDelivery(hmacProvider, request(bytes(ping)), settings()))).toBe('missing_signature');
	});

	it('validates an emitted connection test against its own schema', () => {
		const outcome = processDelivery(
			hmacProvider,
			signed(bytes({ event: 'ping', extra: 1 })),
			settings({ emitConnectionTests: true, invalidPayload: 'reject' }),
		);
		expect(rejection(outcome)).toBe('invalid_payload');
	});
});

describe('processDelivery: invalid payloads', () => {
	const invalid = { event: 'thing.created', id: 'evt_1', data: { name: 7 } };

	it('reject: refuses with invalid_payload (400) and a summary of the issues', () => {
		const outcome = processDelivery(hmacProvider, signed(bytes(invalid)), settings({ invalidPayload: 'reject' }));
		expect(rejection(outcome)).toBe('invalid_payload');
		expect(outcome.reply.status).toBe(400);
		if (outcome.action === 'reject') {
			expect(outcome.rejection.detail).toContain('data.name');
			expect(outcome.rejection.detail).toContain('data.count');
		}
	});

	it(`emitWithErrors: emits with the issues under ${VALIDATION_ERRORS_KEY}`, () => {
		const outcome = emitted(
			processDelivery(hmacProvider, signed(bytes(invalid)), settings({ invalidPayload: 'emitWithErrors' })),
		);
		expect(outcome.item).toMatchObject(invalid);
		expect(outcome.item[VALIDATION_ERRORS_KEY]).toEqual([
			{ path: 'data.name', message: expect.any(String) },
			{ path: 'data.count', message: expect.any(String) },
		]);
	});

	it('emitWithErrors: adds no key to a valid payload', () => {
		const outcome = emitted(processDelivery(hmacProvider, signed(bytes(VALID)), settings({ invalidPayload: 'emitWithErrors' })));
		expect(outcome.item).not.toHaveProperty(VALIDATION_ERRORS_KEY);
	});

	it('emitAsIs: emits the payload unchanged', () => {
		const outcome = emitted(processDelivery(hmacProvider, signed(bytes(invalid)), settings({ invalidPayload: 'emitAsIs' })));
		expect(outcome.item).toEqual({ ...invalid, [DELIVERY_ID_KEY]: 'evt_1' });
	});

	it('never mutates the parsed payload it was given', () => {
		const outcome = emitted(
			processDelivery(
				hmacProvider,
				signed(bytes(invalid)),
				settings({ invalidPayload: 'emitWithErrors', includeHeaders: true }),
			),
		);
		expect(Object.keys(outcome.item).sort()).toEqual([DELIVERY_ID_KEY, HEADERS_KEY, VALIDATION_ERRORS_KEY, 'data', 'event', 'id'].sort());
	});
});

describe('processDelivery: includeHeaders', () => {
	const extra = {
		authorization: 'Bearer secret-token',
		cookie: 'session=1',
		'user-agent': 'Fake/1.0',
		'x-forwarded-for': ['1.1.1.1', '2.2.2.2'],
	};

	it('adds the headers with the signature and credentials redacted', () => {
		const body = bytes(VALID);
		const outcome = emitted(processDelivery(hmacProvider, signed(body, extra), settings({ includeHeaders: true })));
		expect(outcome.item[HEADERS_KEY]).toEqual({
			'content-type': 'application/json',
			[SIGNATURE_HEADER]: REDACTED,
			authorization: REDACTED,
			cookie: REDACTED,
			'user-agent': 'Fake/1.0',
			'x-forwarded-for': '1.1.1.1, 2.2.2.2',
		});
		expect(JSON.stringify(outcome.item)).not.toContain(sign(body).slice(7));
		expect(JSON.stringify(outcome.item)).not.toContain('secret-token');
	});

	it('adds no headers when includeHeaders is off', () => {
		const outcome = emitted(processDelivery(hmacProvider, signed(bytes(VALID), extra), settings()));
		expect(outcome.item).not.toHaveProperty(HEADERS_KEY);
	});
});

describe('processDelivery: timestamped HMAC scheme', () => {
	it('emits a delivery signed over `<timestamp>.<body>`', () => {
		expect(processDelivery(timestampedProvider, timestamped(bytes(VALID)), settings()).action).toBe('emit');
	});

	it('refuses a signature over the body alone', () => {
		const body = bytes(VALID);
		const outcome = processDelivery(
			timestampedProvider,
			request(body, { [SIGNATURE_HEADER]: sign(body), [TIMESTAMP_HEADER]: String(NOW_S) }),
			settings(),
		);
		expect(rejection(outcome)).toBe('signature_mismatch');
	});

	it('refuses a timestamp header other than the signed one', () => {
		const outcome = processDelivery(
			timestampedProvider,
			timestamped(bytes(VALID), String(NOW_S), String(NOW_S - 1)),
			settings(),
		);
		expect(rejection(outcome)).toBe('signature_mismatch');
	});

	it("uses the scheme's default tolerance (120 s here) when the settings give none", () => {
		expect(processDelivery(timestampedProvider, timestamped(bytes(VALID), String(NOW_S - 120)), settings()).action).toBe('emit');
		const stale = processDelivery(timestampedProvider, timestamped(bytes(VALID), String(NOW_S - 121)), settings());
		expect(rejection(stale)).toBe('stale_timestamp');
		expect(stale.reply.status).toBe(400);
	});

	it('uses the tolerance from the settings when given', () => {
		const wide = settings({ replayToleranceSeconds: 600 });
		expect(processDelivery(timestampedProvider, timestamped(bytes(VALID), String(NOW_S - 600)), wide).action).toBe('emit');
		expect(rejection(processDelivery(timestampedProvider, timestamped(bytes(VALID), String(NOW_S + 601)), wide))).toBe(
			'stale_timestamp',
		);
	});

	it('refuses missing and malformed timestamps', () => {
		const body = bytes(VALID);
		const missing = request(body, { [SIGNATURE_HEADER]: sign(Buffer.concat([Buffer.from(`${NOW_S}.`), body])) });
		expect(rejection(processDelivery(timestampedProvider, missing, settings()))).toBe('missing_timestamp');
		const millis = String(NOW.getTime());
		expect(rejection(processDelivery(timestampedProvider, timestamped(body, millis), settings()))).toBe(
			'malformed_timestamp',
		);
	});

	it('refuses a stale delivery even when its signature is valid (replay)', () => {
		const replay = timestamped(bytes(VALID), String(NOW_S - 3600));
		expect(rejection(processDelivery(timestampedProvider, replay, settings()))).toBe('stale_timestamp');
	});
});

describe('processDelivery: IP allowlist scheme', () => {
	const body = bytes(VALID);

	it('emits an unsigned delivery from an allowed address (eSahayak ranges by default)', () => {
		for (const address of ['52.66.123.0', '52.66.123.255', '13.127.45.1', '::ffff:52.66.123.7']) {
			expect(processDelivery(ipProvider, request(body, {}, address), settings()).action).toBe('emit');
		}
	});

	it('refuses other addresses with ip_not_allowed (403)', () => {
		const outcome = processDelivery(ipProvider, request(body, {}, '52.66.124.0'), settings());
		expect(rejection(outcome)).toBe('ip_not_allowed');
		expect(outcome.reply.status).toBe(403);
	});

	it('refuses an unknown socket address', () => {
		const outcome = processDelivery(ipProvider, { ...request(body), socketAddress: undefined }, settings());
		expect(rejection(outcome)).toBe('ip_not_allowed');
	});

	it('ignores X-Forwarded-For unless proxies are trusted', () => {
		const spoofed = request(body, { 'x-forwarded-for': '52.66.123.7' }, '203.0.113.9');
		expect(rejection(processDelivery(ipProvider, spoofed, settings()))).toBe('ip_not_allowed');
		const ipAllowlist = { enabled: true, ranges: '52.66.123.0/24, 13.127.45.0/24', trustedProxyHops: 0 };
		expect(rejection(processDelivery(ipProvider, spoofed, settings({ ipAllowlist })))).toBe('ip_not_allowed');
		const allowedSocket = request(body, { 'x-forwarded-for': '203.0.113.9' }, '52.66.123.7');
		expect(processDelivery(ipProvider, allowedSocket, settings({ ipAllowlist })).action).toBe('emit');
	});

	it('reads the client from X-Forwarded-For with trusted proxy hops, failing closed when it is short', () => {
		const ipAllowlist = { enabled: true, ranges: '52.66.123.0/24', trustedProxyHops: 1 };
		const behindProxy = request(body, { 'x-forwarded-for': '6.6.6.6, 52.66.123.7' }, '10.0.0.2');
		expect(processDelivery(ipProvider, behindProxy, settings({ ipAllowlist })).action).toBe('emit');
		const noHeader = request(body, {}, '52.66.123.7');
		expect(rejection(processDelivery(ipProvider, noHeader, settings({ ipAllowlist })))).toBe('ip_not_allowed');
	});

	it('uses custom ranges from the settings instead of the defaults', () => {
		const ipAllowlist = { enabled: true, ranges: '203.0.113.0/24', trustedProxyHops: 0 };
		expect(processDelivery(ipProvider, request(body, {}, '203.0.113.9'), settings({ ipAllowlist })).action).toBe('emit');
		expect(rejection(processDelivery(ipProvider, request(body, {}, '52.66.123.7'), settings({ ipAllowlist })))).toBe(
			'ip_not_allowed',
		);
	});

	it('refuses everything with not_configured (500) when a range is invalid', () => {
		const ipAllowlist = { enabled: true, ranges: '52.66.123.0/24, 52.66.999.0/24', trustedProxyHops: 0 };
		const outcome = processDelivery(ipProvider, request(body, {}, '52.66.123.7'), settings({ ipAllowlist }));
		expect(rejection(outcome)).toBe('not_configured');
		expect(outcome.reply.status).toBe(500);
		if (outcome.action === 'reject') expect(outcome.rejection.detail).toContain('52.66.999.0/24');
	});

	it('admits any address when the restriction is turned off', () => {
		const ipAllowlist = { enabled: false, ranges: '52.66.123.0/24', trustedProxyHops: 0 };
		expect(processDelivery(ipProvider, request(body, {}, '203.0.113.9'), settings({ ipAllowlist })).action).toBe('emit');
	});

	it('checks the address before the body', () => {
		expect(rejection(processDelivery(ipProvider, request(undefined, {}, '203.0.113.9'), settings()))).toBe(
			'ip_not_allowed',
		);
		expect(rejection(processDelivery(ipProvider, request(undefined, {}, '52.66.123.7'), settings()))).toBe('missing_body');
	});

	it('does not need a secret while the optional HMAC is off', () => {
		expect(processDelivery(ipProvider, request(body), settings({ secrets: [] })).action).toBe('emit');
	});

	describe('optional HMAC', () => {
		const on = { enabled: true, header: SIGNATURE_HEADER };

		it('requires a valid signature once turned on', () => {
			expect(rejection(processDelivery(ipProvider, request(body), settings({ optionalHmac: on })))).toBe(
				'missing_signature',
			);
			const good = request(body, { [SIGNATURE_HEADER]: sign(body) });
			expect(processDelivery(ipProvider, good, settings({ optionalHmac: on })).action).toBe('emit');
			const bad = request(body, { [SIGNATURE_HEADER]: sign(body, 'wrong') });
			expect(rejection(processDelivery(ipProvider, bad, settings({ optionalHmac: on })))).toBe('signature_mismatch');
		});

		it('still enforces the allowlist with a valid signature', () => {
			const good = request(body, { [SIGNATURE_HEADER]: sign(body) }, '203.0.113.9');
			expect(rejection(processDelivery(ipProvider, good, settings({ optionalHmac: on })))).toBe('ip_not_allowed');
		});

		it('fails closed when turned on without a secret', () => {
			const good = request(body, { [SIGNATURE_HEADER]: sign(body) });
			expect(rejection(processDelivery(ipProvider, good, settings({ optionalHmac: on, secrets: [] })))).toBe(
				'not_configured',
			);
		});

		it('reads a custom header name (case and surrounding spaces ignored)', () => {
			const custom = { enabled: true, header: ' X-eSahayak-Signature ' };
			const good = request(body, { 'x-esahayak-signature': sign(body) });
			expect(processDelivery(ipProvider, good, settings({ optionalHmac: custom })).action).toBe('emit');
			const wrongHeader = request(body, { [SIGNATURE_HEADER]: sign(body) });
			expect(rejection(processDelivery(ipProvider, wrongHeader, settings({ optionalHmac: custom })))).toBe(
				'missing_signature',
			);
		});

		it("falls back to the scheme's header when the custom name is blank", () => {
			const blank = { enabled: true, header: '  ' };
			const good = request(body, { [SIGNATURE_HEADER]: sign(body) });
			expect(processDelivery(ipProvider, good, settings({ optionalHmac: blank })).action).toBe('emit');
		});

		it('redacts the configured signature header in _headers', () => {
			for (const header of [' X-eSahayak-Signature ', 'X-eSahayak-Signature']) {
				const custom = { enabled: true, header };
				const good = request(body, { 'x-esahayak-signature': sign(body), authorization: 'Basic abc' });
				const outcome = emitted(processDelivery(ipProvider, good, settings({ optionalHmac: custom, includeHeaders: true })));
				expect(outcome.item[HEADERS_KEY]).toMatchObject({ 'x-esahayak-signature': REDACTED, authorization: REDACTED });
			}
		});

		it("redacts the scheme's signature header when HMAC is off", () => {
			const withSignature = request(body, { [SIGNATURE_HEADER]: 'sha256=00' });
			const outcome = emitted(processDelivery(ipProvider, withSignature, settings({ includeHeaders: true })));
			expect(outcome.item[HEADERS_KEY]).toMatchObject({ [SIGNATURE_HEADER]: REDACTED });
		});
	});
});
