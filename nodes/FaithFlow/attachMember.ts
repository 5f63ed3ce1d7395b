import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import type { AcceptedItem } from '../shared/n8n/receiveDelivery';
import { fetchMember } from './coreApi';
import { ATTACH_MEMBER_OPTION } from './options';

/**
 * "Attach Full Member": FaithFlow's events carry only a member_id (FaithTracker
 * fetches the member itself, `GET /api/members/{member_id}`). This does the
 * same for the workflow, before n8n records the execution and answers
 * FaithFlow (as FaithTracker answers only once it has processed the member);
 * the fetch is bounded by MEMBER_FETCH_TIMEOUT_MS, and a failed fetch never
 * loses the event: it is emitted with `memberFetchError` instead.
 */
export const MEMBER_KEY = 'member';
/** Where the fetched member goes when the delivery already has a `member` field of its own. */
export const FALLBACK_MEMBER_KEY = 'fullMember';
export const MEMBER_FETCH_ERROR_KEY = 'memberFetchError';
export const MEMBER_FETCH_TIMEOUT_MS = 10_000;

/** Deleted members are gone from the core system: nothing to fetch. */
const EVENTS_WITH_A_MEMBER = new Set(['member.created', 'member.updated']);

function memberIdOf(json: IDataObject): string | undefined {
	const id = json.member_id;
	if (typeof id === 'string' && id.trim() !== '') return id.trim();
	if (typeof id === 'number' && Number.isFinite(id)) return String(id);
	return undefined;
}

/** Adds the full member to an accepted created/updated event when the "Attach Full Member" option is on. */
export async function attachFullMember(context: IWebhookFunctions, accepted: AcceptedItem): Promise<void> {
	if (accepted.settings.providerOptions[ATTACH_MEMBER_OPTION] !== true) return;
	const json = accepted.json;
	const memberId = memberIdOf(json);
	if (!EVENTS_WITH_A_MEMBER.has(String(json.event_type)) || memberId === undefined) return;
	const key = Object.prototype.hasOwnProperty.call(json, MEMBER_KEY) ? FALLBACK_MEMBER_KEY : MEMBER_KEY;
	try {
		json[key] = await fetchMember(context, memberId, { timeoutMs: MEMBER_FETCH_TIMEOUT_MS });
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		json[MEMBER_FETCH_ERROR_KEY] = message;
		context.logger.warn(`FaithFlow member ${memberId} could not be attached: ${message}`, {
			httpCode: (error as { httpCode?: unknown }).httpCode ?? null,
		});
	}
}
