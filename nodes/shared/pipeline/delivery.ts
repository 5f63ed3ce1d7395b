import type { HeaderMap, HttpReply, JsonObject } from '../provider';
import type { Rejection } from '../verification/verdict';

/** The parts of an HTTP request the pipeline needs, independent of n8n. */
export interface DeliveryRequest {
	/** Exactly the bytes received; `undefined` when the host could not read them. */
	readonly rawBody: Buffer | undefined;
	/** Set, with no `rawBody`, when the body was longer than the trigger's limit and was not read. */
	readonly bodyTooLarge?: boolean;
	/** Lower-case header names, as Node's HTTP parser gives them. */
	readonly headers: HeaderMap;
	readonly socketAddress: string | undefined;
	readonly now: Date;
}

export type DeliveryOutcome =
	| { readonly action: 'reject'; readonly reply: HttpReply; readonly rejection: Rejection }
	| {
			readonly action: 'acknowledge';
			readonly reply: HttpReply;
			readonly why: 'event_not_selected' | 'connection_test';
			readonly eventType: string;
	  }
	| {
			readonly action: 'emit';
			readonly reply: HttpReply;
			readonly item: JsonObject;
			readonly eventType: string;
			/** The provider's delivery id, or a digest of the body for providers without one. */
			readonly deliveryId: string;
	  };
