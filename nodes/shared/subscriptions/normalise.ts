import type { JsonObject } from '../provider';
import type { RemoteSubscription } from './types';

function isObject(value: unknown): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function idOf(value: unknown): string | undefined {
	if (typeof value === 'string' && value !== '') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return undefined;
}

/** A subscription object as the provider sent it, or `undefined` when it has no id. */
export function toRemoteSubscription(value: unknown): RemoteSubscription | undefined {
	if (!isObject(value)) return undefined;
	const id = idOf(value.id);
	if (id === undefined) return undefined;
	const events = Array.isArray(value.events)
		? value.events.filter((event): event is string => typeof event === 'string')
		: undefined;
	return {
		id,
		url: typeof value.url === 'string' ? value.url : undefined,
		events,
		active: value.active !== false,
		raw: value,
	};
}

export type ListReading =
	| { readonly ok: true; readonly subscriptions: RemoteSubscription[] }
	| { readonly ok: false; readonly problem: string };

/**
 * Reads a list answer: `{ <listKey>: [...] }` as documented, or a bare array.
 * Entries without an id cannot be managed and are left out.
 */
export function readSubscriptionList(body: unknown, listKey: string): ListReading {
	const items = Array.isArray(body) ? body : isObject(body) ? body[listKey] : undefined;
	if (!Array.isArray(items)) {
		return { ok: false, problem: `expected a JSON object with a "${listKey}" array` };
	}
	return {
		ok: true,
		subscriptions: items.map(toRemoteSubscription).filter((entry): entry is RemoteSubscription => entry !== undefined),
	};
}

/**
 * Reads a create or update answer. The spec does not show one, so accept the
 * subscription itself or the subscription wrapped in `webhook`, `data`,
 * `subscription` or the singular of the list key.
 */
export function readSubscription(body: unknown, listKey: string): RemoteSubscription | undefined {
	const direct = toRemoteSubscription(body);
	if (direct || !isObject(body)) return direct;
	const singular = listKey.replace(/s$/, '');
	for (const key of [singular, 'webhook', 'subscription', 'data']) {
		const nested = toRemoteSubscription(body[key]);
		if (nested) return nested;
	}
	return undefined;
}

/** URLs compare without a trailing slash; everything else must match exactly. */
export function sameUrl(a: string | undefined, b: string | undefined): boolean {
	if (a === undefined || b === undefined) return false;
	return a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
}
