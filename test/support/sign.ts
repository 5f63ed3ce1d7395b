/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-imports -- test code runs under jest on a developer machine, not inside n8n */
import { execFileSync } from 'node:child_process';

/**
 * HMAC-SHA256 hex computed by openssl, outside the code under test, so a bug
 * in our HMAC helpers cannot make a test agree with itself.
 */
export function opensslHmacHex(secret: string, content: Buffer | string): string {
	const output = execFileSync('openssl', ['dgst', '-sha256', '-hmac', secret, '-r'], {
		input: typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
	}).toString();
	return output.split(' ')[0].trim();
}
