/**
 * Remembers delivery ids so a provider's retry of an already-emitted delivery
 * does not start the workflow twice. Inside a trigger only workflow static
 * data is available (n8n's database-backed dedupe exists only in execute
 * contexts), so the memory is a small bounded map kept there: ids expire
 * after `ttlMs` and the oldest are dropped beyond `maxEntries`. Best effort:
 * concurrent webhook processes may both see an id as new.
 */
export interface SeenDeliveries {
	[deliveryId: string]: number;
}

export interface DedupeLimits {
	readonly ttlMs: number;
	readonly maxEntries: number;
}

export const DEFAULT_DEDUPE_LIMITS: DedupeLimits = { ttlMs: 24 * 60 * 60 * 1000, maxEntries: 1000 };

/** Records `deliveryId` at `nowMs`; returns true when it was already seen within the window. */
export function recordDelivery(
	seen: SeenDeliveries,
	deliveryId: string,
	nowMs: number,
	limits: DedupeLimits = DEFAULT_DEDUPE_LIMITS,
): boolean {
	for (const [id, at] of Object.entries(seen)) {
		if (nowMs - at > limits.ttlMs) delete seen[id];
	}
	// Prefixed so that an id such as "__proto__" is an ordinary key.
	const key = `id:${deliveryId}`;
	const duplicate = Object.prototype.hasOwnProperty.call(seen, key);
	if (!duplicate) seen[key] = nowMs;
	const ids = Object.keys(seen);
	if (ids.length > limits.maxEntries) {
		ids
			.sort((a, b) => seen[a] - seen[b])
			.slice(0, ids.length - limits.maxEntries)
			.forEach((id) => delete seen[id]);
	}
	return duplicate;
}
