import { constantTimeEqual } from '../../nodes/shared/verification/constantTimeEqual';

describe('constantTimeEqual', () => {
	const a = Buffer.from('00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff', 'hex');

	it('is true for equal bytes', () => {
		expect(constantTimeEqual(a, Buffer.from(a))).toBe(true);
		expect(constantTimeEqual(new Uint8Array(a), Buffer.from(a))).toBe(true);
	});

	it('is true for two empty arrays', () => {
		expect(constantTimeEqual(new Uint8Array(0), Buffer.alloc(0))).toBe(true);
	});

	it('is false (not an exception) for different lengths', () => {
		expect(constantTimeEqual(a, a.subarray(0, 31))).toBe(false);
		expect(constantTimeEqual(a.subarray(0, 31), a)).toBe(false);
		expect(constantTimeEqual(a, Buffer.concat([a, Buffer.from([0])]))).toBe(false);
		expect(constantTimeEqual(a, Buffer.alloc(0))).toBe(false);
	});

	it.each([0, 15, 31])('is false when one bit of byte %i differs', (index) => {
		for (const bit of [0x01, 0x80]) {
			const b = Buffer.from(a);
			b[index] ^= bit;
			expect(constantTimeEqual(a, b)).toBe(false);
		}
	});
});
