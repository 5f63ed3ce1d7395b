import { DEFAULT_REJECTION_STATUS } from '../shared/pipeline/replies';
import { buildCatalogue } from '../shared/catalogue';
import type { ProviderDefinition } from '../shared/provider';
import { RISHI_WEBHOOKS_API } from '../shared/subscriptions/rishiStyleApi';
import { RISHI_EVENTS } from './events';
import { RISHI_SAMPLES } from './samples';
import { RISHI_SCHEMAS } from './schemas';

/**
 * Rishi Platform, Rishi's Webhook Integration Guide: `X-Rishi-Signature: sha256=<hex>`,
 * HMAC-SHA256 of the raw body with the subscription's secret; a bad signature
 * is answered 401. Its "Webhook Management" API is RISHI_WEBHOOKS_API.
 */
export const RISHI_SIGNATURE_HEADER = 'x-rishi-signature';

export const rishi: ProviderDefinition = {
	key: 'rishi',
	displayName: 'Rishi',
	credentialName: 'rishiApi',
	signingSecretCredentialName: 'rishiSigningSecretApi',
	authentication: {
		kind: 'hmac-sha256',
		signatureHeader: RISHI_SIGNATURE_HEADER,
		encoding: { prefix: 'sha256=', prefixPolicy: 'required' },
	},
	events: buildCatalogue(RISHI_EVENTS, RISHI_SCHEMAS, RISHI_SAMPLES),
	eventTypeOf: (payload) => (typeof payload.event === 'string' ? payload.event : undefined),
	replies: {
		rejected: (rejection) => ({
			status: DEFAULT_REJECTION_STATUS[rejection.reason],
			body: {
				error: DEFAULT_REJECTION_STATUS[rejection.reason] === 401 ? 'Invalid signature' : rejection.detail,
				reason: rejection.reason,
			},
		}),
		accepted: () => ({ status: 200, body: { received: true } }),
	},
	subscriptions: RISHI_WEBHOOKS_API,
};
