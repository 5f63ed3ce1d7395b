import { parseHttpUrl } from '../http/httpUrl';
import type { SubscriptionApiDefinition } from '../provider';

/** The credential fields that decide where subscription requests go. */
export interface AddressCredential {
	readonly baseUrl?: unknown;
	readonly [field: string]: unknown;
}

export type Address =
	| { readonly ok: true; readonly baseUrl: string; readonly origin: string; readonly collectionPath: string }
	| { readonly ok: false; readonly problem: string };

function normalisePath(path: string): string {
	const trimmed = path.trim().replace(/\/+$/, '');
	return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/** Names the credential fields a user should check when requests go to the wrong place. */
export function addressFields(api: SubscriptionApiDefinition): string {
	return api.path.kind === 'credential' ? 'the Base URL and Subscriptions Path in the credential' : 'the Base URL in the credential';
}

export function resolveAddress(api: SubscriptionApiDefinition, credential: AddressCredential, provider: string): Address {
	const base = typeof credential.baseUrl === 'string' ? credential.baseUrl.trim().replace(/\/+$/, '') : '';
	if (base === '') return { ok: false, problem: `Set the Base URL of your ${provider} instance in the credential` };
	const parsed = parseHttpUrl(base);
	if (!parsed) return { ok: false, problem: `The Base URL in the ${provider} credential must start with https:// (or http://)` };
	let path: string;
	if (api.path.kind === 'fixed') {
		path = api.path.path;
	} else {
		const configured = credential[api.path.field];
		path = typeof configured === 'string' && configured.trim() !== '' ? configured : api.path.fallback;
	}
	return { ok: true, baseUrl: base, origin: parsed.origin, collectionPath: normalisePath(path) };
}

export function subscriptionPath(collectionPath: string, id: string): string {
	return `${collectionPath}/${encodeURIComponent(id)}`;
}
