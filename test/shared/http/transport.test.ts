import { failureOfAnswer, failureOfTransport, secondsText, statusOf, unexpectedAnswer } from '../../../nodes/shared/http/failure';
import { parseHttpUrl } from '../../../nodes/shared/http/httpUrl';
import { jsonAnswer } from '../../../nodes/shared/http/jsonAnswer';
import { describeNoAnswer } from '../../../nodes/shared/http/noAnswer';
import { providerText } from '../../../nodes/shared/http/providerText';
import { MAX_QUOTE, quote, shorten } from '../../../nodes/shared/http/quote';
import { secretsOf } from '../../../nodes/shared/http/secrets';
import { readTransportError, TIMEOUT_CODES } from '../../../nodes/shared/http/transportError';

/** The pure half of the provider transport: no n8n, no sockets. */
const NOW = new Date('2026-01-16T10:30:00Z');
const SECRETS = ['sk_live_abcdef', 'whsec_123456'];

function wrapped(code: string, message = 'socket trouble'): Error {
	// What n8n's helper throws: an axios-like error around the socket error.
	return Object.assign(new Error('Request failed'), { cause: Object.assign(new Error(message), { code }) });
}

describe('readTransportError', () => {
	it.each(['ETIMEDOUT', 'ECONNABORTED', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT'])('counts %s, however deep, as a timeout', (code) => {
		expect(readTransportError(wrapped(code))).toMatchObject({ code, timedOut: true });
	});

	it("counts axios's own timeout message as a timeout", () => {
		expect(readTransportError(new Error('timeout of 300ms exceeded')).timedOut).toBe(true);
	});

	it.each(['ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET'])('does not count %s as a timeout', (code) => {
		expect(readTransportError(wrapped(code))).toEqual({ code, timedOut: false, message: 'Request failed' });
	});

	it('has exactly one list of timeout codes', () => {
		expect([...TIMEOUT_CODES].sort()).toEqual(['ECONNABORTED', 'ETIMEDOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT']);
	});

	it('stops on a cyclic cause chain and ignores codes that are not error codes', () => {
		const error = Object.assign(new Error('loop'), { code: 404 }) as Error & { cause?: unknown };
		error.cause = error;
		expect(readTransportError(error)).toEqual({ code: undefined, timedOut: false, message: 'loop' });
		expect(readTransportError('not an error')).toEqual({ code: undefined, timedOut: false, message: undefined });
	});
});

describe('failureOfAnswer', () => {
	it.each([
		[401, 'unauthorized'],
		[403, 'forbidden'],
		[404, 'not_found'],
		[400, 'refused'],
		[409, 'refused'],
		[422, 'refused'],
		[500, 'unavailable'],
		[503, 'unavailable'],
	])('HTTP %i is %s', (status, kind) => {
		const failure = failureOfAnswer({ status, headers: {}, body: {} }, [], NOW);
		expect(failure.kind).toBe(kind);
		expect(statusOf(failure)).toBe(status);
	});

	it.each([
		[{ 'Retry-After': '7' }, 7],
		[{ 'retry-after': ['45'] }, 45],
		[{ 'retry-after': 'Fri, 16 Jan 2026 10:35:00 GMT' }, 300],
		[{ 'retry-after': 'Fri, 16 Jan 2026 10:00:00 GMT' }, 0],
		[{ 'retry-after': 'soon' }, undefined],
		[{}, undefined],
	])('HTTP 429 with %j is rate_limited, waiting %s seconds', (headers, seconds) => {
		expect(failureOfAnswer({ status: 429, headers, body: '' }, [], NOW)).toEqual({ kind: 'rate_limited', status: 429, retryAfterSeconds: seconds, said: undefined });
	});

	it("keeps the provider's words with every secret cut out", () => {
		const failure = failureOfAnswer({ status: 400, headers: {}, body: { error: 'key sk_live_abcdef may not set whsec_123456' } }, SECRETS, NOW);
		expect(failure).toEqual({ kind: 'refused', status: 400, said: { text: 'key [redacted] may not set [redacted]', json: true } });
	});
});

describe('failureOfTransport', () => {
	const target = { origin: 'https://acme.example', timeoutMs: 300 };

	it('keeps where and how long for a timeout', () => {
		expect(failureOfTransport({ code: 'ECONNABORTED', timedOut: true }, target, [])).toEqual({ kind: 'timed_out', origin: 'https://acme.example', timeoutMs: 300 });
	});

	it('keeps the code and the redacted reason for anything else', () => {
		expect(failureOfTransport({ code: 'ECONNRESET', timedOut: false, message: 'reset at /hook?token=whsec_123456' }, target, SECRETS)).toEqual({
			kind: 'unreachable',
			origin: 'https://acme.example',
			code: 'ECONNRESET',
			reason: 'reset at /hook?token=[redacted]',
		});
	});
});

