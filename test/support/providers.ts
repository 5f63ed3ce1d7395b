import { existsSync } from 'node:fs';
import { join } from 'node:path';

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
