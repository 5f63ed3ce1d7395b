/** A header's first value, whatever the case of its name (n8n hands headers over as received). */
export function headerValue(headers: Readonly<Record<string, unknown>>, name: string): string | undefined {
	const wanted = name.toLowerCase();
	const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === wanted);
	const value = Array.isArray(entry?.[1]) ? (entry?.[1] as unknown[])[0] : entry?.[1];
	return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/** Seconds to wait according to a Retry-After header (delta-seconds or an HTTP date). */
export function retryAfterSeconds(value: string | undefined, now: Date): number | undefined {
	if (value === undefined || value.trim() === '') return undefined;
	if (/^\d+$/.test(value.trim())) return Number(value.trim());
	const date = Date.parse(value);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, Math.ceil((date - now.getTime()) / 1000));
}
