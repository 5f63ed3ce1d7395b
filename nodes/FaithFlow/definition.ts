import { buildCatalogue } from '../shared/catalogue';
import { DEFAULT_REJECTION_STATUS } from '../shared/pipeline/replies';
import type { HttpReply, JsonObject, ProviderDefinition } from '../shared/provider';
import { ACCEPTED, reject, type Rejection, type Verdict } from '../shared/verification/verdict';
import {
	FAITHFLOW_CONNECTION_TEST_NAMES,
	FAITHFLOW_CONNECTION_TESTS,
	FAITHFLOW_EVENTS,
	MEMBER_EVENT_PREFIX,
} from './events';
import { CAMPUS_IDS_OPTION, campusIdsFrom, PAUSE_SYNC_OPTION } from './options';
import { FAITHFLOW_CONNECTION_TEST_SAMPLES, FAITHFLOW_SAMPLES } from './samples';
import { FAITHFLOW_CONNECTION_TEST_SCHEMAS, FAITHFLOW_SCHEMAS } from './schemas';

/**
 * FaithFlow Enterprise -> FaithTracker, the FaithFlow Enterprise Webhook Integration Guide: the trigger
 * plays FaithTracker's `POST /api/sync/webhook`. `X-Webhook-Signature` carries
 * the lowercase hex HMAC-SHA256 of the raw body, with no prefix. Every answer
 * below is the spec's, body for body.
 */
export const FAITHFLOW_SIGNATURE_HEADER = 'x-webhook-signature';

/** The `detail` of each refusal the spec spells out, and ours in the same style. */
export const FAITHFLOW_DETAIL = {
	missingSignature: 'Missing webhook signature',
	invalidSignature: 'Invalid webhook signature',
	missingCampus: 'Missing campus_id in payload',
	campusNotConfigured: 'Sync not configured for this campus',
	syncDisabled: 'Sync is disabled for this campus',
	missingEventType: 'Missing event_type in payload',
	missingMemberId: 'Missing member_id in payload',
	invalidJson: 'Invalid JSON payload',
	receiverNotConfigured: 'Webhook receiver is not configured',
	/** "Troubleshooting": FaithTracker's answer when the core API does not know the member. */
	memberNotFound: 'Member not found',
} as const;

export const FAITHFLOW_TEST_MESSAGE = 'Webhook test successful! FaithTracker is ready to receive member updates.';

function isConnectionTest(eventType: string): boolean {
	return (FAITHFLOW_CONNECTION_TEST_NAMES as readonly string[]).includes(eventType);
}

function present(value: unknown): value is string | number {
	return (typeof value === 'string' && value.trim() !== '') || (typeof value === 'number' && Number.isFinite(value));
}

/** The campus identifiers a delivery names: FaithTracker reads `church_id`, else `campus_id`. */
function campusIdsOf(payload: JsonObject): string[] {
	return [payload.church_id, payload.campus_id].filter(present).map((id) => String(id).trim());
}

function eventTypeOf(payload: JsonObject): string | undefined {
	return typeof payload.event_type === 'string' && payload.event_type !== '' ? payload.event_type : undefined;
}

/**
 * After the signature, in FaithTracker's order: the payload names a campus,
 * the campus is synced here, sync is on (connection tests skip this), and a
 * member event names its member.
 */
