import type { EventDefinition, JsonObject, ProviderDefinition } from '../provider';
import type { Rejection } from '../verification/verdict';
import { reject } from '../verification/verdict';
import { authenticate } from './authenticate';
import { deliveryKeyOf } from './dedupe';
import type { DeliveryOutcome, DeliveryRequest } from './delivery';
import { redactHeaders } from './headers';
import { parseJsonBody } from './parseJsonBody';
import { ALL_EVENTS, type TriggerSettings } from './settings';
import { summariseIssues, validatePayload } from './validatePayload';

/** Keys the trigger may add next to the provider's own fields. */
export const HEADERS_KEY = '_headers';
export const VALIDATION_ERRORS_KEY = '_validationErrors';
/** The delivery's key (see deliveryKeyOf), for n8n's Remove Duplicates node across processes. */
export const DELIVERY_ID_KEY = '_deliveryId';

function refuse(provider: ProviderDefinition, rejection: Rejection): DeliveryOutcome {
	return { action: 'reject', reply: provider.replies.rejected(rejection), rejection };
}

function findEvent(events: readonly EventDefinition[] | undefined, name: string) {
	return events?.find((event) => event.name === name);
}

/**
 * One delivery, from raw bytes to a decision: authenticate, parse, check,
 * filter, validate. Pure: no n8n, no I/O, the clock comes in with the request,
 * and every setting arrives resolved (see settingsFrom).
 */
export function processDelivery(
	provider: ProviderDefinition,
	request: DeliveryRequest,
	settings: TriggerSettings,
): DeliveryOutcome {
	const verdict = authenticate(request, settings.verification);
	if (!verdict.ok) return refuse(provider, verdict);

	const rawBody = request.rawBody as Buffer;
	const parsed = parseJsonBody(rawBody);
	if (!parsed.ok) return refuse(provider, parsed);
	const payload = parsed.payload;

	const structural = provider.checkDelivery?.(payload, request.headers, settings.providerOptions);
	if (structural && !structural.ok) return refuse(provider, structural);

	const eventType = provider.eventTypeOf(payload, request.headers);
	if (eventType === undefined) {
		return refuse(provider, reject('invalid_payload', 'The payload does not name its event type'));
	}
	const accepted = provider.replies.accepted({ payload, eventType, now: request.now });

	const connectionTest = findEvent(provider.connectionTestEvents, eventType);
	if (connectionTest && !settings.emitConnectionTests) {
		return { action: 'acknowledge', reply: accepted, why: 'connection_test', eventType };
	}
	const known = connectionTest ?? findEvent(provider.events, eventType);
	const wantsAll = settings.events.includes(ALL_EVENTS);
	if (!connectionTest && !wantsAll && !settings.events.includes(eventType)) {
		// Acknowledged so the provider does not retry an event nobody asked for.
		return { action: 'acknowledge', reply: accepted, why: 'event_not_selected', eventType };
	}

	const item: JsonObject = { ...payload };
	if (known && settings.invalidPayload !== 'emitAsIs') {
		const issues = validatePayload(known.schema, payload);
		if (issues.length > 0) {
			if (settings.invalidPayload === 'reject') {
				return refuse(provider, reject('invalid_payload', summariseIssues(issues)));
			}
			item[VALIDATION_ERRORS_KEY] = issues;
		}
	}
	if (settings.includeHeaders) {
		item[HEADERS_KEY] = redactHeaders(request.headers, settings.sensitiveHeaders);
	}
	const deliveryId = deliveryKeyOf(provider.deliveryIdOf?.(payload, request.headers), rawBody);
	item[DELIVERY_ID_KEY] = deliveryId;
	return { action: 'emit', reply: accepted, item, eventType, deliveryId };
}
