/**
 * IP parsing without `node:net` (not importable from community nodes). Every
 * address is normalised to 16 bytes; IPv4 becomes the IPv4-mapped IPv6 form
 * `::ffff:a.b.c.d`, so `10.0.0.1` and `::ffff:10.0.0.1` compare equal.
 */
export type Ip16 = Uint8Array;

const IPV4_OCTET = /^(0|[1-9]\d{0,2})$/;

function parseIpv4Bytes(text: string): number[] | undefined {
	const parts = text.split('.');
	if (parts.length !== 4) return undefined;
	const bytes: number[] = [];
	for (const part of parts) {
		// Leading zeros are refused: some parsers read them as octal.
		if (!IPV4_OCTET.test(part)) return undefined;
		const value = Number(part);
		if (value > 255) return undefined;
		bytes.push(value);
	}
	return bytes;
}

function mapIpv4(bytes: number[]): Ip16 {
	const out = new Uint8Array(16);
	out[10] = 0xff;
	out[11] = 0xff;
	out.set(bytes, 12);
	return out;
}

/** `endsAddress`: an embedded IPv4 is allowed only in the last 32 bits (never before `::`). */
function parseGroups(text: string, endsAddress: boolean): number[] | undefined {
	if (text === '') return [];
	const groups: number[] = [];
	const parts = text.split(':');
	for (let i = 0; i < parts.length; i++) {
		const part = parts[i];
		if (endsAddress && i === parts.length - 1 && part.includes('.')) {
			const v4 = parseIpv4Bytes(part);
			if (!v4) return undefined;
			groups.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
			continue;
		}
		if (!/^[0-9a-fA-F]{1,4}$/.test(part)) return undefined;
		groups.push(parseInt(part, 16));
	}
	return groups;
}

function parseIpv6(text: string): Ip16 | undefined {
	const halves = text.split('::');
	if (halves.length > 2) return undefined;
	const head = parseGroups(halves[0], halves.length === 1);
	const tail = halves.length === 2 ? parseGroups(halves[1], true) : [];
	if (!head || !tail) return undefined;
	const missing = 8 - head.length - tail.length;
	if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
	const groups = [...head, ...new Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
	const out = new Uint8Array(16);
	groups.forEach((group, index) => {
		out[index * 2] = group >> 8;
		out[index * 2 + 1] = group & 0xff;
	});
	return out;
}

/** Parses IPv4, IPv6 (with an optional `%zone` and `[...]`), returning 16 bytes. */
export function parseIpAddress(input: string): Ip16 | undefined {
	let text = input.trim();
	if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1);
	const zone = text.indexOf('%');
	if (zone !== -1) text = text.slice(0, zone);
	if (text === '') return undefined;
	if (!text.includes(':')) {
		const v4 = parseIpv4Bytes(text);
		return v4 ? mapIpv4(v4) : undefined;
	}
	return parseIpv6(text);
}
