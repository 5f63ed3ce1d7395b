import { parseIpAddress, type Ip16 } from './ipAddress';
import { ACCEPTED, reject, type Verdict } from './verdict';

export interface CidrRange {
	readonly text: string;
	readonly network: Ip16;
	/** Prefix length in the 128-bit space (IPv4 ranges are shifted by 96). */
	readonly prefixBits: number;
}

export type ParsedAllowlist =
	| { readonly ok: true; readonly ranges: readonly CidrRange[] }
	| { readonly ok: false; readonly invalid: readonly string[] };

export function parseCidr(text: string): CidrRange | undefined {
	const trimmed = text.trim();
	const slash = trimmed.indexOf('/');
	const addressText = slash === -1 ? trimmed : trimmed.slice(0, slash);
	const network = parseIpAddress(addressText);
	if (!network) return undefined;
	const isV4 = !addressText.includes(':');
	const maxBits = isV4 ? 32 : 128;
	let bits = maxBits;
	if (slash !== -1) {
		const bitsText = trimmed.slice(slash + 1);
		if (!/^\d{1,3}$/.test(bitsText)) return undefined;
		bits = Number(bitsText);
		if (bits > maxBits) return undefined;
	}
	return { text: trimmed, network, prefixBits: isV4 ? bits + 96 : bits };
}

/** Parses a comma- or newline-separated list; any invalid entry makes the whole list invalid. */
export function parseAllowlist(list: string | readonly string[]): ParsedAllowlist {
	const entries = (typeof list === 'string' ? list.split(/[\s,]+/) : list)
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '');
	const ranges: CidrRange[] = [];
	const invalid: string[] = [];
	for (const entry of entries) {
		const range = parseCidr(entry);
		if (range) ranges.push(range);
		else invalid.push(entry);
	}
	return invalid.length > 0 ? { ok: false, invalid } : { ok: true, ranges };
}

export function isInRange(address: Ip16, range: CidrRange): boolean {
	let bits = range.prefixBits;
	for (let i = 0; i < 16 && bits > 0; i++, bits -= 8) {
		const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
		if ((address[i] & mask) !== (range.network[i] & mask)) return false;
	}
	return true;
}

/**
 * The address the request came from. Without trusted proxies it is the
 * socket's peer: `X-Forwarded-For` is written by the client and proves
 * nothing. With `trustedProxyHops` = N, each of N proxies appended the address
 * it saw, so the client is the N-th entry counted from the right.
 */
export function resolveClientAddress(
	socketAddress: string | undefined,
	forwardedFor: string | string[] | undefined,
	trustedProxyHops: number,
): string | undefined {
	if (trustedProxyHops <= 0) return socketAddress;
	const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
	const chain = header
		.split(',')
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '');
	return chain.length >= trustedProxyHops ? chain[chain.length - trustedProxyHops] : undefined;
}

export function checkIpAllowlist(clientAddress: string | undefined, ranges: readonly CidrRange[]): Verdict {
	const address = clientAddress === undefined ? undefined : parseIpAddress(clientAddress);
	if (!address) {
		return reject('ip_not_allowed', 'The client address could not be determined');
	}
	if (ranges.some((range) => isInRange(address, range))) return ACCEPTED;
	return reject('ip_not_allowed', `The address ${clientAddress} is not in the allowlist`);
}
