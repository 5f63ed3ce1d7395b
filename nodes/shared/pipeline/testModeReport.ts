import type { ProviderDefinition } from '../provider';
import type { RejectionReason } from '../verification/verdict';
import type { DeliveryOutcome } from './delivery';
import type { TriggerSettings } from './settings';

/**
 * What the editor shows while a trigger is listening for a test event and a
 * delivery starts nothing: without it the panel keeps saying "Listening" and
 * only the server log knows why. It is built only in n8n's manual mode; the
 * provider's answer is the same as in production. `detail` is the
 * rejection's own text, which never holds a secret or a computed signature.
 */
export interface TestModeReport {
	/** True for a refusal; false for a delivery acknowledged without running the workflow. */
	readonly refused: boolean;
	/** The status the provider was answered with. */
	readonly status: number;
	readonly reason: RejectionReason | AcknowledgedReason;
	readonly detail: string;
	/** What to change, in the editor's words. */
	readonly hint: string;
}

type AcknowledgedReason = 'event_not_selected' | 'connection_test' | 'duplicate';

type Refusal = Extract<DeliveryOutcome, { action: 'reject' }>;

function signatureHint(provider: ProviderDefinition, settings: TriggerSettings, reason: RejectionReason): string {
	const name = provider.displayName;
	const header = settings.verification.signature?.header ?? 'signature';
	switch (reason) {
		case 'missing_signature':
			return `The request has no ${header} header. ${name} signs every delivery, so it did not come from ${name}, or something between ${name} and n8n dropped the header.`;
		case 'malformed_signature':
			return `The ${header} header is not in the format ${name} uses: send it exactly as ${name} does.`;
		case 'signature_mismatch':
			return `The signature was made with another secret, or the body changed on its way. Put the exact secret ${name} shows into the credential's Signing Secret (no spaces), and make sure no proxy rewrites the body.`;
		default:
			return `Put the secret ${name} signs with into the credential's Signing Secret.`;
	}
}

function timestampHint(provider: ProviderDefinition, settings: TriggerSettings, reason: RejectionReason): string {
	const header = settings.verification.signature?.timestamp?.header ?? 'timestamp';
	if (reason === 'stale_timestamp') {
		return `The ${header} is outside the replay window: an old delivery sent again, or a clock that is off. Check the clocks of the sender and of n8n, or widen Replay Tolerance under Options.`;
	}
	return `The request needs a ${header} header in whole Unix seconds, as ${provider.displayName} sends it.`;
}

function hintFor(provider: ProviderDefinition, settings: TriggerSettings, refusal: Refusal): string {
	const name = provider.displayName;
	const reason = refusal.rejection.reason;
	switch (reason) {
		case 'missing_signature':
		case 'malformed_signature':
		case 'signature_mismatch':
			return signatureHint(provider, settings, reason);
		case 'missing_timestamp':
		case 'malformed_timestamp':
		case 'stale_timestamp':
			return timestampHint(provider, settings, reason);
		case 'ip_not_allowed':
			return `The sender's address is outside Allowed IP Ranges. Testing from your own machine: add its address (e.g. 127.0.0.1) to Allowed IP Ranges while you test. Behind a reverse proxy: set Trusted Proxy Hops to the number of proxies in front of n8n, so the address the proxy forwards is checked.`;
		case 'body_too_large':
			return 'The body is larger than Max Body Size under Options; raise it if the provider really sends bodies this large.';
		case 'missing_body':
		case 'not_json':
			return `${name} sends a JSON object; the body received was not one.`;
		case 'invalid_payload':
		case 'event_mismatch':
			return `The body is not shaped like a ${name} event. Compare it with the event's sample, or set On Invalid Payload under Options to emit it anyway.`;
		case 'delivery_in_progress':
			return 'Ignore Duplicate Deliveries is on and the same delivery is being recorded by another request; the provider retries it.';
		case 'not_configured':
			return refusal.rejection.detail.includes('signing secret')
				? `Add the signing secret to the trigger's credential (Signing Secret): without it every delivery is refused.`
				: 'Check the trigger parameters named in the detail.';
		case 'unknown_tenant':
		case 'receiver_paused':
			return `${name}'s answer says why; check the trigger's ${name} options.`;
	}
}

/** The report of a refused delivery. */
export function refusalReport(provider: ProviderDefinition, settings: TriggerSettings | undefined, refusal: Refusal): TestModeReport {
	const { reason, detail } = refusal.rejection;
	const hint = settings ? hintFor(provider, settings, refusal) : 'The trigger parameters could not be read: open the node and check them.';
	return { refused: true, status: refusal.reply.status, reason, detail, hint };
}

const ACKNOWLEDGED_HINTS: Readonly<Record<AcknowledgedReason, (eventType: string) => string>> = {
	event_not_selected: (eventType) => `Add ${eventType} to Events to run the workflow for it.`,
	connection_test: () => 'A connection test from the provider: turn on Emit Connection Tests under Options to run the workflow for it.',
	duplicate: () => 'Ignore Duplicate Deliveries is on and this delivery was recorded already (the same event ID or, without one, the same body).',
};

/** The report of a delivery answered with success that starts nothing. */
export function acknowledgedReport(status: number, reason: AcknowledgedReason, eventType: string): TestModeReport {
	const detail =
		reason === 'event_not_selected'
			? `The event ${eventType} is not selected`
			: reason === 'connection_test'
				? `The connection test ${eventType} is not emitted`
				: `The delivery of ${eventType} was recorded before`;
	return { refused: false, status, reason, detail, hint: ACKNOWLEDGED_HINTS[reason](eventType) };
}
