import { redact } from '../pipeline/redact';

/** What a provider said in an error answer, with every known secret already cut out. */
export interface ProviderText {
	readonly text: string;
	/** Whether it came from a JSON message field (a provider's own words) rather than a page or plain text. */
	readonly json: boolean;
}

// The fields APIs put their error message in, most specific first.
const MESSAGE_KEYS = ['error', 'message', 'detail', 'error_description', 'title'];

function joined(entries: readonly unknown[]): string | undefined {
	const parts = entries
		.map((entry) =>
			typeof entry === 'string' ? entry : typeof entry === 'object' && entry !== null ? messageFromObject(entry as Record<string, unknown>) : undefined,
		)
		.filter((entry): entry is string => typeof entry === 'string' && entry !== '');
	return parts.length > 0 ? parts.join('; ') : undefined;
}

function messageFromObject(body: Record<string, unknown>): string | undefined {
	for (const key of MESSAGE_KEYS) {
		const value = body[key];
		if (typeof value === 'string' && value.trim() !== '') return value;
		if (Array.isArray(value)) {
			// FastAPI's validation errors: `{"detail": [{"msg": ...}, ...]}`.
			const listed = joined(value.map((entry) => (typeof entry === 'object' && entry !== null && 'msg' in entry ? (entry as { msg: unknown }).msg : entry)));
			if (listed) return listed;
		} else if (typeof value === 'object' && value !== null) {
			const nested = messageFromObject(value as Record<string, unknown>);
			if (nested) return nested;
		}
	}
	return Array.isArray(body.errors) ? joined(body.errors) : undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);
}

// A JSON error sent with a text content type reaches us as a string.
function parsedJson(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}

function readableText(raw: string): string {
	return raw
		.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
		.replace(/<[^>]*>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

/** The provider's own words from an error body: a JSON message field, or readable text from anything else. */
export function providerText(body: unknown, secrets: readonly string[]): ProviderText | undefined {
	const raw = Buffer.isBuffer(body) ? body.toString('utf8') : body;
	const value = typeof raw === 'string' ? (parsedJson(raw) ?? raw) : raw;
	if (isPlainObject(value)) {
		const text = messageFromObject(value);
		return text ? { text: redact(text, secrets), json: true } : undefined;
	}
	const text = typeof raw === 'string' ? readableText(raw) : '';
	return text ? { text: redact(text, secrets), json: false } : undefined;
}
