/**
 * Why a delivery was refused. Each provider maps these to its own status code
 * and body; the reasons stay distinct so a log line or a test can say exactly
 * what went wrong without revealing a secret or an expected signature.
 */
export type RejectionReason =
	| 'missing_signature'
	| 'malformed_signature'
	| 'signature_mismatch'
	| 'missing_timestamp'
	| 'malformed_timestamp'
	| 'stale_timestamp'
	| 'ip_not_allowed'
	| 'missing_body'
	/** Larger than the trigger's Max Body Size: refused before any byte is hashed. */
	| 'body_too_large'
	| 'not_json'
	| 'invalid_payload'
	| 'event_mismatch'
	/** The delivery is for an account/tenant this trigger was not set up for. */
	| 'unknown_tenant'
	/** The user paused this receiver. */
	| 'receiver_paused'
	/**
	 * The same delivery is being recorded by a concurrent request right now:
	 * a retryable answer, so the provider sends it again once that one is settled.
	 */
	| 'delivery_in_progress'
	/** Our side is misconfigured (e.g. no signing secret): the provider should retry later. */
	| 'not_configured';

export interface Rejection {
	readonly ok: false;
	readonly reason: RejectionReason;
	/** Safe for logs and HTTP bodies: never holds a secret or a computed signature. */
	readonly detail: string;
}

export interface Acceptance {
	readonly ok: true;
}

export type Verdict = Acceptance | Rejection;

export const ACCEPTED: Acceptance = Object.freeze({ ok: true });

export function reject(reason: RejectionReason, detail: string): Rejection {
	return { ok: false, reason, detail };
}
