import { redact } from '../../nodes/shared/pipeline/redact';
import type { SubscriptionApiDefinition } from '../../nodes/shared/provider';
import { addressFields, resolveAddress, subscriptionPath } from '../../nodes/shared/subscriptions/address';
import { failureOfAnswer, failureOfTransport, statusOf, unexpectedAnswer, type HttpAnswer } from '../../nodes/shared/http/failure';
import { providerText } from '../../nodes/shared/http/providerText';
import { retryAfterSeconds } from '../../nodes/shared/http/retryAfter';
import { describeSubscriptionFailure, type ApiAttempt } from '../../nodes/shared/subscriptions/failures';

const attempt: ApiAttempt = {
	provider: 'Acme',
	action: 'list the Acme webhook subscriptions',
	path: '/api/webhooks',
	addressFields: 'the Base URL in the credential',
};
const NOW = new Date('2026-01-16T10:30:00Z');
const SECRETS = ['sk_live_abcdef', 'whsec_123456'];

function describeHttpFailure(attempt: ApiAttempt, answer: HttpAnswer, secrets: readonly string[], now: Date) {
	const problem = failureOfAnswer(answer, secrets, now);
	return { ...describeSubscriptionFailure(attempt, problem), httpCode: String(statusOf(problem)) };
}

describe('describeHttpFailure', () => {
	it.each([
		[401, {}, { error: 'bad key' }, 'Acme rejected the API key (HTTP 401): check the API key in the credential'],
		[403, {}, {}, 'Acme refused access (HTTP 403): check that the API key in the credential may manage webhooks'],
		[404, {}, { error: 'Not found' }, 'Acme has no subscriptions endpoint at /api/webhooks (HTTP 404): check the Base URL in the credential'],
		[429, { 'Retry-After': '1' }, {}, 'Acme is rate limiting requests (HTTP 429): try again in 1 second'],
		[429, { 'retry-after': ['45'] }, {}, 'Acme is rate limiting requests (HTTP 429): try again in 45 seconds'],
		[429, { 'retry-after': 'Fri, 16 Jan 2026 10:35:00 GMT' }, {}, 'Acme is rate limiting requests (HTTP 429): try again in 5 minutes'],
		[429, {}, {}, 'Acme is rate limiting requests (HTTP 429): wait a moment and try again'],
		[500, {}, { error: 'boom' }, 'Acme failed to handle the request (HTTP 500): try again later'],
		[422, {}, { errors: [{ message: 'url is invalid' }, 'events is empty'] }, 'Acme refused the request (HTTP 422): url is invalid; events is empty'],
		[409, {}, '', 'Acme refused the request (HTTP 409)'],
	])('HTTP %i %j → %s', (status, headers, body, message) => {
		const failure = describeHttpFailure(attempt, { status, headers, body }, SECRETS, NOW);
		expect(failure.message).toBe(message);
		expect(failure.httpCode).toBe(String(status));
	});

	it('names the subscription on a 404 about one', () => {
		const failure = describeHttpFailure({ ...attempt, subscriptionId: 'wh_1', action: 'delete it' }, { status: 404, headers: {}, body: {} }, [], NOW);
		expect(failure.message).toBe('Acme has no webhook subscription with ID "wh_1" (HTTP 404)');
		expect(failure.description).toBe('While trying to delete it, Acme answered HTTP 404 without an error message.');
	});

	it('quotes the provider, JSON or not, readable and short', () => {
		expect(describeHttpFailure(attempt, { status: 500, headers: {}, body: { error: { message: 'nested reason' } } }, [], NOW).description).toBe(
			'While trying to list the Acme webhook subscriptions, Acme answered HTTP 500: "nested reason".',
		);
		const html = `<html><head><style>p{}</style></head><body><h1>502</h1>\n<p>Bad   Gateway</p>${'x'.repeat(300)}</body></html>`;
		const description = describeHttpFailure(attempt, { status: 502, headers: {}, body: html }, [], NOW).description;
		expect(description).toMatch(/^While trying to list the Acme webhook subscriptions, Acme answered HTTP 502 with a body that is not JSON: "502 Bad Gateway x+…"\.$/);
		expect(description.length).toBeLessThan(330);
	});

	it('never lets a known secret through, in the message or the description', () => {
		const body = { error: `key sk_live_abcdef is not allowed to set whsec_123456` };
		const failure = describeHttpFailure(attempt, { status: 400, headers: {}, body }, SECRETS, NOW);
		expect(failure.message).toBe('Acme refused the request (HTTP 400): key [redacted] is not allowed to set [redacted]');
		expect(`${failure.message}${failure.description}`).not.toMatch(/sk_live_abcdef|whsec_123456/);
	});
});

