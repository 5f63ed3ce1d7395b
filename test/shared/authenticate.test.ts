import { createHmac } from 'node:crypto';

import { authenticate as authenticateResolved } from '../../nodes/shared/pipeline/authenticate';
import type { DeliveryRequest } from '../../nodes/shared/pipeline/delivery';
import { settingsFrom, type TriggerChoices } from '../../nodes/shared/pipeline/settings';
import type { AuthenticationScheme, HeaderMap, HmacScheme, IpAllowlistScheme, ProviderDefinition } from '../../nodes/shared/provider';

const NOW = new Date('2025-08-07T10:30:00Z');
const TS = String(NOW.getTime() / 1000);
const SECRET = 's3cret';
const BODY = Buffer.from('{"event_type":"child.education.milestone_achieved"}');

const timestampedScheme: HmacScheme = {
	kind: 'hmac-sha256',
	signatureHeader: 'X-MerajutASA-Signature',
	encoding: { prefix: 'sha256=', prefixPolicy: 'optional' },
	timestamp: { header: 'X-MerajutASA-Timestamp', defaultToleranceSeconds: 300 },
};
const ipScheme: IpAllowlistScheme = {
	kind: 'ip-allowlist',
	defaultRanges: ['52.66.123.0/24'],
	optionalHmac: { signatureHeader: 'x-esahayak-signature', encoding: { prefixPolicy: 'forbidden' } },
};
const settings: TriggerChoices = { events: ['*'], secrets: [SECRET], invalidPayload: 'reject', includeHeaders: false };

/** authenticate() with the verification the trigger would resolve for this scheme and these choices. */
function authenticate(scheme: AuthenticationScheme, request: DeliveryRequest, choices: TriggerChoices) {
	const provider = { authentication: scheme } as ProviderDefinition;
	return authenticateResolved(request, settingsFrom(provider, choices).verification);
}

const hex = (content: string | Buffer, secret = SECRET) => createHmac('sha256', secret).update(content).digest('hex');
const req = (headers: HeaderMap, rawBody: Buffer = BODY, socketAddress = '52.66.123.7'): DeliveryRequest => ({
	rawBody,
	headers,
	socketAddress,
	now: NOW,
});
const reasonOf = (verdict: ReturnType<typeof authenticate>) => (verdict.ok ? 'accepted' : verdict.reason);

describe('authenticate', () => {
	const signature = `sha256=${hex(Buffer.concat([Buffer.from(`${TS}.`), BODY]))}`;

	it('looks up header names case-insensitively (scheme names may be written in any case)', () => {
		const verdict = authenticate(
			timestampedScheme,
			req({ 'x-merajutasa-signature': signature, 'x-merajutasa-timestamp': TS }),
			settings,
		);
		expect(verdict).toEqual({ ok: true });
	});

	it('checks the replay window before the signature', () => {
		const old = String(Number(TS) - 301);
		const verdict = authenticate(
			timestampedScheme,
			req({ 'x-merajutasa-signature': 'garbage', 'x-merajutasa-timestamp': old }),
			settings,
		);
		expect(reasonOf(verdict)).toBe('stale_timestamp');
	});

	it('reports a missing body before looking at the signature', () => {
		const noBody: DeliveryRequest = { ...req({}), rawBody: undefined };
		expect(reasonOf(authenticate(timestampedScheme, noBody, settings))).toBe('missing_body');
	});

	it('uses the default ranges when the settings carry no allowlist', () => {
		expect(reasonOf(authenticate(ipScheme, req({}, BODY, '52.66.123.7'), settings))).toBe('accepted');
		expect(reasonOf(authenticate(ipScheme, req({}, BODY, '52.66.124.7'), settings))).toBe('ip_not_allowed');
	});

	it('verifies the optional HMAC with its own encoding (bare hex here)', () => {
		const on = { ...settings, optionalHmac: { enabled: true, header: '' } };
		expect(reasonOf(authenticate(ipScheme, req({ 'x-esahayak-signature': hex(BODY) }), on))).toBe('accepted');
		expect(reasonOf(authenticate(ipScheme, req({ 'x-esahayak-signature': `sha256=${hex(BODY)}` }), on))).toBe(
			'malformed_signature',
		);
	});

	it('ignores the optional HMAC settings while it is disabled', () => {
		const off = { ...settings, optionalHmac: { enabled: false, header: 'x-esahayak-signature' } };
		expect(reasonOf(authenticate(ipScheme, req({ 'x-esahayak-signature': 'not-hex' }), off))).toBe('accepted');
	});
});
