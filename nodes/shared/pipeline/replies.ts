import type { RejectionReason } from '../verification/verdict';

/**
 * The status most receivers give each rejection; a provider overrides only
 * what its spec says differently. Authentication failures are 401 so that a
 * forger learns nothing more specific; body problems are 400; a missing
 * secret is our fault, so 500 makes the provider retry until it is fixed; a
 * delivery already being recorded by a concurrent request gets 503, so the
 * provider retries it and learns the outcome of the first one.
 */
export const DEFAULT_REJECTION_STATUS: Readonly<Record<RejectionReason, number>> = {
	missing_signature: 401,
	malformed_signature: 401,
	signature_mismatch: 401,
	missing_timestamp: 400,
	malformed_timestamp: 400,
	stale_timestamp: 400,
	ip_not_allowed: 403,
	missing_body: 400,
	body_too_large: 413,
	not_json: 400,
	invalid_payload: 400,
	event_mismatch: 400,
	unknown_tenant: 404,
	receiver_paused: 403,
	delivery_in_progress: 503,
	not_configured: 500,
};
