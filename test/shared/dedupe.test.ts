import { recordDelivery, type SeenDeliveries } from '../../nodes/shared/pipeline/dedupe';

describe('recordDelivery', () => {
	const limits = { ttlMs: 1000, maxEntries: 3 };

	it('reports a repeated id within the window as a duplicate', () => {
		const seen: SeenDeliveries = {};
		expect(recordDelivery(seen, 'evt_1', 0, limits)).toBe(false);
		expect(recordDelivery(seen, 'evt_1', 500, limits)).toBe(true);
		expect(recordDelivery(seen, 'evt_2', 500, limits)).toBe(false);
	});

	it('forgets ids after the window, measured from the first sighting', () => {
		const seen: SeenDeliveries = {};
		recordDelivery(seen, 'evt_1', 0, limits);
		recordDelivery(seen, 'evt_1', 900, limits);
		expect(recordDelivery(seen, 'evt_1', 1001, limits)).toBe(false);
	});

	it('keeps at most maxEntries, dropping the oldest', () => {
		const seen: SeenDeliveries = {};
		['a', 'b', 'c', 'd'].forEach((id, index) => recordDelivery(seen, id, index, limits));
		expect(Object.keys(seen).sort()).toEqual(['id:b', 'id:c', 'id:d']);
		expect(recordDelivery(seen, 'a', 10, limits)).toBe(false);
	});

	it('treats ids named like object prototype keys as ordinary ids', () => {
		const seen: SeenDeliveries = {};
		expect(recordDelivery(seen, 'constructor', 0, limits)).toBe(false);
		expect(recordDelivery(seen, 'toString', 0, limits)).toBe(false);
		expect(recordDelivery(seen, 'toString', 1, limits)).toBe(true);
		expect(recordDelivery(seen, '__proto__', 1, limits)).toBe(false);
		expect(recordDelivery(seen, '__proto__', 2, limits)).toBe(true);
		expect(Object.getPrototypeOf(seen)).toBe(Object.prototype);
	});
});
