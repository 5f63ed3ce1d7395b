import { createHmac } from 'node:crypto';

export const SHA256_DIGEST_BYTES = 32;

/** HMAC-SHA256 over the concatenation of `parts`, fed as bytes (never re-encoded); the secret is keyed as UTF-8. */
export function hmacSha256(secret: string, ...parts: Uint8Array[]): Buffer {
	const mac = createHmac('sha256', secret);
	for (const part of parts) mac.update(part);
	return mac.digest();
}

/**
 * The signed content of timestamped schemes, `<timestamp>.<raw body>`, as
 * parts: the HMAC is fed them in turn, so the body is never copied.
 */
export function timestampedParts(timestamp: string, rawBody: Uint8Array): Uint8Array[] {
	return [Buffer.from(`${timestamp}.`, 'utf8'), rawBody];
}

/** The same content in one buffer, for senders and tests. */
export function timestampedPayload(timestamp: string, rawBody: Uint8Array): Buffer {
	return Buffer.concat(timestampedParts(timestamp, rawBody));
}
