import { DeliveryLedger, deliveryKeyOf, prune, type SeenDeliveries } from '../../nodes/shared/pipeline/dedupe';

describe('DeliveryLedger', () => {
	const limits = { ttlMs: 1000, maxEntries: 3 };

	it('claims a new key, reports a concurrent copy as in progress, and a recorded one as done', () => {
		const ledger = new DeliveryLedger(limits);
		expect(ledger.claim('evt_1', 0)).toBe('new');
		expect(ledger.claim('evt_1', 1)).toBe('in_progress');
		ledger.settle('evt_1', true, 2);
		expect(ledger.claim('evt_1', 3)).toBe('done');
		expect(ledger.claim('evt_2', 3)).toBe('new');
	});

	it('forgets a claim that was not acknowledged, so the retry is emitted', () => {
		const ledger = new DeliveryLedger(limits);
		expect(ledger.claim('evt_1', 0)).toBe('new');
		ledger.settle('evt_1', false, 1);
		expect(ledger.claim('evt_1', 2)).toBe('new');
	});

	it('knows keys recorded by another process through static data, within the window only', () => {
		const ledger = new DeliveryLedger(limits);
		const persisted: SeenDeliveries = { 'id:evt_1': 0 };
		expect(ledger.claim('evt_1', 900, persisted)).toBe('done');
		expect(ledger.claim('evt_1', 1001, persisted)).toBe('new');
	});

	it('forgets keys after the window and keeps at most maxEntries, dropping the oldest', () => {
		const ledger = new DeliveryLedger(limits);
		['a', 'b', 'c', 'd'].forEach((key, index) => {
			ledger.claim(key, index);
			ledger.settle(key, true, index);
		});
		expect(ledger.claim('a', 10)).toBe('new');
		expect(ledger.claim('d', 10)).toBe('done');
		expect(ledger.claim('d', 1004)).toBe('new');
	});

	it('snapshots static data with what it recorded and the persisted entries, pruned; unsettled claims stay out', () => {
		const ledger = new DeliveryLedger(limits);
		ledger.claim('a', 1);
		ledger.settle('a', true, 1);
		ledger.claim('b', 2);
		ledger.claim('c', 3);
		ledger.settle('c', true, 3);
		const snapshot = ledger.snapshot({ 'id:old': 0, 'id:other': 2 }, 3);
		expect(snapshot).toEqual({ 'id:a': 1, 'id:other': 2, 'id:c': 3 });
	});

	it('treats keys named like object prototype keys as ordinary keys', () => {
		const ledger = new DeliveryLedger(limits);
		const persisted = JSON.parse('{"id:__proto__": 0}') as SeenDeliveries;
		expect(ledger.claim('constructor', 0, {})).toBe('new');
		expect(ledger.claim('toString', 0, {})).toBe('new');
		expect(ledger.claim('__proto__', 1, persisted)).toBe('done');
		ledger.settle('constructor', true, 2);
		const snapshot = ledger.snapshot(persisted, 2);
		expect(Object.getPrototypeOf(snapshot)).toBe(Object.prototype);
		expect(Object.keys(snapshot)).toEqual(['id:__proto__', 'id:constructor']);
	});
});

describe('prune', () => {
	it('ignores entries that are not timestamps', () => {
		expect(prune({ 'id:a': 'x' as unknown as number, 'id:b': 5 }, 6, { ttlMs: 10, maxEntries: 5 })).toEqual({ 'id:b': 5 });
	});
});

describe('deliveryKeyOf', () => {
	it("uses the provider's id when there is one", () => {
		expect(deliveryKeyOf('evt_1', Buffer.from('{}'))).toBe('evt_1');
	});

	it('otherwise derives the key from the exact bytes (sha256 of "{}" computed with openssl dgst -sha256)', () => {
		expect(deliveryKeyOf(undefined, Buffer.from('{}'))).toBe(
			'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
		);
	});
});
