import { hmacSha256, SHA256_DIGEST_BYTES, timestampedParts, timestampedPayload } from '../../nodes/shared/verification/hmac';
import { opensslHmacHex } from '../support/sign';
import { loadVectors, signedContentOf } from './vectors';

describe('hmacSha256', () => {
	it('reproduces every openssl digest of the accepted vectors', () => {
		const accepted = loadVectors().filter((vector) => vector.expected === 'accepted');
		expect(accepted.length).toBeGreaterThan(10);
		for (const vector of accepted) {
			const candidates = [vector.secret, vector.previousSecret]
				.filter((secret): secret is string => secret !== undefined)
				.map((secret) => hmacSha256(secret, signedContentOf(vector)).toString('hex'));
			expect(candidates).toContain(vector.signatureHex.toLowerCase());
		}
	});

	it('returns a 32-byte digest', () => {
		expect(SHA256_DIGEST_BYTES).toBe(32);
		expect(hmacSha256('k', Buffer.from('x')).length).toBe(32);
	});

	it('matches the RFC 4231 test case 2 digest', () => {
		// Key "Jefe", data "what do ya want for nothing?"
		expect(hmacSha256('Jefe', Buffer.from('what do ya want for nothing?')).toString('hex')).toBe(
			'5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
		);
	});

	it('hashes the concatenation of its parts', () => {
		const whole = hmacSha256('k', Buffer.from('123.{"a":1}'));
		const parts = hmacSha256('k', Buffer.from('123.'), Buffer.from('{"a":1}'));
		expect(parts.equals(whole)).toBe(true);
		expect(hmacSha256('k', Buffer.from('123.')).equals(whole)).toBe(false);
	});

	it('uses the UTF-8 bytes of the secret', () => {
		const body = Buffer.from('body');
		expect(hmacSha256('é', body).equals(hmacSha256('\u0065\u0301', body))).toBe(false);
		expect(hmacSha256('é', body).equals(hmacSha256('\u00e9', body))).toBe(true);
	});
});

describe('timestampedPayload', () => {
	it('is `<timestamp>.<body>` with the body bytes untouched', () => {
		const body = Buffer.from([0xff, 0xfe, 0x00, 0x41]);
		expect(timestampedPayload('1754562600', body).toString('hex')).toBe(
			Buffer.from('1754562600.').toString('hex') + 'fffe0041',
		);
	});

	it('is just `<timestamp>.` for an empty body', () => {
		expect(timestampedPayload('1', Buffer.alloc(0)).toString('utf8')).toBe('1.');
	});
});

describe('timestampedParts', () => {
	it('signs like the joined content (openssl over `<timestamp>.<body>`), without copying the body', () => {
		const body = Buffer.from('{"event_type":"volunteer.registered","note":"ü"}', 'utf8');
		const parts = timestampedParts('1754562600', body);
		expect(parts[1]).toBe(body);
		expect(hmacSha256('s3cret', ...parts).toString('hex')).toBe(opensslHmacHex('s3cret', `1754562600.${body.toString('utf8')}`));
	});
});
