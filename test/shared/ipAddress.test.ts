import { parseIpAddress } from '../../nodes/shared/verification/ipAddress';

/** The 16 normalised bytes as 8 colon-separated 4-digit groups. */
function groups(input: string): string | undefined {
	const bytes = parseIpAddress(input);
	if (!bytes) return undefined;
	expect(bytes).toHaveLength(16);
	return (Buffer.from(bytes).toString('hex').match(/.{4}/g) as string[]).join(':');
}

describe('parseIpAddress: IPv4', () => {
	it.each([
		['10.0.0.1', '0000:0000:0000:0000:0000:ffff:0a00:0001'],
		['0.0.0.0', '0000:0000:0000:0000:0000:ffff:0000:0000'],
		['255.255.255.255', '0000:0000:0000:0000:0000:ffff:ffff:ffff'],
		['52.66.123.7', '0000:0000:0000:0000:0000:ffff:3442:7b07'],
		['13.127.45.255', '0000:0000:0000:0000:0000:ffff:0d7f:2dff'],
		[' 10.0.0.1 ', '0000:0000:0000:0000:0000:ffff:0a00:0001'],
	])('%s -> IPv4-mapped %s', (input, expected) => {
		expect(groups(input)).toBe(expected);
	});

	it.each([
		['leading zero', '052.1.1.1'],
		['leading zero in last octet', '1.1.1.01'],
		['octet 256', '256.1.1.1'],
		['octet 999', '1.1.1.999'],
		['four-digit octet', '1.1.1.1000'],
		['three octets', '1.2.3'],
		['five octets', '1.2.3.4.5'],
		['empty octet', '1..3.4'],
		['trailing dot', '1.2.3.'],
		['sign', '+1.2.3.4'],
		['negative', '-1.2.3.4'],
		['hex octet', '0x1.1.1.1'],
		['letters', 'a.b.c.d'],
		['inner space', '1. 2.3.4'],
		['a port', '1.2.3.4:80'],
		['a CIDR', '1.2.3.0/24'],
		['non-ASCII digits', '١.٢.٣.٤'],
		['a host name', 'example.com'],
		['empty', ''],
		['blank', '   '],
	])('refuses %s (%p)', (_label, input) => {
		expect(parseIpAddress(input)).toBeUndefined();
	});
});

describe('parseIpAddress: IPv6', () => {
	it.each([
		['::', '0000:0000:0000:0000:0000:0000:0000:0000'],
		['::1', '0000:0000:0000:0000:0000:0000:0000:0001'],
		['1::', '0001:0000:0000:0000:0000:0000:0000:0000'],
		['2001:db8::1', '2001:0db8:0000:0000:0000:0000:0000:0001'],
		['2001:0db8:0000:0000:0000:0000:0000:0001', '2001:0db8:0000:0000:0000:0000:0000:0001'],
		['2001:db8:0:0:1::1', '2001:0db8:0000:0000:0001:0000:0000:0001'],
		['1:2:3:4:5:6:7::', '0001:0002:0003:0004:0005:0006:0007:0000'],
		['::2:3:4:5:6:7:8', '0000:0002:0003:0004:0005:0006:0007:0008'],
		['1:2:3:4:5:6:7:8', '0001:0002:0003:0004:0005:0006:0007:0008'],
		['FE80::ABCD', 'fe80:0000:0000:0000:0000:0000:0000:abcd'],
		['fe80::1%eth0', 'fe80:0000:0000:0000:0000:0000:0000:0001'],
		['fe80::1%25', 'fe80:0000:0000:0000:0000:0000:0000:0001'],
		['[2001:db8::1]', '2001:0db8:0000:0000:0000:0000:0000:0001'],
		['[fe80::1%en0]', 'fe80:0000:0000:0000:0000:0000:0000:0001'],
		['[::1]', '0000:0000:0000:0000:0000:0000:0000:0001'],
		['::ffff:52.66.123.7', '0000:0000:0000:0000:0000:ffff:3442:7b07'],
		['::FFFF:52.66.123.7', '0000:0000:0000:0000:0000:ffff:3442:7b07'],
		['64:ff9b::1.2.3.4', '0064:ff9b:0000:0000:0000:0000:0102:0304'],
		['1:2:3:4:5:6:1.2.3.4', '0001:0002:0003:0004:0005:0006:0102:0304'],
		['::1.2.3.4', '0000:0000:0000:0000:0000:0000:0102:0304'],
	])('%s -> %s', (input, expected) => {
		expect(groups(input)).toBe(expected);
	});

	it('normalises an IPv4 address and its IPv4-mapped form to the same bytes', () => {
		expect(groups('::ffff:52.66.123.7')).toBe(groups('52.66.123.7'));
		expect(groups('::ffff:3442:7b07')).toBe(groups('52.66.123.7'));
	});

	it('keeps IPv4-compatible and NAT64 forms distinct from the IPv4 address', () => {
		expect(groups('::52.66.123.7')).not.toBe(groups('52.66.123.7'));
		expect(groups('64:ff9b::52.66.123.7')).not.toBe(groups('52.66.123.7'));
	});

	it.each([
		['two ::', '1::2::3'],
		['three colons', '1:::2'],
		[':::', ':::'],
		['leading single colon', ':1:2:3:4:5:6:7'],
		['trailing single colon', '1:2:3:4:5:6:7:'],
		['nine groups', '1:2:3:4:5:6:7:8:9'],
		['eight groups and ::', '1:2:3:4:5:6:7:8::'],
		['eight groups and :: in front', '::1:2:3:4:5:6:7:8'],
		['seven groups without ::', '1:2:3:4:5:6:7'],
		['five-digit group', '12345::'],
		['non-hex group', 'g::1'],
		['embedded IPv4 not last', '::1.2.3.4:5'],
		['embedded IPv4 before ::', '1.2.3.4::'],
		['embedded IPv4 before :: with groups', '1:1.2.3.4::'],
		['embedded IPv4 out of range', '::ffff:256.1.1.1'],
		['embedded IPv4 with leading zero', '::ffff:052.1.1.1'],
		['embedded IPv4 too short', '::ffff:1.2.3'],
		['too many groups with IPv4', '1:2:3:4:5:6:7:1.2.3.4'],
		['unclosed bracket', '[::1'],
		['empty brackets', '[]'],
		['zone only', '%eth0'],
		['inner space', '2001:db8:: 1'],
		['a port', '[::1]:443'],
	])('refuses %s (%p)', (_label, input) => {
		expect(parseIpAddress(input)).toBeUndefined();
	});
});
