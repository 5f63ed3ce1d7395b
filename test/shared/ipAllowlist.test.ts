import { parseIpAddress } from '../../nodes/shared/verification/ipAddress';
import {
	checkIpAllowlist,
	isInRange,
	parseAllowlist,
	parseCidr,
	resolveClientAddress,
	type CidrRange,
} from '../../nodes/shared/verification/ipAllowlist';

/** eSahayak's published source ranges (eSahayak's Webhooks guide). */
const ESAHAYAK = ['52.66.123.0/24', '13.127.45.0/24'];

function ranges(...texts: string[]): readonly CidrRange[] {
	const parsed = parseAllowlist(texts);
	if (!parsed.ok) throw new Error(`invalid ranges: ${parsed.invalid.join(', ')}`);
	return parsed.ranges;
}

function allowed(address: string | undefined, list: readonly CidrRange[]): boolean {
	return checkIpAllowlist(address, list).ok;
}

function inRange(address: string, cidr: string): boolean {
	const range = parseCidr(cidr);
	const ip = parseIpAddress(address);
	if (!range || !ip) throw new Error(`bad test input ${address} / ${cidr}`);
	return isInRange(ip, range);
}

describe('parseCidr', () => {
	it.each([
		['52.66.123.0/24', 120],
		['10.0.0.1', 128],
		['10.0.0.1/32', 128],
		['0.0.0.0/0', 96],
		['::/0', 0],
		['2001:db8::/64', 64],
		['::1/128', 128],
		['::1', 128],
		['[2001:db8::]/48', 48],
		['::ffff:52.66.123.0/120', 120],
	])('%s -> %i bits in the 128-bit space', (text, bits) => {
		expect(parseCidr(text)?.prefixBits).toBe(bits);
	});

	it('keeps the trimmed text', () => {
		expect(parseCidr('  10.0.0.0/8 ')?.text).toBe('10.0.0.0/8');
	});

	it.each([
		'10.0.0.0/33',
		'::/129',
		'10.0.0.0/',
		'10.0.0.0/-1',
		'10.0.0.0/abc',
		'10.0.0.0/24/8',
		'10.0.0.0/1000',
		'10.0.0.0/ 8',
		'bogus/24',
		'052.66.123.0/24',
		'/24',
		'',
	])('refuses %p', (text) => {
		expect(parseCidr(text)).toBeUndefined();
	});
});

describe('parseAllowlist', () => {
	it('splits on commas, spaces and newlines', () => {
		const parsed = parseAllowlist('52.66.123.0/24, 13.127.45.0/24\n2001:db8::/32 ,\n\n 10.0.0.1');
		expect(parsed.ok).toBe(true);
		if (parsed.ok) {
			expect(parsed.ranges.map((range) => range.text)).toEqual([
				'52.66.123.0/24',
				'13.127.45.0/24',
				'2001:db8::/32',
				'10.0.0.1',
			]);
		}
	});

	it('accepts an array and skips blank entries', () => {
		const parsed = parseAllowlist([...ESAHAYAK, '  ', '']);
		expect(parsed.ok && parsed.ranges.length).toBe(2);
	});

	it('makes the whole list invalid when any entry is invalid, and names the bad entries', () => {
		expect(parseAllowlist('52.66.123.0/24, 300.1.1.1, 10.0.0.0/40')).toEqual({
			ok: false,
			invalid: ['300.1.1.1', '10.0.0.0/40'],
		});
	});

	it('gives an empty (allow-nothing) list for an empty string', () => {
		const parsed = parseAllowlist('');
		expect(parsed).toEqual({ ok: true, ranges: [] });
		if (parsed.ok) expect(allowed('52.66.123.7', parsed.ranges)).toBe(false);
	});
});

