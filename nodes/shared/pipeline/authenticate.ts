import type { AuthenticationScheme, HmacScheme } from '../provider';
import { timestampedPayload } from '../verification/hmac';
import { checkIpAllowlist, parseAllowlist, resolveClientAddress } from '../verification/ipAllowlist';
import { checkReplayWindow, DEFAULT_REPLAY_TOLERANCE_SECONDS } from '../verification/replayWindow';
import { verifyHmacSignature } from '../verification/verifyHmacSignature';
import { ACCEPTED, reject, type Verdict } from '../verification/verdict';
import type { DeliveryRequest } from './delivery';
import { headerValue } from './headers';
import type { TriggerSettings } from './settings';

function verifyHmac(
	scheme: Omit<HmacScheme, 'kind'>,
	signatureHeaderName: string,
	rawBody: Buffer,
	request: DeliveryRequest,
	settings: TriggerSettings,
): Verdict {
	let signedContent: Uint8Array = rawBody;
	if (scheme.timestamp) {
		const timestamp = headerValue(request.headers, scheme.timestamp.header);
		const window = checkReplayWindow(
			timestamp,
			request.now.getTime(),
			settings.replayToleranceSeconds ?? scheme.timestamp.defaultToleranceSeconds ?? DEFAULT_REPLAY_TOLERANCE_SECONDS,
		);
		if (!window.ok) return window;
		signedContent = timestampedPayload(timestamp as string, rawBody);
	}
	return verifyHmacSignature({
		signedContent,
		signatureHeader: headerValue(request.headers, signatureHeaderName),
		encoding: scheme.encoding,
		secrets: settings.secrets,
	});
}

/**
 * Decides whether a delivery is authentic, from the raw bytes and headers only:
 * nothing here parses the body, so forged input never reaches JSON.parse.
 */
export function authenticate(
	scheme: AuthenticationScheme,
	request: DeliveryRequest,
	settings: TriggerSettings,
): Verdict {
	if (scheme.kind === 'ip-allowlist') {
		const allowlist = settings.ipAllowlist;
		if (allowlist?.enabled !== false) {
			const parsed = parseAllowlist(allowlist?.ranges ?? scheme.defaultRanges);
			if (!parsed.ok) {
				return reject('not_configured', `The IP allowlist has invalid entries: ${parsed.invalid.join(', ')}`);
			}
			const client = resolveClientAddress(
				request.socketAddress,
				request.headers['x-forwarded-for'],
				allowlist?.trustedProxyHops ?? 0,
			);
			const verdict = checkIpAllowlist(client, parsed.ranges);
			if (!verdict.ok) return verdict;
		}
	}
	if (request.bodyTooLarge) {
		return reject('body_too_large', 'The body is larger than the trigger accepts');
	}
	if (request.rawBody === undefined) {
		return reject('missing_body', 'The request body could not be read as raw bytes');
	}
	if (scheme.kind === 'hmac-sha256') {
		return verifyHmac(scheme, scheme.signatureHeader, request.rawBody, request, settings);
	}
	if (settings.optionalHmac?.enabled) {
		const header = settings.optionalHmac.header.trim() || scheme.optionalHmac.signatureHeader;
		return verifyHmac(scheme.optionalHmac, header, request.rawBody, request, settings);
	}
	return ACCEPTED;
}
