import { buildCatalogue } from '../shared/catalogue';
import type { ProviderDefinition } from '../shared/provider';
import { ASSUMED_RISHI_STYLE_API } from '../shared/subscriptions/rishiStyleApi';
import { DEFAULT_REJECTION_STATUS } from '../shared/pipeline/replies';
import type { Rejection, RejectionReason } from '../shared/verification/verdict';
import { CHURN_SAVER_EVENTS } from './events';
import { CHURN_SAVER_SAMPLES } from './samples';
import { CHURN_SAVER_SCHEMAS } from './schemas';

/**
 * Churn Saver, Churn Saver's Webhook Integration Guide: `X-Webhook-Signature: <hex>`, the
 * bare lowercase hex HMAC-SHA256 of the raw body with the secret entered in
 * Settings → Integrations → Webhooks. The guide's receivers answer a missing
 * signature with 400 `{ "error": "Missing signature" }`, a bad one with 401
 * `{ "error": "Invalid signature" }` and success with `{ "received": true }`;
 * its error table gives 400 for an invalid payload. Its sample receivers hash
 * `JSON.stringify(req.body)`; the prose ("ensure payload is raw string before
 * signing") and the sender win, so the raw bytes are verified.
 *
 * Churn Saver publishes no webhook-subscription API yet, so its `subscriptions`
 * are Rishi's shape, assumed (ASSUMED_RISHI_STYLE_API).
 */
export const CHURN_SAVER_SIGNATURE_HEADER = 'x-webhook-signature';

const STATUS: Readonly<Record<RejectionReason, number>> = {
	...DEFAULT_REJECTION_STATUS,
	missing_signature: 400,
};

/** The guide's exact bodies for signature problems; other refusals say what was wrong. */
function rejectionBody(rejection: Rejection) {
	if (rejection.reason === 'missing_signature') return { error: 'Missing signature' };
	if (STATUS[rejection.reason] === 401) return { error: 'Invalid signature' };
	return { error: rejection.detail, reason: rejection.reason };
}

export const churnSaver: ProviderDefinition = {
	key: 'churn-saver',
	displayName: 'Churn Saver',
	credentialName: 'churnSaverApi',
	signingSecretCredentialName: 'churnSaverSigningSecretApi',
	authentication: {
		kind: 'hmac-sha256',
		signatureHeader: CHURN_SAVER_SIGNATURE_HEADER,
		encoding: { prefix: 'sha256=', prefixPolicy: 'forbidden' },
	},
	events: buildCatalogue(CHURN_SAVER_EVENTS, CHURN_SAVER_SCHEMAS, CHURN_SAVER_SAMPLES),
	eventTypeOf: (payload) => (typeof payload.event === 'string' ? payload.event : undefined),
	deliveryIdOf: (payload) => (typeof payload.id === 'string' && payload.id !== '' ? payload.id : undefined),
	replies: {
		rejected: (rejection) => ({ status: STATUS[rejection.reason], body: rejectionBody(rejection) }),
		accepted: () => ({ status: 200, body: { received: true } }),
	},
	subscriptions: ASSUMED_RISHI_STYLE_API,
};
