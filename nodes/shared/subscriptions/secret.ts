import { randomBytes } from 'node:crypto';

/** A fresh signing secret: 32 random bytes, hex-encoded (64 characters). */
export function generateSigningSecret(): string {
	return randomBytes(32).toString('hex');
}
