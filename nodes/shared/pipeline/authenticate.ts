import { timestampedParts } from '../verification/hmac';
import { checkIpAllowlist, resolveClientAddress } from '../verification/ipAllowlist';
import { checkReplayWindow } from '../verification/replayWindow';
import { verifyHmacSignature } from '../verification/verifyHmacSignature';
import { ACCEPTED, reject, type Verdict } from '../verification/verdict';
import type { DeliveryRequest } from './delivery';
import { headerValue } from './headers';
import type { SignatureCheck, Verification } from './settings';

function verifySignature(check: SignatureCheck, rawBody: Buffer, request: DeliveryRequest): Verdict {
	let signedContent: Uint8Array | Uint8Array[] = rawBody;
	if (check.timestamp) {
		const timestamp = headerValue(request.headers, check.timestamp.header);
		const window = checkReplayWindow(timestamp, request.now.getTime(), check.timestamp.toleranceSeconds);
		if (!window.ok) return window;
		signedContent = timestampedParts(timestamp as string, rawBody);
	}
	return verifyHmacSignature({
		signedContent,
		signatureHeader: headerValue(request.headers, check.header),
		encoding: check.encoding,
		secrets: check.secrets,
	});
}

/**
 * Decides whether a delivery is authentic, from the raw bytes and headers only:
 * nothing here parses the body, so forged input never reaches JSON.parse.
 */
export function authenticate(request: DeliveryRequest, verification: Verification): Verdict {
	const allowlist = verification.ipAllowlist;
	if (allowlist) {
		if (!allowlist.ranges.ok) {
			return reject('not_configured', `The IP allowlist has invalid entries: ${allowlist.ranges.invalid.join(', ')}`);
		}
		const client = resolveClientAddress(request.socketAddress, request.headers['x-forwarded-for'], allowlist.trustedProxyHops);
		const verdict = checkIpAllowlist(client, allowlist.ranges.ranges);
		if (!verdict.ok) return verdict;
	}
	if (request.bodyTooLarge) {
		return reject('body_too_large', 'The body is larger than the trigger accepts');
	}
	if (request.rawBody === undefined) {
		return reject('missing_body', 'The request body could not be read as raw bytes');
	}
	return verification.signature ? verifySignature(verification.signature, request.rawBody, request) : ACCEPTED;
}
