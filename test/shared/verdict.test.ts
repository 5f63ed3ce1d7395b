import { DEFAULT_REJECTION_STATUS } from '../../nodes/shared/pipeline/replies';
import { ACCEPTED, reject, type RejectionReason } from '../../nodes/shared/verification/verdict';

describe('verdict', () => {
	it('ACCEPTED is a frozen { ok: true }', () => {
		expect(ACCEPTED).toEqual({ ok: true });
		expect(Object.isFrozen(ACCEPTED)).toBe(true);
	});

	it('reject builds a typed rejection', () => {
		expect(reject('stale_timestamp', 'too old')).toEqual({ ok: false, reason: 'stale_timestamp', detail: 'too old' });
	});
});

describe('DEFAULT_REJECTION_STATUS', () => {
	it('answers authentication failures 401, body problems 400, IP and a paused receiver 403, an unknown tenant 404, an oversized body 413, a delivery in progress 503 and missing configuration 500', () => {
		const expected: Record<RejectionReason, number> = {
			missing_signature: 401,
			malformed_signature: 401,
			signature_mismatch: 401,
			missing_timestamp: 400,
			malformed_timestamp: 400,
			stale_timestamp: 400,
			ip_not_allowed: 403,
			missing_body: 400,
			body_too_large: 413,
			delivery_in_progress: 503,
			not_json: 400,
			invalid_payload: 400,
			event_mismatch: 400,
			unknown_tenant: 404,
			receiver_paused: 403,
			not_configured: 500,
		};
		expect(DEFAULT_REJECTION_STATUS).toEqual(expected);
	});
});
