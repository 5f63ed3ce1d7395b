import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import type { FailureWording, RequestFailure } from '../../shared/http/failure';
import { jsonAnswer } from '../../shared/http/jsonAnswer';
import { describeNoAnswer } from '../../shared/http/noAnswer';
import { shorten } from '../../shared/http/quote';
import { secretsOf } from '../../shared/http/secrets';
import { credentialUrlOrFail, sendProviderRequest } from '../../shared/n8n/providerRequest';
import { FAITHFLOW_DETAIL } from '../definition';
import { FAITHTRACKER_CREDENTIAL, faithTrackerBody, type FaithTrackerCredentials, type FaithTrackerPayload } from './signing';

/**
 * Sending to FaithTracker (the FaithFlow Enterprise webhook guide, "Response
 * Format" and "Troubleshooting"): each documented refusal becomes a NodeApiError whose
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
	return credentialUrlOrFail(
		context,
		raw,
		{
			message: 'The FaithTracker Webhook credential has no valid Webhook URL',
			description: 'Copy the Webhook URL from FaithTracker (Settings > API Sync), e.g. https://your-faithtracker-domain.com/api/sync/webhook.',
		},
		itemIndex,
	);
}

function describeRefusal(problem: RequestFailure): FailureWording {
	if (problem.kind === 'timed_out' || problem.kind === 'unreachable') return describeNoAnswer('FaithTracker', problem);
	const { status, said } = problem;
	const detail = said?.json ? shorten(said.text) : undefined;
	const description =
		(detail !== undefined ? FAITHTRACKER_TROUBLESHOOTING[detail] : undefined) ??
		TROUBLESHOOTING_BY_STATUS[status] ??
		(problem.kind === 'unavailable'
			? 'FaithTracker could not process the event. Try again later; its daily reconciliation also catches missed updates.'
			: `FaithTracker refused the event with HTTP ${status}.`);
	return { message: detail ?? `FaithTracker answered HTTP ${status}`, description };
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

	const response = await sendProviderRequest(
		this,
		{
			credentialName: FAITHTRACKER_CREDENTIAL,
			method: 'POST',
			url: url.href,
			body: faithTrackerBody(payload),
			headers: { 'Content-Type': 'application/json' },
			origin: url.origin,
			timeoutMs: DEFAULT_TIMEOUT_MS,
			secrets,
			itemIndex,
		},
		describeRefusal,
	);
	return jsonAnswer(response, secrets) as IDataObject;
}

