import { timingSafeEqual } from 'node:crypto';

/**
 * Compares two byte strings without leaking, through timing, how many leading
 * bytes match. A length difference is not secret (digest sizes are public), so
 * it returns early.
 */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
	if (a.length !== b.length) return false;
	return timingSafeEqual(a, b);
}
