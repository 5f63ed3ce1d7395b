/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- test code runs under jest on a developer machine, not inside n8n */
/**
 * Sends a spec-shaped, correctly signed sample delivery of any provider's
 * event to a URL and prints what came back. Tooling, not part of the package.
 *
 *   npm run send -- rishi booking.created --url http://localhost:5678/webhook-test/<id>/webhook --secret s3cret
 *   npm run send -- merajutasa child.education.milestone_achieved --url ... --secret ... --stale
 *
 * Samples and signing schemes come from the same provider definitions the
 * nodes use, so there is one source of truth.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { request } from 'undici';

import { hmacSha256, timestampedPayload } from '../../nodes/shared/verification/hmac';
import { encodeSignatureHeader } from '../../nodes/shared/verification/signatureHeader';
import type { EventDefinition, ProviderDefinition } from '../../nodes/shared/provider';
import { discoverProviders } from '../support/providers';

const USAGE = `usage: npm run send -- <provider> <event> --url <url> [--secret <secret>]
       [--forged | --stale | --unsigned] [--duplicate] [--content-type <type>] [--forwarded-for <ip>]
       npm run send -- --list`;

export interface SendOptions {
	url: string;
	secret?: string;
	mode: 'signed' | 'forged' | 'stale' | 'unsigned';
	contentType: string;
	forwardedFor?: string;
	nowMs?: number;
}

/** Body and headers of one delivery, signed (or deliberately mis-signed) per the provider's scheme. */
export function buildDelivery(provider: ProviderDefinition, event: EventDefinition, options: SendOptions) {
	const body = Buffer.from(JSON.stringify(event.sample), 'utf8');
	const headers: Record<string, string> = {
		'content-type': options.contentType,
		...(provider.deliveryHeaders?.(event, event.sample) ?? {}),
	};
	if (options.forwardedFor) headers['x-forwarded-for'] = options.forwardedFor;
	const scheme = provider.authentication.kind === 'hmac-sha256' ? provider.authentication : undefined;
	if (!scheme) return { body, headers };

	const nowMs = options.nowMs ?? Date.now();
	let signed: Buffer = body;
	if (scheme.timestamp) {
		const skew = options.mode === 'stale' ? scheme.timestamp.defaultToleranceSeconds + 60 : 0;
		const timestamp = String(Math.floor(nowMs / 1000) - skew);
		headers[scheme.timestamp.header] = timestamp;
		signed = timestampedPayload(timestamp, body);
	}
	// Unsigned still carries the timestamp: it is the signature alone that is missing.
	if (options.mode === 'unsigned') return { body, headers };
	const secret = options.mode === 'forged' ? `forged-${options.secret ?? ''}` : (options.secret ?? '');
	headers[scheme.signatureHeader] = encodeSignatureHeader(hmacSha256(secret, signed), scheme.encoding);
	return { body, headers };
}

function findEvent(provider: ProviderDefinition, name: string): EventDefinition | undefined {
	return [...provider.events, ...(provider.connectionTestEvents ?? [])].find((event) => event.name === name);
}

async function main(argv: string[]): Promise<number> {
	const { values, positionals } = parseArgs({
		args: argv,
		allowPositionals: true,
		options: {
			url: { type: 'string' },
			secret: { type: 'string' },
			forged: { type: 'boolean', default: false },
			stale: { type: 'boolean', default: false },
			unsigned: { type: 'boolean', default: false },
			duplicate: { type: 'boolean', default: false },
			'content-type': { type: 'string', default: 'application/json' },
			'forwarded-for': { type: 'string' },
			list: { type: 'boolean', default: false },
		},
	});
	const providers = discoverProviders(join(__dirname, '..', '..', 'nodes'));
	if (values.list) {
		for (const { provider } of providers) {
			console.log(`${provider.key}: ${[...provider.events, ...(provider.connectionTestEvents ?? [])].map((e) => e.name).join(', ')}`);
		}
		return 0;
	}
	const [providerKey, eventName] = positionals;
	const provider = providers.find((entry) => entry.provider.key === providerKey)?.provider;
	if (!provider || !eventName || !values.url) {
		console.error(provider || !providerKey ? USAGE : `unknown provider "${providerKey}"; known: ${providers.map((p) => p.provider.key).join(', ')}`);
		return 2;
	}
	const event = findEvent(provider, eventName);
	if (!event) {
		console.error(`unknown ${provider.displayName} event "${eventName}"; run with --list`);
		return 2;
	}
	const scheme = provider.authentication;
	if (values.stale && (scheme.kind !== 'hmac-sha256' || !scheme.timestamp)) {
		console.error(`${provider.displayName} deliveries carry no timestamp, so --stale does not apply`);
		return 2;
	}
	if (scheme.kind === 'hmac-sha256' && !values.secret && !values.unsigned) {
		console.error(`${provider.displayName} signs its deliveries: pass --secret (or --unsigned)`);
		return 2;
	}
	const mode = values.forged ? 'forged' : values.stale ? 'stale' : values.unsigned ? 'unsigned' : 'signed';
	const { body, headers } = buildDelivery(provider, event, {
		url: values.url,
		secret: values.secret,
		mode,
		contentType: values['content-type'] as string,
		forwardedFor: values['forwarded-for'],
	});
	for (let attempt = 1; attempt <= (values.duplicate ? 2 : 1); attempt++) {
		const response = await request(values.url, { method: 'POST', body, headers });
		const text = await response.body.text();
		console.log(`${values.duplicate ? `#${attempt} ` : ''}${response.statusCode} ${text}`);
	}
	return 0;
}

if (require.main === module) {
	main(process.argv.slice(2)).then(
		(code) => process.exit(code),
		(error: Error) => {
			console.error(`send failed: ${error.message}`);
			process.exit(1);
		},
	);
}
