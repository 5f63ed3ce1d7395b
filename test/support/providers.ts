/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code runs under jest on a developer machine, not inside n8n */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import type { ICredentialType, INodeType } from 'n8n-workflow';

import { secretCredentialName } from '../../nodes/shared/n8n/subscriptionSetup';
import type { JsonObject, ProviderDefinition } from '../../nodes/shared/provider';
import { opensslHmacHex } from './sign';

export const ROOT = join(__dirname, '..', '..');

export interface DiscoveredProvider {
	folder: string;
	provider: ProviderDefinition;
}

/** Every provider folder under nodes/, found the way the build finds them (gulpfile.js), so none can be missed. */
export function discoverProviders(nodesDir = join(ROOT, 'nodes')): DiscoveredProvider[] {
	// The repository's gulpfile: two levels up from test/support, three from its compiled copy in .build/.
	const gulpfile = [join(__dirname, '..', '..', 'gulpfile.js'), join(__dirname, '..', '..', '..', 'gulpfile.js')].find(existsSync);
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const build = require(gulpfile as string) as {
		discoverProviders(dir: string, files: string[]): DiscoveredProvider[];
	};
	// Synchronous on purpose: describe.each enumerates providers while jest collects tests.
	return build.discoverProviders(nodesDir, ['definition.ts', 'definition.js']);
}

/** The one class a node or credential file exports. */
export function onlyClassIn<T>(file: string): new () => T {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const classes = Object.values(require(file) as Record<string, unknown>).filter((value) => typeof value === 'function');
	if (classes.length !== 1) throw new Error(`${file} must export exactly one class, not ${classes.length}`);
	return classes[0] as new () => T;
}

export interface ProviderNodes {
	trigger: () => INodeType;
	/** Present when the folder has `<Folder>.node.ts`. */
	action?: () => INodeType;
	/** The credential class whose `name` is the definition's `credentialName`. */
	credential: () => ICredentialType;
}

/** A provider folder's node classes and credential, found by the naming rules the contract test enforces. */
export function loadProviderNodes(folder: string, provider: ProviderDefinition, root = ROOT): ProviderNodes {
	const folderPath = join(root, 'nodes', folder);
	const Trigger = onlyClassIn<INodeType>(join(folderPath, `${folder}Trigger.node.ts`));
	const actionFile = join(folderPath, `${folder}.node.ts`);
	const Action = existsSync(actionFile) ? onlyClassIn<INodeType>(actionFile) : undefined;
	const Credential = readdirSync(join(root, 'credentials'))
		.filter((file) => file.endsWith('.credentials.ts'))
		.map((file) => onlyClassIn<ICredentialType>(join(root, 'credentials', file)))
		.find((CredentialClass) => new CredentialClass().name === provider.credentialName);
	if (!Credential) throw new Error(`No credential class is named ${provider.credentialName}`);
	return {
		trigger: () => new Trigger(),
		...(Action ? { action: () => new Action() } : {}),
		credential: () => new Credential(),
	};
}

/**
 * Headers of a correctly signed delivery of `body`, signed by openssl (not by
 * the code under test) according to the provider's declared scheme.
 */
export function signedHeaders(
	provider: ProviderDefinition,
	body: string,
	secret: string,
	nowMs = Date.now(),
): Record<string, string> {
	const scheme = provider.authentication;
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	if (scheme.kind !== 'hmac-sha256') return headers;
	let content = body;
	if (scheme.timestamp) {
		const timestamp = String(Math.floor(nowMs / 1000));
		headers[scheme.timestamp.header] = timestamp;
		content = `${timestamp}.${body}`;
	}
	const hex = opensslHmacHex(secret, content);
	const prefixed = scheme.encoding.prefixPolicy !== 'forbidden' && scheme.encoding.prefix;
	headers[scheme.signatureHeader] = prefixed ? `${scheme.encoding.prefix}${hex}` : hex;
	return headers;
}

export function samplesOf(provider: ProviderDefinition): Array<[string, JsonObject]> {
	return [...provider.events, ...(provider.connectionTestEvents ?? [])].map((event) => [event.name, event.sample]);
}

/**
 * An emitted item's payload: every item also carries its delivery key under
 * `_deliveryId` (checked here to be present; its value is checked per provider
 * in the contract test), which a comparison with the payload as sent leaves out.
 */
export function payloadOf(json: Record<string, unknown>): Record<string, unknown> {
	const { _deliveryId: deliveryId, ...payload } = json;
	if (typeof deliveryId !== 'string' || deliveryId === '') throw new Error(`The item has no _deliveryId: ${JSON.stringify(json).slice(0, 200)}`);
	return payload;
}

/**
 * The credential type a trigger reads its signing secrets from under `setup`
 * (the node's default when omitted): the signing-secret credential when the
 * URL is given to the provider by hand, the API credential when it registers itself.
 */
export function triggerSecretCredential(provider: ProviderDefinition, setup?: 'manual' | 'automatic'): string {
	const context = { getNodeParameter: (name: string, fallback?: unknown) => (name === 'setup' && setup !== undefined ? setup : fallback) };
	return secretCredentialName(context as Parameters<typeof secretCredentialName>[0], provider);
}

/** A fake API's address and key, for a credential whose API is never called. */
const UNUSED_API = { baseUrl: 'http://127.0.0.1:9', apiKey: 'unused' };

/**
 * The credential a trigger reads its secrets from under `setup` (see
 * triggerSecretCredential), with `secrets` and, for the API credential, `api`.
 */
export function triggerCredentialFor(
	provider: ProviderDefinition,
	secrets: { signingSecret: string; previousSigningSecret?: string },
	options: { api?: { baseUrl: string; apiKey: string }; setup?: 'manual' | 'automatic' } = {},
): { type: string; data: Record<string, unknown> } {
	const type = triggerSecretCredential(provider, options.setup);
	const api = type === provider.credentialName ? (options.api ?? UNUSED_API) : {};
	return { type, data: { ...api, ...secrets } };
}
