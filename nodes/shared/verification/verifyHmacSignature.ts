import { constantTimeEqual } from './constantTimeEqual';
import { hmacSha256 } from './hmac';
import { decodeSignatureHeader, type SignatureEncoding } from './signatureHeader';
import { ACCEPTED, reject, type Verdict } from './verdict';

export interface HmacVerificationInput {
	/** Exactly the bytes that were signed (the raw body, or `<timestamp>.<body>` in parts). */
	readonly signedContent: Uint8Array | readonly Uint8Array[];
	readonly signatureHeader: string | undefined;
	readonly encoding: SignatureEncoding;
	/** Current secret first, then previous ones (rotation). Empty entries are ignored. */
	readonly secrets: readonly string[];
}

/**
 * HMAC-SHA256 verification with rotation: any configured secret may match.
 * Every secret is tried even after a match so the time taken does not reveal
 * which one matched.
 */
export function verifyHmacSignature(input: HmacVerificationInput): Verdict {
	const secrets = input.secrets.filter((secret) => secret !== '');
	if (secrets.length === 0) {
		// Fail closed: an unconfigured secret must never mean "accept everything".
		return reject('not_configured', 'No signing secret is configured for this trigger');
	}
	const decoded = decodeSignatureHeader(input.signatureHeader, input.encoding);
	if (!decoded.ok) return decoded;

	const parts = input.signedContent instanceof Uint8Array ? [input.signedContent] : input.signedContent;
	let matched = false;
	for (const secret of secrets) {
		const expected = hmacSha256(secret, ...parts);
		if (constantTimeEqual(expected, decoded.digest)) matched = true;
	}
	return matched ? ACCEPTED : reject('signature_mismatch', 'The signature does not match the body');
}
