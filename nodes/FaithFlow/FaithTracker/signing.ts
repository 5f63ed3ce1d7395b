import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { hmacSha256 } from '../../shared/verification/hmac';
import { pythonCompactJson, type PythonJsonValue } from './pythonJson';

/**
 * n8n as the FaithFlow core system, sending to FaithTracker's
 * `POST /api/sync/webhook` (the FaithFlow Enterprise Webhook Integration Guide). Recipe: the body is
 * `json.dumps(payload, separators=(',', ':'))` as UTF-8, the signature the
 * lowercase hex HMAC-SHA256 of those exact bytes with the Webhook Secret, sent
 * bare in `X-Webhook-Signature` (spelled as the spec spells it).
 */
export const FAITHTRACKER_SIGNATURE_HEADER = 'X-Webhook-Signature';
export const FAITHTRACKER_CREDENTIAL = 'faithTrackerApi';

/** The fields of the FaithTracker Webhook credential. */
export interface FaithTrackerCredentials {
	readonly webhookUrl?: string;
	readonly webhookSecret?: string;
	readonly churchId?: string;
}

/** A FaithTracker delivery: `event_type`, `church_id` or `campus_id`, `member_id`, `timestamp`, in that order. */
export type FaithTrackerPayload = Readonly<Record<string, string>>;

export function faithTrackerBody(payload: FaithTrackerPayload): string {
	return pythonCompactJson(payload as { [key: string]: PythonJsonValue });
}

export function faithTrackerSignature(secret: string, body: Uint8Array): string {
	return hmacSha256(secret, body).toString('hex');
}

function bodyBytes(body: IHttpRequestOptions['body']): Buffer {
	if (Buffer.isBuffer(body)) return body;
	if (typeof body === 'string') return Buffer.from(body, 'utf8');
	if (typeof body === 'object' && body !== null && Object.getPrototypeOf(body) === Object.prototype) {
		return Buffer.from(pythonCompactJson(body as { [key: string]: PythonJsonValue }), 'utf8');
	}
	throw new TypeError('A FaithTracker webhook request needs a JSON body to sign');
}

function hasHeader(headers: IHttpRequestOptions['headers'], name: string): boolean {
	return Object.keys(headers ?? {}).some((key) => key.toLowerCase() === name.toLowerCase());
}

/**
 * The credential's `authenticate`: the signature depends on the body, so no
 * static header can carry it. A string or Buffer body is signed as it is; an
 * object (the credential test's) is first written as FaithFlow writes it. The
 * body goes out as those exact bytes, so nothing later can re-serialise it.
 */
export async function signFaithTrackerRequest(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const secret = credentials.webhookSecret;
	if (typeof secret !== 'string' || secret === '') {
		throw new TypeError('The FaithTracker Webhook credential has no Webhook Secret to sign with');
	}
	const body = bodyBytes(requestOptions.body);
	const headers = {
		...(hasHeader(requestOptions.headers, 'content-type') ? {} : { 'Content-Type': 'application/json' }),
		...Object.fromEntries(
			Object.entries(requestOptions.headers ?? {}).filter(
				([key]) => key.toLowerCase() !== FAITHTRACKER_SIGNATURE_HEADER.toLowerCase(),
			),
		),
		[FAITHTRACKER_SIGNATURE_HEADER]: faithTrackerSignature(secret, body),
	};
	return { ...requestOptions, body, headers };
}