describe('providerText', () => {
	it.each([
		[{ error: 'e' }, 'e'],
		[{ message: 'm' }, 'm'],
		[{ detail: 'd' }, 'd'],
		[{ error_description: 'ed' }, 'ed'],
		[{ title: 't' }, 't'],
		[{ error: { message: 'nested' } }, 'nested'],
		[{ errors: [{ message: 'url is invalid' }, 'events is empty'] }, 'url is invalid; events is empty'],
		[{ detail: [{ loc: ['body', 'member_id'], msg: 'field required' }, { msg: 'not a uuid' }] }, 'field required; not a uuid'],
		['{"detail":"Invalid webhook signature"}', 'Invalid webhook signature'],
		[Buffer.from('{"detail":"Member not found"}'), 'Member not found'],
	])('reads %j as the JSON message %j', (body, text) => {
		expect(providerText(body, [])).toEqual({ text, json: true });
	});

	it('turns a page into readable text, not JSON', () => {
		expect(providerText('<html><style>p{}</style><h1>502</h1>\n<p>Bad   Gateway</p></html>', [])).toEqual({ text: '502 Bad Gateway', json: false });
	});

	it('finds nothing in a body without a message', () => {
		expect(providerText({ foo: 1 }, [])).toBeUndefined();
		expect(providerText('', [])).toBeUndefined();
		expect(providerText(undefined, [])).toBeUndefined();
	});

	it('cuts every secret out, longest first, of JSON and of text', () => {
		expect(providerText({ detail: 'bad whsec_123456' }, SECRETS)?.text).toBe('bad [redacted]');
		expect(providerText(`<p>sk_live_abcdef</p>`, SECRETS)?.text).toBe('[redacted]');
		expect(providerText('abcdefgh abcd', ['abcd', 'abcdefgh'])?.text).toBe('[redacted] [redacted]');
	});
});

describe('quote', () => {
	it(`keeps ${MAX_QUOTE} characters whole and cuts one more with an ellipsis`, () => {
		expect(MAX_QUOTE).toBe(200);
		expect(shorten('x'.repeat(200))).toBe('x'.repeat(200));
		expect(shorten('x'.repeat(201))).toBe(`${'x'.repeat(200)}…`);
		expect(quote('said')).toBe('"said"');
		expect(quote('y'.repeat(500))).toBe(`"${'y'.repeat(200)}…"`);
	});
});

describe('wording helpers', () => {
	it('says a timeout in seconds', () => {
		expect(secondsText(300)).toBe('0.3 seconds');
		expect(secondsText(1000)).toBe('1 second');
		expect(secondsText(30_000)).toBe('30 seconds');
	});

	it('describes no answer by service and origin only', () => {
		const origin = 'https://tracker.example';
		expect(describeNoAnswer('FaithTracker', { kind: 'timed_out', origin, timeoutMs: 30_000 }).message).toBe('FaithTracker did not answer within 30 seconds');
		expect(describeNoAnswer('FaithTracker', { kind: 'unreachable', origin, code: 'ECONNREFUSED' }).message).toBe('Could not connect to FaithTracker');
		expect(describeNoAnswer('FaithTracker', { kind: 'unreachable', origin, code: 'ENOTFOUND' }).message).toBe('Could not find the FaithTracker host');
		const other = describeNoAnswer('FaithTracker', { kind: 'unreachable', origin, code: 'EPROTO', reason: 'z'.repeat(400) });
		expect(other.message).toBe('Could not reach FaithTracker');
		expect(other.description).toBe(`The request to ${origin} failed (EPROTO): ${'z'.repeat(200)}…`);
	});

	it('quotes an answer of the wrong shape with its secrets cut out', () => {
		expect(unexpectedAnswer('no list', { message: 'login with sk_live_abcdef' }, SECRETS)).toEqual({
			kind: 'unexpected_answer',
			problem: 'no list',
			said: { text: 'login with [redacted]', json: true },
		});
	});
});

describe('credential helpers', () => {
	it('accepts only http(s) URLs', () => {
		expect(parseHttpUrl('https://a.example/x')?.origin).toBe('https://a.example');
		expect(parseHttpUrl('http://127.0.0.1:8080')?.origin).toBe('http://127.0.0.1:8080');
		for (const raw of ['', 'a.example', 'ftp://a.example', 'javascript:alert(1)']) expect(parseHttpUrl(raw)).toBeUndefined();
	});

	it('collects the set secret fields only', () => {
		expect(secretsOf({ apiKey: 'k-123456', signingSecret: '', other: 'shown' }, ['apiKey', 'signingSecret', 'missing'])).toEqual(['k-123456']);
	});

	it('passes a JSON object answer on and anything else as redacted text with its status', () => {
		expect(jsonAnswer({ statusCode: 200, body: { success: true } }, [])).toEqual({ success: true });
		expect(jsonAnswer({ statusCode: 200, body: 'ok whsec_123456' }, SECRETS)).toEqual({ statusCode: 200, body: 'ok [redacted]' });
	});
});
