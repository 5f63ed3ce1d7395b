import { createHmac } from 'node:crypto';

import type { SignatureEncoding } from '../../nodes/shared/verification/signatureHeader';
import { verifyHmacSignature } from '../../nodes/shared/verification/verifyHmacSignature';
import { loadVectors, secretsOf, signedContentOf } from './vectors';

const PREFIXED: SignatureEncoding = { prefix: 'sha256=', prefixPolicy: 'optional' };
const BODY = Buffer.from('{"event":"booking.created","data":{"id":"booking-123"}}', 'utf8');

/** Real HMAC, computed here with node:crypto, not with the code under test. */
function sign(secret: string, content: Uint8Array): string {
	return createHmac('sha256', secret).update(content).digest('hex');
}

describe('verifyHmacSignature against the openssl vectors', () => {
	const vectors = loadVectors();

	it.each(vectors.map((vector) => [vector.name, vector] as const))('%s', (_name, vector) => {
		const verdict = verifyHmacSignature({
			signedContent: signedContentOf(vector),
			signatureHeader: vector.header,
			encoding: vector.encoding,
			secrets: secretsOf(vector),
		});
		if (vector.expected === 'accepted') {
			expect(verdict).toEqual({ ok: true });
		} else {
			expect(verdict).toMatchObject({ ok: false, reason: vector.expected });
		}
	});

	it('accepts no vector with the wrong secret (every accepted vector depends on its secret)', () => {
		for (const vector of vectors.filter((v) => v.expected === 'accepted')) {
			const verdict = verifyHmacSignature({
				signedContent: signedContentOf(vector),
				signatureHeader: vector.header,
				encoding: vector.encoding,
				secrets: ['not-the-secret'],
			});
			expect(verdict).toMatchObject({ ok: false, reason: 'signature_mismatch' });
		}
	});
});

describe('verifyHmacSignature', () => {
	const secret = 'current-secret';
	const hex = sign(secret, BODY);
	const verify = (signatureHeader: string | undefined, secrets: readonly string[] = [secret], encoding = PREFIXED) =>
		verifyHmacSignature({ signedContent: BODY, signatureHeader, encoding, secrets });

	it('accepts a correct signature', () => {
		expect(verify(`sha256=${hex}`)).toEqual({ ok: true });
	});

	it('refuses a missing header as missing_signature', () => {
		expect(verify(undefined)).toMatchObject({ ok: false, reason: 'missing_signature' });
	});

	it('refuses an empty or blank header as missing_signature', () => {
		expect(verify('')).toMatchObject({ ok: false, reason: 'missing_signature' });
		expect(verify('   ')).toMatchObject({ ok: false, reason: 'missing_signature' });
	});

	describe('prefix policies', () => {
		const required: SignatureEncoding = { prefix: 'sha256=', prefixPolicy: 'required' };
		const optional: SignatureEncoding = { prefix: 'sha256=', prefixPolicy: 'optional' };
		const forbidden: SignatureEncoding = { prefix: 'sha256=', prefixPolicy: 'forbidden' };

		it.each([
			['required', required, `sha256=${hex}`, 'accepted'],
			['required', required, hex, 'malformed_signature'],
			['optional', optional, `sha256=${hex}`, 'accepted'],
			['optional', optional, hex, 'accepted'],
			['forbidden', forbidden, hex, 'accepted'],
			['forbidden', forbidden, `sha256=${hex}`, 'malformed_signature'],
		] as const)('%s: %s -> %s', (_policy, encoding, header, expected) => {
			const verdict = verify(header, [secret], encoding);
			if (expected === 'accepted') expect(verdict).toEqual({ ok: true });
			else expect(verdict).toMatchObject({ ok: false, reason: expected });
		});

		it('refuses a well-formed but wrong digest under every policy', () => {
			const wrong = sign('other', BODY);
			expect(verify(`sha256=${wrong}`, [secret], required)).toMatchObject({ reason: 'signature_mismatch' });
			expect(verify(wrong, [secret], optional)).toMatchObject({ reason: 'signature_mismatch' });
			expect(verify(wrong, [secret], forbidden)).toMatchObject({ reason: 'signature_mismatch' });
		});
	});

	describe('rotation', () => {
		const previous = 'previous-secret';
		const signedWithPrevious = sign(previous, BODY);

		it('accepts a signature made with either the current or the previous secret', () => {
			expect(verify(hex, [secret, previous])).toEqual({ ok: true });
			expect(verify(signedWithPrevious, [secret, previous])).toEqual({ ok: true });
		});

		it('refuses the previous secret once it is no longer configured', () => {
			expect(verify(signedWithPrevious, [secret])).toMatchObject({ ok: false, reason: 'signature_mismatch' });
		});

		it('ignores empty strings among the secrets', () => {
			expect(verify(signedWithPrevious, ['', previous])).toEqual({ ok: true });
			expect(verify(hex, [secret, ''])).toEqual({ ok: true });
		});

		it('does not treat an empty secret as a key (HMAC with an empty key is not accepted)', () => {
			const signedWithEmptyKey = sign('', BODY);
			expect(verify(signedWithEmptyKey, [secret, ''])).toMatchObject({ ok: false, reason: 'signature_mismatch' });
		});
	});

	describe('fails closed without a secret', () => {
		it('refuses with not_configured when no secret is given', () => {
			expect(verify(`sha256=${hex}`, [])).toMatchObject({ ok: false, reason: 'not_configured' });
		});

		it('refuses with not_configured when every secret is empty, even for an empty-key signature', () => {
			expect(verify(sign('', BODY), ['', ''])).toMatchObject({ ok: false, reason: 'not_configured' });
		});

		it('reports not_configured before looking at the header', () => {
			expect(verify(undefined, [])).toMatchObject({ ok: false, reason: 'not_configured' });
		});
	});

	describe('failures are typed verdicts, not exceptions', () => {
		it.each([
			['missing', undefined, 'missing_signature'],
			['odd length', hex.slice(0, 63), 'malformed_signature'],
			['short even length', hex.slice(0, 62), 'malformed_signature'],
			['too long', `${hex}00`, 'malformed_signature'],
			['non-hex', 'z'.repeat(64), 'malformed_signature'],
			['non-ASCII', `sha256=${'é'.repeat(64)}`, 'malformed_signature'],
			['huge', 'a'.repeat(100_000), 'malformed_signature'],
			['wrong digest', sign('wrong', BODY), 'signature_mismatch'],
		] as const)('%s -> %s', (_label, header, reason) => {
			let verdict: ReturnType<typeof verify> | undefined;
			expect(() => {
				verdict = verify(header);
			}).not.toThrow();
			expect(verdict).toMatchObject({ ok: false, reason });
			expect(typeof (verdict as { detail: string }).detail).toBe('string');
		});

		it('never puts the secret or the expected signature in the detail', () => {
			const verdict = verify(sign('wrong', BODY));
			expect(verdict.ok).toBe(false);
			const detail = (verdict as { detail: string }).detail;
			expect(detail).not.toContain(secret);
			expect(detail.toLowerCase()).not.toContain(hex);
		});
	});

	it('verifies over the exact bytes: one more trailing byte is a mismatch', () => {
		const verdict = verifyHmacSignature({
			signedContent: Buffer.concat([BODY, Buffer.from('\n')]),
			signatureHeader: hex,
			encoding: PREFIXED,
			secrets: [secret],
		});
		expect(verdict).toMatchObject({ ok: false, reason: 'signature_mismatch' });
	});
});