describe('isInRange / checkIpAllowlist', () => {
	const esahayak = ranges(...ESAHAYAK);

	it.each([
		'52.66.123.0',
		'52.66.123.7',
		'52.66.123.255',
		'13.127.45.0',
		'13.127.45.255',
		'::ffff:52.66.123.7',
		'::ffff:13.127.45.200',
		'[::ffff:52.66.123.1]',
	])('admits %s from the eSahayak ranges', (address) => {
		expect(checkIpAllowlist(address, esahayak)).toEqual({ ok: true });
	});

	it.each([
		'52.66.124.0',
		'52.66.122.255',
		'13.127.46.0',
		'13.127.44.255',
		'52.67.123.7',
		'53.66.123.7',
		'::ffff:52.66.124.0',
		'::52.66.123.7',
		'64:ff9b::52.66.123.7',
		'2001:db8::1',
		'::1',
		'127.0.0.1',
	])('refuses %s', (address) => {
		expect(checkIpAllowlist(address, esahayak)).toMatchObject({ ok: false, reason: 'ip_not_allowed' });
	});

	it.each([undefined, '', 'not-an-ip', '52.66.123.07', '52.66.123.7:443'])(
		'refuses an undeterminable client %p',
		(address) => {
			expect(checkIpAllowlist(address, esahayak)).toMatchObject({ ok: false, reason: 'ip_not_allowed' });
		},
	);

	it('refuses everything with no ranges', () => {
		expect(allowed('52.66.123.7', [])).toBe(false);
	});

	it('/0 (IPv4) admits every IPv4 address but no native IPv6 address', () => {
		expect(inRange('0.0.0.0', '0.0.0.0/0')).toBe(true);
		expect(inRange('255.255.255.255', '0.0.0.0/0')).toBe(true);
		expect(inRange('::ffff:8.8.8.8', '0.0.0.0/0')).toBe(true);
		expect(inRange('2001:db8::1', '0.0.0.0/0')).toBe(false);
		expect(inRange('::', '0.0.0.0/0')).toBe(false);
	});

	it('::/0 admits everything, IPv4 included', () => {
		expect(inRange('2001:db8::1', '::/0')).toBe(true);
		expect(inRange('8.8.8.8', '::/0')).toBe(true);
	});

	it('/32 and /128 admit exactly one address', () => {
		expect(inRange('52.66.123.7', '52.66.123.7/32')).toBe(true);
		expect(inRange('52.66.123.6', '52.66.123.7/32')).toBe(false);
		expect(inRange('52.66.123.8', '52.66.123.7/32')).toBe(false);
		expect(inRange('::1', '::1/128')).toBe(true);
		expect(inRange('::2', '::1/128')).toBe(false);
		expect(inRange('::', '::1/128')).toBe(false);
	});

	it('/24 covers .0 to .255 only', () => {
		expect(inRange('10.1.2.0', '10.1.2.0/24')).toBe(true);
		expect(inRange('10.1.2.255', '10.1.2.0/24')).toBe(true);
		expect(inRange('10.1.3.0', '10.1.2.0/24')).toBe(false);
		expect(inRange('10.1.1.255', '10.1.2.0/24')).toBe(false);
	});

	it('masks prefixes that do not end on a byte boundary', () => {
		expect(inRange('10.0.16.0', '10.0.16.0/20')).toBe(true);
		expect(inRange('10.0.31.255', '10.0.16.0/20')).toBe(true);
		expect(inRange('10.0.32.0', '10.0.16.0/20')).toBe(false);
		expect(inRange('10.0.15.255', '10.0.16.0/20')).toBe(false);
		expect(inRange('128.0.0.1', '0.0.0.0/1')).toBe(false);
		expect(inRange('127.255.255.255', '0.0.0.0/1')).toBe(true);
		expect(inRange('2001:db8::7f', '2001:db8::/121')).toBe(true);
		expect(inRange('2001:db8::80', '2001:db8::/121')).toBe(false);
	});

	it('ignores host bits set in the network address', () => {
		expect(inRange('52.66.123.200', '52.66.123.7/24')).toBe(true);
		expect(inRange('52.66.124.7', '52.66.123.7/24')).toBe(false);
	});

	it('handles an IPv6 /64', () => {
		const range = '2001:db8:abcd:12::/64';
		expect(inRange('2001:db8:abcd:12::', range)).toBe(true);
		expect(inRange('2001:db8:abcd:12:ffff:ffff:ffff:ffff', range)).toBe(true);
		expect(inRange('2001:db8:abcd:13::', range)).toBe(false);
		expect(inRange('2001:db8:abcd:11:ffff:ffff:ffff:ffff', range)).toBe(false);
		expect(inRange('[2001:db8:abcd:12::1%eth0]', range)).toBe(true);
	});

	it('matches IPv4 addresses against an IPv4-mapped IPv6 range and vice versa', () => {
		expect(inRange('52.66.123.9', '::ffff:52.66.123.0/120')).toBe(true);
		expect(inRange('52.66.124.9', '::ffff:52.66.123.0/120')).toBe(false);
		expect(inRange('::ffff:52.66.123.9', '52.66.123.0/24')).toBe(true);
	});

	it('names the refused address in the detail', () => {
		const verdict = checkIpAllowlist('52.66.124.0', esahayak);
		expect((verdict as { detail: string }).detail).toContain('52.66.124.0');
	});
});

