export type InvalidPayloadHandling = 'reject' | 'emitWithErrors' | 'emitAsIs';

/** What the user chose in the trigger node, already read from n8n. */
export interface TriggerSettings {
	/** Selected event names; `*` means every event, including ones the catalogue does not know yet. */
	readonly events: readonly string[];
	/** Current signing secret first, then the previous one. */
	readonly secrets: readonly string[];
	readonly invalidPayload: InvalidPayloadHandling;
	readonly includeHeaders: boolean;
	/** Timestamped schemes only. */
	readonly replayToleranceSeconds?: number;
	/** Connection-test events (test/ping) are emitted only when this is true. */
	readonly emitConnectionTests?: boolean;
	/** IP allowlist schemes only. */
	readonly ipAllowlist?: {
		readonly enabled: boolean;
		readonly ranges: string;
		readonly trustedProxyHops: number;
	};
	/** Every value of the trigger's Options collection, for provider-specific checks. */
	readonly options?: Readonly<Record<string, unknown>>;
	/** IP allowlist schemes only: verify a signature once the provider sends one. */
	readonly optionalHmac?: { readonly enabled: boolean; readonly header: string };
}

export const ALL_EVENTS = '*';

/** The default of the trigger's Max Body Size option, in MiB: well above any event the providers document. */
export const DEFAULT_MAX_BODY_MIB = 10;
const MIB = 1024 * 1024;

/** Bodies longer than this are refused with 413 before they are read or hashed (the Max Body Size option). */
export function maxBodyBytes(settings: TriggerSettings): number {
	const mib = settings.options?.maxBodySize;
	return Math.floor((typeof mib === 'number' && mib > 0 ? mib : DEFAULT_MAX_BODY_MIB) * MIB);
}
