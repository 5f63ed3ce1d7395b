/* eslint-disable @typescript-eslint/no-explicit-any -- test code runs under jest on a developer machine, not inside n8n */
/** A thin JSON layer over undici for n8n's public API and internal REST. */
import { request } from 'undici';

export interface HttpResult<T = any> {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	text: string;
	json: T;
}

export class HttpError extends Error {
	constructor(
		readonly method: string,
		readonly url: string,
		readonly status: number,
		readonly body: string,
	) {
		super(`${method} ${url} answered ${status}: ${body.slice(0, 800)}`);
	}
}

export interface HttpOptions {
	headers?: Record<string, string>;
	body?: unknown;
	/** Statuses that resolve instead of throwing HttpError (default: 2xx). */
	accept?: number[];
	timeoutMs?: number;
}

export async function http<T = any>(method: string, url: string, options: HttpOptions = {}): Promise<HttpResult<T>> {
	const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
	let body: string | undefined;
	if (options.body !== undefined) {
		body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
		headers['content-type'] ??= 'application/json';
	}
	const timeout = options.timeoutMs ?? 60_000;
	const response = await request(url, {
		method: method as 'GET',
		headers,
		body,
		headersTimeout: timeout,
		bodyTimeout: timeout,
	});
	const text = await response.body.text();
	let json: any;
	try {
		json = text ? JSON.parse(text) : undefined;
	} catch {
		json = undefined;
	}
	const ok = options.accept ? options.accept.includes(response.statusCode) : response.statusCode >= 200 && response.statusCode < 300;
	if (!ok) throw new HttpError(method, url, response.statusCode, text);
	return { status: response.statusCode, headers: response.headers, text, json };
}

/** The value of one cookie from Set-Cookie headers. */
export function cookieFrom(headers: HttpResult['headers'], name: string): string | undefined {
	const raw = headers['set-cookie'];
	for (const line of Array.isArray(raw) ? raw : raw ? [raw] : []) {
		const match = new RegExp(`(?:^|;\\s*)${name}=([^;]*)`).exec(line);
		if (match) return match[1];
	}
	return undefined;
}
