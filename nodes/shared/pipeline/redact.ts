/** What stands in for anything secret that must not reach an item, a message or a log. */
export const REDACTED = '[redacted]';

/**
 * `text` with every occurrence of each secret replaced by `[redacted]`, longer
 * secrets first (so one that contains another is cut whole). Secrets shorter
 * than four characters are left alone: cutting them would mangle ordinary text
 * without protecting anything.
 */
export function redact(text: string, secrets: readonly string[]): string {
	return secrets
		.filter((secret) => secret.length >= 4)
		.sort((a, b) => b.length - a.length)
		.reduce((result, secret) => result.split(secret).join(REDACTED), text);
}
