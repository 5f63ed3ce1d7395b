import type { ProviderDefinition } from '../provider';
import { parseAllowlist, type ParsedAllowlist } from '../verification/ipAllowlist';
import type { SignatureEncoding } from '../verification/signatureHeader';

export type InvalidPayloadHandling = 'reject' | 'emitWithErrors' | 'emitAsIs';

export const ALL_EVENTS = '*';

/** The default of the trigger's Max Body Size option, in MiB: well above any event the providers document. */
export const DEFAULT_MAX_BODY_MIB = 10;
const MIB = 1024 * 1024;

/**
 * What the trigger's parameters and credential say, as n8n hands them over:
 * nothing defaulted or resolved yet. `settingsFrom` is the one place that
 * turns it into the settings the pipeline runs with.
 */
export interface TriggerChoices {
	/** Selected event names; `*` means every event, including ones the catalogue does not know yet. */
	readonly events: readonly string[];
	/** Current signing secret first, then the previous one (empty when no signature is checked). */
	readonly secrets: readonly string[];
	readonly invalidPayload: InvalidPayloadHandling;
	readonly includeHeaders: boolean;
	/** Timestamped schemes only; absent means the scheme's default. */
	readonly replayToleranceSeconds?: number;
	readonly emitConnectionTests?: boolean;
	/** IP allowlist schemes only. */
	readonly ipAllowlist?: {
		readonly enabled: boolean;
		readonly ranges: string;
		readonly trustedProxyHops: number;
	};
	/** IP allowlist schemes only: verify a signature once the provider sends one; an empty header means the scheme's. */
	readonly optionalHmac?: { readonly enabled: boolean; readonly header: string };
	/** Every value of the trigger's Options collection: Max Body Size, Ignore Duplicates and the provider's own. */
	readonly options?: Readonly<Record<string, unknown>>;
}

/** A signature check with every name and number settled. */
export interface SignatureCheck {
	readonly header: string;
	readonly encoding: SignatureEncoding;
	readonly secrets: readonly string[];
	/** Timestamped schemes sign `<timestamp>.<body>` and refuse a timestamp outside the tolerance. */
	readonly timestamp?: { readonly header: string; readonly toleranceSeconds: number };
}

/** How a delivery proves its origin: checked in this order, before any byte is parsed. */
export interface Verification {
	readonly ipAllowlist?: { readonly ranges: ParsedAllowlist; readonly trustedProxyHops: number };
	/** Absent only for an IP allowlist scheme whose optional signature is off. */
	readonly signature?: SignatureCheck;
}

/** The settings a delivery is processed with: typed, defaulted and resolved once. */
export interface TriggerSettings {
	readonly events: readonly string[];
	readonly invalidPayload: InvalidPayloadHandling;
	readonly includeHeaders: boolean;
	/** Connection-test events (test/ping) are emitted only when this is true. */
	readonly emitConnectionTests: boolean;
	/** Bodies longer than this are refused with 413 before they are read or hashed. */
	readonly maxBodyBytes: number;
	readonly ignoreDuplicates: boolean;
	readonly verification: Verification;
	/** Headers never copied into an item: the signature header, whether or not it is checked. */
	readonly sensitiveHeaders: readonly string[];
	/** The Options collection's values, for the provider's own checks (`ProviderDefinition.checkDelivery`). */
	readonly providerOptions: Readonly<Record<string, unknown>>;
}

function maxBodyBytesFrom(mib: unknown): number {
	return Math.floor((typeof mib === 'number' && mib > 0 ? mib : DEFAULT_MAX_BODY_MIB) * MIB);
}

function verificationFrom(provider: ProviderDefinition, choices: TriggerChoices): Verification {
	const scheme = provider.authentication;
	if (scheme.kind === 'hmac-sha256') {
		const { timestamp } = scheme;
		return {
			signature: {
				header: scheme.signatureHeader,
				encoding: scheme.encoding,
				secrets: choices.secrets,
				...(timestamp
					? { timestamp: { header: timestamp.header, toleranceSeconds: choices.replayToleranceSeconds ?? timestamp.defaultToleranceSeconds } }
					: {}),
			},
		};
	}
	const allowlist = choices.ipAllowlist;
	return {
		...(allowlist?.enabled !== false
			? {
					ipAllowlist: {
						ranges: parseAllowlist(allowlist?.ranges ?? scheme.defaultRanges),
						trustedProxyHops: allowlist?.trustedProxyHops ?? 0,
					},
				}
			: {}),
		...(choices.optionalHmac?.enabled
			? { signature: { header: optionalSignatureHeader(provider, choices), encoding: scheme.optionalHmac.encoding, secrets: choices.secrets } }
			: {}),
	};
}

/** The header the provider signs in: its scheme's, or where signing is optional, the one it is expected to use. */
export function schemeSignatureHeader(provider: ProviderDefinition): string {
	const scheme = provider.authentication;
	return scheme.kind === 'ip-allowlist' ? scheme.optionalHmac.signatureHeader : scheme.signatureHeader;
}

/** The header an optional signature travels in: the user's (trimmed), else the scheme's. */
function optionalSignatureHeader(provider: ProviderDefinition, choices: TriggerChoices): string {
	return choices.optionalHmac?.header.trim() || schemeSignatureHeader(provider);
}

/** The one place the trigger's choices become settings: every default and fallback is applied here. */
export function settingsFrom(provider: ProviderDefinition, choices: TriggerChoices): TriggerSettings {
	const options = choices.options ?? {};
	const scheme = provider.authentication;
	return {
		events: choices.events,
		invalidPayload: choices.invalidPayload,
		includeHeaders: choices.includeHeaders,
		emitConnectionTests: choices.emitConnectionTests === true,
		maxBodyBytes: maxBodyBytesFrom(options.maxBodySize),
		ignoreDuplicates: options.ignoreDuplicates === true,
		verification: verificationFrom(provider, choices),
		sensitiveHeaders: [scheme.kind === 'hmac-sha256' ? scheme.signatureHeader : optionalSignatureHeader(provider, choices)],
		providerOptions: options,
	};
}
