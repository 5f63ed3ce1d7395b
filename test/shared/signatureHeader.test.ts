import {
	decodeSignatureHeader,
	encodeSignatureHeader,
	type SignatureEncoding,
} from '../../nodes/shared/verification/signatureHeader';

const DIGEST = Buffer.from('00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff', 'hex');
const HEX = DIGEST.toString('hex');
const REQUIRED: SignatureEncoding = { prefix: 'sha256=', prefixPolicy: 'required' };
const OPTIONAL: SignatureEncoding = { prefix: 'sha256=', prefixPolicy: 'optional' };
const FORBIDDEN: SignatureEncoding = { prefix: 'sha256=', prefixPolicy: 'forbidden' };
const BARE: SignatureEncoding = { prefixPolicy: 'optional' };

function digestOf(value: string | undefined, encoding: SignatureEncoding): string | undefined {
	const decoded = decodeSignatureHeader(value, encoding);
	return decoded.ok ? decoded.digest.toString('hex') : undefined;
}

function reasonOf(value: string | undefined, encoding: SignatureEncoding): string | undefined {
	const decoded = decodeSignatureHeader(value, encoding);
	return decoded.ok ? undefined : decoded.reason;
}

describe('decodeSignatureHeader', () => {
	it('decodes a prefixed digest under required and optional', () => {
		expect(digestOf(`sha256=${HEX}`, REQUIRED)).toBe(HEX);
		expect(digestOf(`sha256=${HEX}`, OPTIONAL)).toBe(HEX);
	});

	it('decodes bare hex under optional and forbidden', () => {
		expect(digestOf(HEX, OPTIONAL)).toBe(HEX);
		expect(digestOf(HEX, FORBIDDEN)).toBe(HEX);
		expect(digestOf(HEX, BARE)).toBe(HEX);
	});

	it('refuses bare hex when the prefix is required', () => {
		expect(reasonOf(HEX, REQUIRED)).toBe('malformed_signature');
	});

	it('refuses a prefix when it is forbidden', () => {
		expect(reasonOf(`sha256=${HEX}`, FORBIDDEN)).toBe('malformed_signature');
	});

	it('refuses a prefix the encoding does not know', () => {
		expect(reasonOf(`sha256=${HEX}`, BARE)).toBe('malformed_signature');
		expect(reasonOf(`sha1=${HEX}`, OPTIONAL)).toBe('malformed_signature');
		expect(reasonOf(`sha512=${HEX}`, REQUIRED)).toBe('malformed_signature');
	});

	it('accepts uppercase hex and an uppercase prefix (compared as bytes)', () => {
		expect(digestOf(HEX.toUpperCase(), OPTIONAL)).toBe(HEX);
		expect(digestOf(`SHA256=${HEX.toUpperCase()}`, REQUIRED)).toBe(HEX);
	});

	it('ignores surrounding whitespace', () => {
		expect(digestOf(`  sha256=${HEX}\t`, REQUIRED)).toBe(HEX);
	});

	it('refuses whitespace inside the value', () => {
		expect(reasonOf(`sha256= ${HEX}`, REQUIRED)).toBe('malformed_signature');
		expect(reasonOf(`${HEX.slice(0, 32)} ${HEX.slice(32)}`, OPTIONAL)).toBe('malformed_signature');
	});

	it.each([undefined, '', '   '])('treats %p as a missing signature', (value) => {
		expect(reasonOf(value, OPTIONAL)).toBe('missing_signature');
	});

	it.each([
		['prefix only', 'sha256='],
		['63 digits', HEX.slice(0, 63)],
		['62 digits', HEX.slice(0, 62)],
		['65 digits', `${HEX}0`],
		['66 digits', `${HEX}00`],
		['non-hex digit', `${HEX.slice(0, 63)}g`],
		['doubled prefix', `sha256=sha256=${HEX}`],
		['base64 digest', DIGEST.toString('base64')],
	])('refuses %s as malformed', (_label, value) => {
		expect(reasonOf(value, OPTIONAL)).toBe('malformed_signature');
	});

	it('gives details that do not repeat the header value', () => {
		const decoded = decodeSignatureHeader(`${HEX}0`, OPTIONAL);
		expect(decoded.ok).toBe(false);
		expect((decoded as { detail: string }).detail).not.toContain(HEX);
	});
});

describe('encodeSignatureHeader', () => {
	it('writes the prefix for required and optional', () => {
		expect(encodeSignatureHeader(DIGEST, REQUIRED)).toBe(`sha256=${HEX}`);
		expect(encodeSignatureHeader(DIGEST, OPTIONAL)).toBe(`sha256=${HEX}`);
	});

	it('writes bare lowercase hex when the prefix is forbidden or absent', () => {
		expect(encodeSignatureHeader(DIGEST, FORBIDDEN)).toBe(HEX);
		expect(encodeSignatureHeader(DIGEST, BARE)).toBe(HEX);
		expect(encodeSignatureHeader(DIGEST, { prefix: '', prefixPolicy: 'required' })).toBe(HEX);
	});

	it.each([REQUIRED, OPTIONAL, FORBIDDEN, BARE])('round-trips through decode (%p)', (encoding) => {
		expect(digestOf(encodeSignatureHeader(DIGEST, encoding), encoding)).toBe(HEX);
	});
});
