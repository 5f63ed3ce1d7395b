import type { IAuthenticateGeneric, ICredentialTestRequest, INodeProperties } from 'n8n-workflow';

import { RISHI_WEBHOOKS_PATH, SUBSCRIPTIONS_PATH_FIELD } from '../subscriptions/rishiStyleApi';

/**
 * The fields and blocks every provider credential shares, written once. The
 * field names are part of the contract with the nodes (see the contract
 * test); each credential class adds its own words and keeps in its body what
 * n8n's lint wants to read there (name, display name, icon, documentation URL,
 * `test`).
 */

function baseUrlField(placeholder: string, description: string): INodeProperties {
	return { displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '', placeholder, description };
}

function apiKeyField(description: string): INodeProperties {
	return { displayName: 'API Key', name: 'apiKey', type: 'string', typeOptions: { password: true }, default: '', description };
}

/** For a provider whose subscriptions API is assumed to be Rishi's. */
function subscriptionsPathField(providerName: string): INodeProperties {
	return {
		displayName: 'Subscriptions Path',
		name: SUBSCRIPTIONS_PATH_FIELD,
		type: 'string',
		default: RISHI_WEBHOOKS_PATH,
		description: `Path of the webhook subscriptions endpoint, appended to the Base URL. Assumed until ${providerName} publishes its webhook API: it is expected to work like Rishi's (GET/POST here, PUT/DELETE here plus the subscription ID); change it if yours differs.`,
	};
}

/** The current secret (described by the provider's credential) and the previous one, for rotation. */
export function signingSecretFields(description: string): INodeProperties[] {
	return [
		{
			displayName: 'Signing Secret',
			name: 'signingSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description,
		},
		{
			displayName: 'Previous Signing Secret',
			name: 'previousSigningSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'While rotating secrets, deliveries signed with this one are accepted too',
		},
	];
}

/** What a provider's credential says about each of its fields, in its own words. */
export interface CredentialWords {
	readonly baseUrlPlaceholder: string;
	readonly baseUrl: string;
	readonly apiKey: string;
	/** Absent for a provider whose trigger never registers itself: its secret lives only in the signing-secret credential. */
	readonly signingSecret?: string;
	/** For a provider whose subscriptions API is assumed: its display name, for the Subscriptions Path field. */
	readonly assumedApiOf?: string;
}

/** A provider credential's fields, in the order every credential shows them. */
export function providerCredentialFields(words: CredentialWords): INodeProperties[] {
	return [
		baseUrlField(words.baseUrlPlaceholder, words.baseUrl),
		apiKeyField(words.apiKey),
		...(words.assumedApiOf !== undefined ? [subscriptionsPathField(words.assumedApiOf)] : []),
		...(words.signingSecret !== undefined ? signingSecretFields(words.signingSecret) : []),
	];
}

export const API_KEY_AS_BEARER_TOKEN: IAuthenticateGeneric = {
	type: 'generic',
	properties: { headers: { Authorization: '=Bearer {{$credentials.apiKey}}' } },
};

const BASE_URL_EXPRESSION = '={{$credentials.baseUrl.replace(/\\/+$/, "")}}';

/** The credential test: list the subscriptions (at the fixed path, or the credential's Subscriptions Path). */
export function listSubscriptionsTest(path: 'fixed' | 'fromCredential'): ICredentialTestRequest {
	return {
		request: {
			baseURL: BASE_URL_EXPRESSION,
			url:
				path === 'fixed'
					? RISHI_WEBHOOKS_PATH
					: `={{"/" + ($credentials.${SUBSCRIPTIONS_PATH_FIELD} || "${RISHI_WEBHOOKS_PATH}").replace(/^\\/+/, "")}}`,
			method: 'GET',
		},
	};
}

/** A test of the core API of a provider without a subscriptions API: one GET at `path`. */
export function getRequestTest(path: string, qs?: Record<string, string | number>): ICredentialTestRequest {
	return { request: { baseURL: BASE_URL_EXPRESSION, url: path, method: 'GET', ...(qs ? { qs } : {}) } };
}