describe('helpers', () => {
	it('parses Retry-After seconds and HTTP dates, ignoring nonsense', () => {
		expect(retryAfterSeconds('120', NOW)).toBe(120);
		expect(retryAfterSeconds('Fri, 16 Jan 2026 10:30:10 GMT', NOW)).toBe(10);
		expect(retryAfterSeconds('Fri, 16 Jan 2026 10:00:00 GMT', NOW)).toBe(0);
		expect(retryAfterSeconds('soon', NOW)).toBeUndefined();
		expect(retryAfterSeconds(undefined, NOW)).toBeUndefined();
	});

	it('redacts longer secrets first and ignores trivially short ones', () => {
		expect(redact('abcdefgh abcd', ['abcd', 'abcdefgh'])).toBe('[redacted] [redacted]');
		expect(redact('a b', ['a'])).toBe('a b');
	});

	it('finds the provider message in common error shapes', () => {
		expect(providerText({ message: 'm' }, [])).toEqual({ text: 'm', json: true });
		expect(providerText({ detail: 'd' }, [])).toEqual({ text: 'd', json: true });
		expect(providerText({ foo: 1 }, [])).toBeUndefined();
		expect(providerText(Buffer.from('plain text'), [])).toEqual({ text: 'plain text', json: false });
	});

	it('describes timeouts and refused connections', () => {
		const target = { timeoutMs: 10000, origin: 'https://acme.example' };
		expect(describeSubscriptionFailure(attempt, failureOfTransport({ timedOut: true }, target, [])).message).toBe(
			'Acme did not answer within 10 seconds: try again later',
		);
		const refused = describeSubscriptionFailure(attempt, failureOfTransport({ code: 'ECONNREFUSED', timedOut: false }, target, []));
		expect(refused.message).toBe('Could not connect to Acme at https://acme.example: check the Base URL in the credential');
		expect(refused.description).toContain('(ECONNREFUSED)');
	});

	it('describes an answer of the wrong shape', () => {
		const failure = describeSubscriptionFailure(attempt, unexpectedAnswer('expected a JSON object with a "webhooks" array', '<html>Login</html>', []));
		expect(failure.message).toBe('Acme answered in an unexpected shape: expected a JSON object with a "webhooks" array');
		expect(failure.description).toContain('"Login"');
	});
});

describe('resolveAddress', () => {
	const fixed: SubscriptionApiDefinition = { path: { kind: 'fixed', path: '/api/webhooks' }, listKey: 'webhooks', assumed: false };
	const editable: SubscriptionApiDefinition = {
		path: { kind: 'credential', field: 'subscriptionsPath', fallback: '/api/webhooks' },
		listKey: 'webhooks',
		assumed: true,
	};

	it('uses the fixed path, trimming the Base URL', () => {
		expect(resolveAddress(fixed, { baseUrl: ' https://user:pw@rishi.example/// ', subscriptionsPath: '/ignored' }, 'Rishi')).toEqual({
			ok: true,
			baseUrl: 'https://user:pw@rishi.example',
			origin: 'https://rishi.example',
			collectionPath: '/api/webhooks',
		});
	});

	it('reads an editable path from the credential, falling back when empty', () => {
		expect(resolveAddress(editable, { baseUrl: 'https://a.example', subscriptionsPath: 'v2/hooks/' }, 'Acme')).toMatchObject({
			collectionPath: '/v2/hooks',
		});
		expect(resolveAddress(editable, { baseUrl: 'https://a.example', subscriptionsPath: '' }, 'Acme')).toMatchObject({
			collectionPath: '/api/webhooks',
		});
		expect(addressFields(editable)).toBe('the Base URL and Subscriptions Path in the credential');
		expect(addressFields(fixed)).toBe('the Base URL in the credential');
	});

	it('asks for a usable Base URL', () => {
		expect(resolveAddress(fixed, { baseUrl: '' }, 'Rishi')).toEqual({ ok: false, problem: 'Set the Base URL of your Rishi instance in the credential' });
		expect(resolveAddress(fixed, { baseUrl: 'rishi.example' }, 'Rishi')).toMatchObject({ ok: false });
		expect(resolveAddress(fixed, { baseUrl: 'ftp://rishi.example' }, 'Rishi')).toMatchObject({ ok: false });
	});

	it('escapes the subscription id in its path', () => {
		expect(subscriptionPath('/api/webhooks', 'a/b c')).toBe('/api/webhooks/a%2Fb%20c');
	});
});