describe('resolveClientAddress', () => {
	const socket = '10.0.0.5';

	it('uses the socket address and ignores X-Forwarded-For by default (no trusted proxies)', () => {
		expect(resolveClientAddress(socket, '52.66.123.7', 0)).toBe(socket);
		expect(resolveClientAddress(socket, ['52.66.123.7'], 0)).toBe(socket);
		expect(resolveClientAddress(undefined, '52.66.123.7', 0)).toBeUndefined();
		expect(resolveClientAddress(socket, '52.66.123.7', -1)).toBe(socket);
	});

	it('with 1 trusted hop takes the right-most entry', () => {
		expect(resolveClientAddress(socket, '1.1.1.1, 52.66.123.7', 1)).toBe('52.66.123.7');
		expect(resolveClientAddress(socket, '52.66.123.7', 1)).toBe('52.66.123.7');
	});

	it('with 2 trusted hops takes the second entry from the right', () => {
		expect(resolveClientAddress(socket, '6.6.6.6, 52.66.123.7, 172.16.0.2', 2)).toBe('52.66.123.7');
	});

	it('trims entries and skips empty ones', () => {
		expect(resolveClientAddress(socket, ' 6.6.6.6 ,, 52.66.123.7 , ', 1)).toBe('52.66.123.7');
	});

	it('fails closed (undefined) when there are fewer entries than hops', () => {
		expect(resolveClientAddress(socket, '52.66.123.7', 2)).toBeUndefined();
		expect(resolveClientAddress(socket, undefined, 1)).toBeUndefined();
		expect(resolveClientAddress(socket, '', 1)).toBeUndefined();
		expect(resolveClientAddress(socket, [], 1)).toBeUndefined();
	});

	it('joins repeated header values in order', () => {
		expect(resolveClientAddress(socket, ['6.6.6.6, 52.66.123.7', '172.16.0.2'], 2)).toBe('52.66.123.7');
		expect(resolveClientAddress(socket, ['6.6.6.6', '52.66.123.7'], 1)).toBe('52.66.123.7');
	});

	it('feeds checkIpAllowlist: a spoofed X-Forwarded-For does not get past the socket check', () => {
		const esahayak = ranges(...ESAHAYAK);
		const client = resolveClientAddress('203.0.113.9', '52.66.123.7', 0);
		expect(checkIpAllowlist(client, esahayak)).toMatchObject({ ok: false, reason: 'ip_not_allowed' });
		const missing = resolveClientAddress('52.66.123.7', '', 1);
		expect(checkIpAllowlist(missing, esahayak)).toMatchObject({ ok: false, reason: 'ip_not_allowed' });
	});
});
