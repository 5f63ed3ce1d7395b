import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type IN8nHttpFullResponse,
	type NodeApiError,
} from 'n8n-workflow';

import { FAITHFLOW_DETAIL } from '../definition';
import { detailOf, jsonAnswer, secretsOf } from '../httpAnswers';
import { httpUrlOrFail, refusalError, sendAuthenticated } from '../httpRequest';
import { FAITHTRACKER_CREDENTIAL, faithTrackerBody, type FaithTrackerCredentials, type FaithTrackerPayload } from './signing';

/**
 * Sending to FaithTracker (001_7dee66a650611890.txt, "Response Format" and
 * "Troubleshooting"): each documented refusal becomes a NodeApiError whose
 * message is FaithTracker's own `detail` and whose description says what to
 * change, so a user never has to decode a status code.
 */
const FAITHTRACKER_TROUBLESHOOTING: Readonly<Record<string, string>> = {
	[FAITHFLOW_DETAIL.missingSignature]:
		'FaithTracker received no X-Webhook-Signature header. This node always sends one, so something between n8n and FaithTracker (a proxy or gateway) removed it.',
	[FAITHFLOW_DETAIL.invalidSignature]:
		"Check that the credential's Webhook Secret is exactly the one in FaithTracker (Settings > API Sync > Active Sync Configuration > Webhook Secret); it is case-sensitive. The node signs the exact bytes it sends, as lowercase hex without a prefix.",
	[FAITHFLOW_DETAIL.missingCampus]:
		"Set the Church ID (on the node or in the credential): FaithTracker needs church_id or campus_id, and it must match the church ID from FaithFlow.",
	[FAITHFLOW_DETAIL.campusNotConfigured]:
		'In FaithTracker, configure sync under Settings > API Sync and save it with the correct church so that core_church_id is stored, then check that the Church ID sent matches it.',
	[FAITHFLOW_DETAIL.syncDisabled]:
		'In FaithTracker, open Settings > API Sync, check "Enable Member Data Sync" and save the configuration.',
	[FAITHFLOW_DETAIL.memberNotFound]:
		'Check that the member ID is correct and that the member exists in FaithFlow: FaithTracker fetches it with GET /api/members/{member_id} from the core API.',
};

/** For a documented status whose `detail` is not one the spec prints. */
const TROUBLESHOOTING_BY_STATUS: Readonly<Record<number, string>> = {
	400: FAITHTRACKER_TROUBLESHOOTING[FAITHFLOW_DETAIL.missingCampus],
	401: FAITHTRACKER_TROUBLESHOOTING[FAITHFLOW_DETAIL.invalidSignature],
	403: FAITHTRACKER_TROUBLESHOOTING[FAITHFLOW_DETAIL.syncDisabled],
	404: FAITHTRACKER_TROUBLESHOOTING[FAITHFLOW_DETAIL.campusNotConfigured],
};

const DEFAULT_TIMEOUT_MS = 30_000;

/** Where the credential points, checked before anything is signed. */
function webhookUrlOf(context: IExecuteFunctions, credentials: FaithTrackerCredentials, itemIndex: number): URL {
	const raw = typeof credentials.webhookUrl === 'string' ? credentials.webhookUrl.trim() : '';
	return httpUrlOrFail(
		context,
		raw,
		{
			message: 'The FaithTracker Webhook credential has no valid Webhook URL',
			description: 'Copy the Webhook URL from FaithTracker (Settings > API Sync), e.g. https://your-faithtracker-domain.com/api/sync/webhook.',
		},
		itemIndex,
	);
}

function refusal(context: IExecuteFunctions, response: IN8nHttpFullResponse, secrets: string[], itemIndex: number): NodeApiError {
	const status = response.statusCode;
	const detail = detailOf(response.body, secrets);
	const message = detail ?? `FaithTracker answered HTTP ${status}`;
	const description =
		(detail !== undefined ? FAITHTRACKER_TROUBLESHOOTING[detail] : undefined) ??
		TROUBLESHOOTING_BY_STATUS[status] ??
		(status >= 500
			? 'FaithTracker could not process the event. Try again later; its daily reconciliation also catches missed updates.'
			: `FaithTracker refused the event with HTTP ${status}.`);
	return refusalError(context, status, { message, description }, itemIndex, detail !== undefined ? { detail } : {});
}

/** One event as the node's parameters describe it. */
export interface FaithTrackerEvent {
	readonly eventType: string;
	/** The node's Church ID; empty means the credential's. */
	readonly churchId: string;
	/** The spec accepts either name for the church/campus identifier. */
	readonly idField: 'church_id' | 'campus_id';
	readonly memberId?: string;
	readonly timestamp?: string;
}

/**
 * The body in the spec's field order: `event_type`, `church_id` (or
 * `campus_id`), `member_id`, `timestamp`. Without any Church ID the field is
 * left out, and FaithTracker's 400 "Missing campus_id in payload" says so.
 */
export function faithTrackerPayload(event: FaithTrackerEvent, credentials: FaithTrackerCredentials): FaithTrackerPayload {
	const churchId = event.churchId.trim() || (typeof credentials.churchId === 'string' ? credentials.churchId.trim() : '');
	return {
		event_type: event.eventType,
		...(churchId !== '' ? { [event.idField]: churchId } : {}),
		...(event.memberId !== undefined ? { member_id: event.memberId } : {}),
		...(event.timestamp !== undefined ? { timestamp: event.timestamp } : {}),
	};
}

/**
 * POSTs one event to the credential's Webhook URL. The body is written here
 * (Python's compact JSON); the credential's `authenticate` signs exactly those
 * bytes. Answers FaithTracker's JSON on success.
 */
export async function sendToFaithTracker(
	this: IExecuteFunctions,
	event: FaithTrackerEvent,
	itemIndex: number,
): Promise<IDataObject> {
	const credentials = await this.getCredentials<FaithTrackerCredentials>(FAITHTRACKER_CREDENTIAL, itemIndex);
	const payload = faithTrackerPayload(event, credentials);
	const url = webhookUrlOf(this, credentials, itemIndex);
	if (typeof credentials.webhookSecret !== 'string' || credentials.webhookSecret === '') {
		throw new NodeOperationError(this.getNode(), 'The FaithTracker Webhook credential has no Webhook Secret', {
			itemIndex,
			description: 'Copy the Webhook Secret from FaithTracker (Settings > API Sync > Active Sync Configuration) into the credential.',
			level: 'warning',
		});
	}
	const secrets = secretsOf(credentials, ['webhookSecret']);

	const response = await sendAuthenticated(
		this,
		FAITHTRACKER_CREDENTIAL,
		{ method: 'POST', url: url.href, body: faithTrackerBody(payload), headers: { 'Content-Type': 'application/json' } },
		{ service: 'FaithTracker', origin: url.origin, timeoutMs: DEFAULT_TIMEOUT_MS, secrets, itemIndex },
	);
	if (response.statusCode >= 400) throw refusal(this, response, secrets, itemIndex);

	return jsonAnswer(response, secrets);
}