function checkDelivery(payload: JsonObject, _headers: unknown, options: Readonly<JsonObject>): Verdict {
	const campuses = campusIdsOf(payload);
	if (campuses.length === 0) return reject('invalid_payload', FAITHFLOW_DETAIL.missingCampus);
	const eventType = eventTypeOf(payload);
	if (eventType === undefined) return reject('invalid_payload', FAITHFLOW_DETAIL.missingEventType);

	const synced = campusIdsFrom(options[CAMPUS_IDS_OPTION]);
	if (synced.length > 0 && !campuses.some((id) => synced.includes(id.toLowerCase()))) {
		return reject('unknown_tenant', FAITHFLOW_DETAIL.campusNotConfigured);
	}
	if (isConnectionTest(eventType)) return ACCEPTED;
	if (options[PAUSE_SYNC_OPTION] === true) return reject('receiver_paused', FAITHFLOW_DETAIL.syncDisabled);
	if (eventType.startsWith(MEMBER_EVENT_PREFIX) && !present(payload.member_id)) {
		return reject('invalid_payload', FAITHFLOW_DETAIL.missingMemberId);
	}
	return ACCEPTED;
}

function refusal(status: number, detail: string): HttpReply {
	return { status, body: { detail } };
}

function rejected(rejection: Rejection): HttpReply {
	switch (rejection.reason) {
		case 'missing_signature':
			return refusal(401, FAITHFLOW_DETAIL.missingSignature);
		case 'malformed_signature':
		case 'signature_mismatch':
			return refusal(401, FAITHFLOW_DETAIL.invalidSignature);
		case 'not_configured':
			// Our fault, never the sender's: no hint of what is missing.
			return refusal(500, FAITHFLOW_DETAIL.receiverNotConfigured);
		case 'not_json':
			return refusal(400, FAITHFLOW_DETAIL.invalidJson);
		default:
			return refusal(DEFAULT_REJECTION_STATUS[rejection.reason], rejection.detail);
	}
}

/** Python's `datetime.now(timezone.utc).isoformat()`, as in the spec's test answer. */
export function pythonUtcIsoformat(now: Date): string {
	return now.toISOString().replace(/\.(\d{3})Z$/, '.$1000+00:00');
}

/** A member's name, when the delivery carries one; FaithTracker gets it from the core API. */
function memberNameOf(payload: JsonObject): string | undefined {
	const member = payload.member;
	const sources = [payload, typeof member === 'object' && member !== null ? (member as JsonObject) : {}];
	for (const source of sources) {
		for (const key of ['full_name', 'name']) {
			const value = source[key];
			if (typeof value === 'string' && value.trim() !== '') return value;
		}
	}
	return undefined;
}

export const faithFlow: ProviderDefinition = {
	key: 'faithflow',
	displayName: 'FaithFlow',
	credentialName: 'faithFlowApi',
	signingSecretCredentialName: 'faithFlowSigningSecretApi',
	authentication: {
		kind: 'hmac-sha256',
		signatureHeader: FAITHFLOW_SIGNATURE_HEADER,
		// "Format: Just the hash (no "sha256=" prefix)": a prefixed value is invalid.
		encoding: { prefix: 'sha256=', prefixPolicy: 'forbidden' },
	},
	events: buildCatalogue(FAITHFLOW_EVENTS, FAITHFLOW_SCHEMAS, FAITHFLOW_SAMPLES),
	connectionTestEvents: buildCatalogue(
		FAITHFLOW_CONNECTION_TESTS,
		FAITHFLOW_CONNECTION_TEST_SCHEMAS,
		FAITHFLOW_CONNECTION_TEST_SAMPLES,
	),
	eventTypeOf,
	checkDelivery,
	replies: {
		rejected,
		accepted: ({ payload, eventType, now }) => {
			if (isConnectionTest(eventType)) {
				return {
					status: 200,
					body: { success: true, message: FAITHFLOW_TEST_MESSAGE, timestamp: pythonUtcIsoformat(now) },
				};
			}
			if (eventType.startsWith(MEMBER_EVENT_PREFIX)) {
				const action = eventType.slice(MEMBER_EVENT_PREFIX.length);
				const who = memberNameOf(payload) ?? String(payload.member_id);
				return { status: 200, body: { success: true, message: `Member ${action}: ${who}`, member_id: payload.member_id } };
			}
			return { status: 200, body: { success: true, message: `Event received: ${eventType}` } };
		},
	},
};
