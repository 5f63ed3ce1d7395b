/* eslint-disable @typescript-eslint/no-explicit-any -- test code runs under jest on a developer machine, not inside n8n */
import { request } from 'undici';

export interface PostResult {
	status: number;
	text: string;
	json: any;
}

/** Sends raw bytes with exactly the given headers (no Content-Type unless given). */
export async function post(url: string, body: Buffer | string, headers: Record<string, string> = {}): Promise<PostResult> {
	const response = await request(url, { method: 'POST', body, headers });
	const text = await response.body.text();
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: response.statusCode, text, json };
}
