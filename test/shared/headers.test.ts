import { headerValue, redactHeaders } from '../../nodes/shared/pipeline/headers';
import { REDACTED } from '../../nodes/shared/pipeline/redact';

describe('headerValue', () => {
	const headers = { 'x-rishi-signature': 'sha256=abc', 'x-forwarded-for': ['1.1.1.1', '2.2.2.2'], 'x-none': undefined };

	it('looks names up case-insensitively (headers arrive lower-cased)', () => {
		expect(headerValue(headers, 'X-Rishi-Signature')).toBe('sha256=abc');
		expect(headerValue(headers, 'x-rishi-signature')).toBe('sha256=abc');
	});

	it('joins repeated values with ", "', () => {
		expect(headerValue(headers, 'X-Forwarded-For')).toBe('1.1.1.1, 2.2.2.2');
	});

	it('returns undefined for absent headers', () => {
		expect(headerValue(headers, 'x-none')).toBeUndefined();
		expect(headerValue(headers, 'x-other')).toBeUndefined();
	});
});

describe('redactHeaders', () => {
	const headers = {
		'content-type': 'application/json',
		'x-rishi-signature': 'sha256=abc',
		authorization: 'Bearer token',
		'proxy-authorization': 'Basic xyz',
		cookie: 'session=1',
		'x-api-key': 'key',
		'x-n8n-api-key': 'n8n-key',
		'x-forwarded-for': ['1.1.1.1', '2.2.2.2'],
		'x-absent': undefined,
	};

	it('replaces the named signature header (any case) and the credential headers', () => {
		expect(redactHeaders(headers, ['X-Rishi-Signature'])).toEqual({
			'content-type': 'application/json',
			'x-rishi-signature': REDACTED,
			authorization: REDACTED,
			'proxy-authorization': REDACTED,
			cookie: REDACTED,
			'x-api-key': REDACTED,
			'x-n8n-api-key': REDACTED,
			'x-forwarded-for': '1.1.1.1, 2.2.2.2',
		});
	});

	it('redacts credentials even when no signature header is named', () => {
		const copy = redactHeaders(headers, []);
		expect(copy.authorization).toBe(REDACTED);
		expect(copy['x-rishi-signature']).toBe('sha256=abc');
	});

	it('redacts header names received in upper case', () => {
		expect(redactHeaders({ Authorization: 'Bearer t', 'X-Webhook-Signature': 'ab' }, ['x-webhook-signature'])).toEqual({
			Authorization: REDACTED,
			'X-Webhook-Signature': REDACTED,
		});
	});

	it('does not modify its input', () => {
		const input = { authorization: 'Bearer token' };
		redactHeaders(input, []);
		expect(input.authorization).toBe('Bearer token');
	});
});
