import { SHA256_DIGEST_BYTES } from './hmac';
import { reject, type Rejection } from './verdict';

/**
 * How a provider writes the digest into its header: `sha256=<hex>` or bare
 * `<hex>`. `optional` accepts both (a receiver in the provider's own guide
 * strips the prefix, so senders exist that omit it).
 */
export interface SignatureEncoding {
	readonly prefix?: string;
	readonly prefixPolicy: 'required' | 'optional' | 'forbidden';
}

const HEX_SHA256 = new RegExp(`^[0-9a-fA-F]{${SHA256_DIGEST_BYTES * 2}}$`);

export type DecodedSignature = { readonly ok: true; readonly digest: Buffer } | Rejection;

/**
 * Turns a header value into the digest bytes it claims. Hex case does not
 * matter because the comparison is made on decoded bytes.
 */
export function decodeSignatureHeader(
	value: string | undefined,
	encoding: SignatureEncoding,
): DecodedSignature {
	if (value === undefined || value.trim() === '') {
		return reject('missing_signature', 'The signature header is missing or empty');
	}
	let hex = value.trim();
	const prefix = encoding.prefix ?? '';
	const hasPrefix = prefix !== '' && hex.toLowerCase().startsWith(prefix.toLowerCase());
	if (hasPrefix && encoding.prefixPolicy === 'forbidden') {
		return reject('malformed_signature', 'The signature must be bare hex, without a prefix');
	}
	if (!hasPrefix && encoding.prefixPolicy === 'required') {
		return reject('malformed_signature', `The signature must start with "${prefix}"`);
	}
	if (hasPrefix) hex = hex.slice(prefix.length);
	if (!HEX_SHA256.test(hex)) {
		return reject(
			'malformed_signature',
			`The signature must be ${SHA256_DIGEST_BYTES * 2} hexadecimal characters`,
		);
	}
	return { ok: true, digest: Buffer.from(hex, 'hex') };
}

/** Renders a digest the way a provider would send it (used by senders and tests). */
export function encodeSignatureHeader(digest: Uint8Array, encoding: SignatureEncoding): string {
	const hex = Buffer.from(digest).toString('hex');
	return encoding.prefixPolicy === 'forbidden' || !encoding.prefix ? hex : `${encoding.prefix}${hex}`;
}
