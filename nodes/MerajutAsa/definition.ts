import { DEFAULT_REJECTION_STATUS } from '../shared/pipeline/replies';
import { buildCatalogue } from '../shared/catalogue';
import type { HttpReply, ProviderDefinition } from '../shared/provider';
import { ASSUMED_RISHI_STYLE_API } from '../shared/subscriptions/rishiStyleApi';
import type { Rejection, RejectionReason } from '../shared/verification/verdict';
import { MERAJUTASA_EVENTS } from './events';
import { MERAJUTASA_SAMPLES } from './samples';
import { MERAJUTASA_SCHEMAS } from './schemas';

/**
 * MerajutASA, MerajutASA's Webhook Integration Setup Guide: `X-MerajutASA-Signature: sha256=<hex>`,
 * HMAC-SHA256 over `<X-MerajutASA-Timestamp>.<raw body>`, the timestamp in Unix
 * seconds and at most 5 minutes from our clock. The guide's receiver strips
 * the prefix before comparing, so bare hex verifies too. Its receiver hashes
 * `JSON.stringify(req.body)`; we verify the bytes received instead, as the
 * sender signs what it sends.
 *
 * MerajutASA publishes no webhook-subscription API yet, so its `subscriptions`
 * are Rishi's shape, assumed (ASSUMED_RISHI_STYLE_API).
 */
export const MERAJUTASA_SIGNATURE_HEADER = 'x-merajutasa-signature';
export const MERAJUTASA_TIMESTAMP_HEADER = 'x-merajutasa-timestamp';

/**
 * The guide's two refusals, word for word. Missing and malformed timestamps
 * are not in the guide (its receiver would compare against `NaN`); they are
 * answered 400 like a stale one, since no signature can make such a delivery
 * acceptable and the sender, not a forger, is the one who needs to know.
 */
const ERRORS: Partial<Record<RejectionReason, string>> = {
	missing_signature: 'Invalid webhook signature',
	malformed_signature: 'Invalid webhook signature',
	signature_mismatch: 'Invalid webhook signature',
	stale_timestamp: 'Webhook timestamp too old',
	missing_timestamp: 'Missing webhook timestamp',
	malformed_timestamp: 'Invalid webhook timestamp: expected Unix time in whole seconds',
};

function rejected(rejection: Rejection): HttpReply {
	const status = DEFAULT_REJECTION_STATUS[rejection.reason];
	// Our own fault (no signing secret): the guide's 500 body, which makes MerajutASA retry.
	if (status >= 500) return { status, body: { error: 'Webhook processing failed', retry: true } };
	return { status, body: { error: ERRORS[rejection.reason] ?? rejection.detail } };
}

export const merajutAsa: ProviderDefinition = {
	key: 'merajutasa',
	displayName: 'MerajutASA',
	credentialName: 'merajutAsaApi',
	signingSecretCredentialName: 'merajutAsaSigningSecretApi',
	authentication: {
		kind: 'hmac-sha256',
		signatureHeader: MERAJUTASA_SIGNATURE_HEADER,
		encoding: { prefix: 'sha256=', prefixPolicy: 'optional' },
		timestamp: { header: MERAJUTASA_TIMESTAMP_HEADER, defaultToleranceSeconds: 300 },
	},
	events: buildCatalogue(MERAJUTASA_EVENTS, MERAJUTASA_SCHEMAS, MERAJUTASA_SAMPLES),
	acronyms: ['csr'],
	eventTypeOf: (payload) => (typeof payload.event_type === 'string' ? payload.event_type : undefined),
	deliveryIdOf: (payload) => (typeof payload.event_id === 'string' ? payload.event_id : undefined),
	replies: {
		rejected,
		// The guide's receiver: `{ received, event_id, processed_at }`.
		accepted: ({ payload, now }) => ({
			status: 200,
			body: {
				received: true,
				// Echoed only as the string MerajutASA sends; anything else is not ours to repeat.
				event_id: typeof payload.event_id === 'string' ? payload.event_id : undefined,
				processed_at: now.toISOString(),
			},
		}),
	},
	subscriptions: ASSUMED_RISHI_STYLE_API,
};
