import { createHmac } from 'node:crypto';

export const SHA256_DIGEST_BYTES = 32;

/** HMAC-SHA256 over the concatenation of `parts`, fed as bytes (never re-encoded). */
export function hmacSha256(secret: string, ...parts: Uint8Array[]): Buffer {
	const mac = createHmac('sha256', Buffer.from(secret, 'utf8'));
	for (const part of parts) mac.update(part);
	return mac.digest();
}

/** The signed content of timestamped schemes: `<timestamp>.<raw body>`. */
export function timestampedPayload(timestamp: string, rawBody: Uint8Array): Buffer {
	return Buffer.concat([Buffer.from(`${timestamp}.`, 'utf8'), rawBody]);
}
