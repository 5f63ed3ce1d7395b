import { buildCatalogue } from '../shared/catalogue';
import { headerValue } from '../shared/pipeline/headers';
import { DEFAULT_REJECTION_STATUS } from '../shared/pipeline/replies';
import type { HeaderMap, HttpReply, JsonObject, ProviderDefinition } from '../shared/provider';
import { ASSUMED_RISHI_STYLE_API } from '../shared/subscriptions/rishiStyleApi';
import { ACCEPTED, reject, type Rejection, type Verdict } from '../shared/verification/verdict';
import { ESAHAYAK_EVENTS } from './events';
import { ESAHAYAK_SAMPLES } from './samples';
import { ESAHAYAK_SCHEMAS } from './schemas';

/**
 * eSahayak, eSahayak's Webhooks guide. eSahayak does not sign its webhooks yet
 * ("Coming Soon"), so the proof of origin is its published source ranges;
 * every request carries `User-Agent: eSahayak-Webhooks/1.0`,
 * `X-eSahayak-Event: <type>` and `X-eSahayak-Delivery: <id>`. The receiver must
 * answer 2xx within 10 seconds; its example receivers answer
 * `{ received: true, event_id }` and refuse a malformed payload with 400.
 *
 * eSahayak publishes no webhook-subscription API yet, so its `subscriptions`
 * are Rishi's shape, assumed (ASSUMED_RISHI_STYLE_API).
 */
export const ESAHAYAK_IP_RANGES = ['52.66.123.0/24', '13.127.45.0/24'] as const;
export const ESAHAYAK_USER_AGENT = 'eSahayak-Webhooks/1.0';
export const ESAHAYAK_EVENT_HEADER = 'x-esahayak-event';
export const ESAHAYAK_DELIVERY_HEADER = 'x-esahayak-delivery';
/** Not published yet: the name the trigger assumes until eSahayak ships signatures (configurable). */
export const ESAHAYAK_SIGNATURE_HEADER = 'x-esahayak-signature';
/** Trigger option (Options collection) that relaxes the X-eSahayak-Event presence check. */
export const REQUIRE_EVENT_HEADER_OPTION = 'requireEventHeader';

/** The envelope fields the guide's `isValidWebhookPayload` demands, checked the same (truthy) way. */
const REQUIRED_FIELDS = ['id', 'type', 'created_at', 'data'] as const;

/** Quotes a sender-supplied value for a log line or a 400 body: escaped and bounded. */
function quoted(value: unknown): string {
	return JSON.stringify(String(value).slice(0, 100));
}

function checkDelivery(payload: JsonObject, headers: HeaderMap, options: Readonly<JsonObject>): Verdict {
	const missing = REQUIRED_FIELDS.filter((field) => !payload[field]);
	if (missing.length > 0) {
		return reject('invalid_payload', `The payload is missing ${missing.join(', ')}`);
	}
	if (typeof payload.type !== 'string') {
		return reject('invalid_payload', 'The payload type must be a string');
	}
	const headerType = headerValue(headers, ESAHAYAK_EVENT_HEADER)?.trim();
	if (headerType === undefined || headerType === '') {
		// eSahayak sends the header with every request; without it nothing confirms the body's type.
		if (options[REQUIRE_EVENT_HEADER_OPTION] === false) return ACCEPTED;
		return reject('event_mismatch', 'The X-eSahayak-Event header is missing');
	}
	if (headerType !== payload.type) {
		return reject(
			'event_mismatch',
			`The X-eSahayak-Event header ${quoted(headerType)} does not match the payload type ${quoted(payload.type)}`,
		);
	}
	return ACCEPTED;
}

function rejected(rejection: Rejection): HttpReply {
	const status = DEFAULT_REJECTION_STATUS[rejection.reason];
	// Never echo the allowlist or the client's address: a prober learns only that it is not allowed.
	if (rejection.reason === 'ip_not_allowed') return { status, body: { error: 'Source address not allowed' } };
	if (status === 401) return { status, body: { error: 'Invalid signature', reason: rejection.reason } };
	// Our configuration is at fault (e.g. an invalid allowlist entry): the details go to the n8n log only.
	if (status >= 500) return { status, body: { error: 'Processing failed', reason: rejection.reason } };
	return { status, body: { error: 'Invalid payload', reason: rejection.reason, detail: rejection.detail } };
}

export const esahayak: ProviderDefinition = {
	key: 'esahayak',
	displayName: 'eSahayak',
	credentialName: 'eSahayakApi',
	signingSecretCredentialName: 'eSahayakSigningSecretApi',
	authentication: {
		kind: 'ip-allowlist',
		defaultRanges: ESAHAYAK_IP_RANGES,
		optionalHmac: {
			signatureHeader: ESAHAYAK_SIGNATURE_HEADER,
			encoding: { prefix: 'sha256=', prefixPolicy: 'optional' },
		},
	},
	events: buildCatalogue(ESAHAYAK_EVENTS, ESAHAYAK_SCHEMAS, ESAHAYAK_SAMPLES),
	eventTypeOf: (payload) => (typeof payload.type === 'string' ? payload.type : undefined),
	deliveryIdOf: (payload, headers) => {
		const header = headerValue(headers, ESAHAYAK_DELIVERY_HEADER)?.trim();
		if (header) return header;
		return typeof payload.id === 'string' && payload.id !== '' ? payload.id : undefined;
	},
	checkDelivery,
	deliveryHeaders: (event, payload) => ({
		'user-agent': ESAHAYAK_USER_AGENT,
		[ESAHAYAK_EVENT_HEADER]: event.name,
		...(typeof payload.id === 'string' ? { [ESAHAYAK_DELIVERY_HEADER]: payload.id } : {}),
	}),
	replies: {
		rejected,
		// The id is echoed only as the string eSahayak sends; anything else is not ours to repeat.
		accepted: ({ payload }) => ({ status: 200, body: { received: true, event_id: typeof payload.id === 'string' ? payload.id : undefined } }),
	},
	subscriptions: ASSUMED_RISHI_STYLE_API,
};
