import { createHash } from 'node:crypto';

/**
 * Remembers which deliveries have been recorded, so that a provider's retry of
 * one does not start the workflow twice ("Ignore Duplicate Deliveries").
 *
 * Inside a trigger only workflow static data persists (n8n's database-backed
 * dedupe exists only in execute contexts), and n8n saves it after each call,
 * last write wins: concurrent calls would overwrite each other's ids. So one
 * ledger per trigger lives in the process and is the authority there; static
 * data carries a bounded copy across restarts and to other processes.
 *
 * A key is claimed before the workflow starts and settled once n8n has
 * recorded the execution ("done"), or forgotten when it did not, so a
 * delivery n8n failed to record is never mistaken for a duplicate. A second
 * copy arriving while the first is still unsettled is "in progress".
 */
export interface SeenDeliveries {
	/** `id:<delivery key>` → when it was recorded, in ms. Prefixed so `__proto__` is an ordinary key. */
	[entry: string]: number;
}

export interface DedupeLimits {
	readonly ttlMs: number;
	readonly maxEntries: number;
}

export const DEFAULT_DEDUPE_LIMITS: DedupeLimits = { ttlMs: 24 * 60 * 60 * 1000, maxEntries: 1000 };

export type ClaimResult = 'new' | 'in_progress' | 'done';

const entry = (key: string) => `id:${key}`;

/**
 * The provider's own id for a delivery, or, for providers without one, a
 * digest of the exact bytes (a retry resends the same bytes; two distinct
 * events with byte-identical bodies would count as one).
 */
export function deliveryKeyOf(providerId: string | undefined, rawBody: Buffer): string {
	return providerId ?? `sha256:${createHash('sha256').update(rawBody).digest('hex')}`;
}

/** Drops entries older than the window, then the oldest beyond maxEntries. */
export function prune(seen: SeenDeliveries, nowMs: number, limits: DedupeLimits = DEFAULT_DEDUPE_LIMITS): SeenDeliveries {
	const kept = Object.entries(seen)
		.filter(([, at]) => typeof at === 'number' && nowMs - at <= limits.ttlMs)
		.sort(([, a], [, b]) => a - b)
		.slice(-limits.maxEntries);
	return Object.fromEntries(kept);
}

export class DeliveryLedger {
	private readonly done = new Map<string, number>();
	private readonly pending = new Set<string>();

	constructor(private readonly limits: DedupeLimits = DEFAULT_DEDUPE_LIMITS) {}

	/** Claims `key` unless it is recorded here or in `persisted`, or a claim on it is unsettled. */
	claim(key: string, nowMs: number, persisted: SeenDeliveries = {}): ClaimResult {
		if (this.pending.has(key)) return 'in_progress';
		const recordedAt = this.done.get(key) ?? (Object.prototype.hasOwnProperty.call(persisted, entry(key)) ? persisted[entry(key)] : undefined);
		if (typeof recordedAt === 'number' && nowMs - recordedAt <= this.limits.ttlMs) return 'done';
		this.pending.add(key);
		return 'new';
	}

	/** Settles a claim: `recorded` once n8n has recorded its execution; a claim settles once. */
	settle(key: string, recorded: boolean, nowMs: number): void {
		if (!this.pending.delete(key) || !recorded) return;
		this.done.delete(key);
		this.done.set(key, nowMs);
		for (const [oldest, at] of this.done) {
			if (this.done.size <= this.limits.maxEntries && nowMs - at <= this.limits.ttlMs) break;
			this.done.delete(oldest);
		}
	}

	/** What to keep in static data: `persisted` and everything recorded here, pruned. */
	snapshot(persisted: SeenDeliveries, nowMs: number): SeenDeliveries {
		const merged: SeenDeliveries = { ...persisted };
		for (const [key, at] of this.done) merged[entry(key)] = at;
		return prune(merged, nowMs, this.limits);
	}
}
