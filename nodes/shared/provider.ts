import type { ZodTypeAny } from 'zod';

import type { SignatureEncoding } from './verification/signatureHeader';
import type { Rejection, Verdict } from './verification/verdict';

/**
 * Everything that is true of one provider, stated once. The pipeline, the
 * trigger node, the event sender and the contract test all read it; nothing
 * else may repeat a header name, an event name or a status code.
 */
export type JsonObject = { [key: string]: unknown };

export type HeaderMap = Readonly<Record<string, string | string[] | undefined>>;

export interface EventDefinition {
	/** The event name exactly as the provider sends it, e.g. `booking.created`. */
	readonly name: string;
	/** One line from the provider's spec, shown in the editor. */
	readonly description: string;
	readonly schema: ZodTypeAny;
	/** A realistic delivery body, shaped like the spec's examples. */
	readonly sample: JsonObject;
}

export interface HmacScheme {
	readonly kind: 'hmac-sha256';
	readonly signatureHeader: string;
	readonly encoding: SignatureEncoding;
	/** Timestamped schemes sign `<timestamp>.<body>` and enforce a replay window. */
	readonly timestamp?: { readonly header: string; readonly defaultToleranceSeconds: number };
}

/** For providers that do not sign yet: a published source-address allowlist. */
export interface IpAllowlistScheme {
	readonly kind: 'ip-allowlist';
	readonly defaultRanges: readonly string[];
	/** Ready for when the provider starts signing; off until the user turns it on. */
	readonly optionalHmac: Omit<HmacScheme, 'kind' | 'timestamp'>;
}

export type AuthenticationScheme = HmacScheme | IpAllowlistScheme;

export interface HttpReply {
	readonly status: number;
	readonly body: JsonObject;
}

export interface AcceptedDelivery {
	readonly payload: JsonObject;
	readonly eventType: string;
	readonly now: Date;
}

/**
 * Where the subscriptions collection lives, below the credential's Base URL:
 * fixed by the provider's documentation, or read from a credential field
 * (`fallback` when that field is empty) for providers whose API is assumed.
 */
export type SubscriptionPath =
	| { readonly kind: 'fixed'; readonly path: string }
	| { readonly kind: 'credential'; readonly field: string; readonly fallback: string };

/**
 * A webhook-subscription API with Rishi's REST shape (Rishi's Webhook Integration Guide):
 * `GET <path>` lists `{ <listKey>: [{ id, url, events, active, ... }] }`,
 * `POST <path>` creates `{ url, events, secret, active, headers, timeout, retries }`,
 * `PUT <path>/<id>` updates, `DELETE <path>/<id>` removes. There is no GET by id.
 * The API key is applied by the credential's `authenticate`, never by the node.
 */
export interface SubscriptionApiDefinition {
	readonly path: SubscriptionPath;
	/** Key of the array in the list response, e.g. `webhooks`. */
	readonly listKey: string;
	/**
	 * `false`: the provider documents this API, and its trigger always registers
	 * itself. `true`: the shape is assumed, not documented; the trigger registers
	 * itself only when the user picks "Register Automatically" (manual is the default).
	 */
	readonly assumed: boolean;
	/** How long one API call may take before it fails, in ms (default 10000). */
	readonly requestTimeoutMs?: number;
}

export interface ProviderDefinition {
	/** Lower-case key used by tooling, e.g. `npm run send -- rishi booking.created`. */
	readonly key: string;
	readonly displayName: string;
	/**
	 * The n8n credential type of the provider's API (Base URL, API key), e.g.
	 * `rishiApi`: used by the action node, and by the trigger when it registers itself.
	 */
	readonly credentialName: string;
	/**
	 * The credential type holding only the signing secrets, e.g.
	 * `rishiSigningSecretApi`: the trigger's credential when the user gives the
	 * provider the URL by hand, so that it tests green without an API.
	 */
	readonly signingSecretCredentialName: string;
	readonly authentication: AuthenticationScheme;
	readonly events: readonly EventDefinition[];
	/** Words of event names that are acronyms, shown in capitals in the editor's trigger list (e.g. `csr`). */
	readonly acronyms?: readonly string[];
	/**
	 * Connection-test events (FaithFlow's `test`/`ping`): answered with success,
	 * emitted only when the user asks for them.
	 */
	readonly connectionTestEvents?: readonly EventDefinition[];
	/** Reads the event name from a parsed, authenticated body. */
	eventTypeOf(payload: JsonObject, headers: HeaderMap): string | undefined;
	/** The provider's idempotency key for this delivery, if it has one. */
	deliveryIdOf?(payload: JsonObject, headers: HeaderMap): string | undefined;
	/**
	 * Checks the spec demands beyond the event schema, made after authentication
	 * (e.g. required envelope fields, a header that must agree with the body).
	 * `options` are the trigger's option values, for provider-specific settings.
	 */
	checkDelivery?(payload: JsonObject, headers: HeaderMap, options: Readonly<JsonObject>): Verdict;
	/** Headers a real delivery of `event` carries besides Content-Type and the signature. */
	deliveryHeaders?(event: EventDefinition, payload: JsonObject): Record<string, string>;
	readonly replies: {
		rejected(rejection: Rejection): HttpReply;
		accepted(delivery: AcceptedDelivery): HttpReply;
	};
	/** Present when the provider has (or is assumed to have) a subscriptions API. */
	readonly subscriptions?: SubscriptionApiDefinition;
}
