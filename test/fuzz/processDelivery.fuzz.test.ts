/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/require-node-api-error, no-console -- test code runs under jest on a developer machine, not inside n8n */
/**
 * Property-based fuzzing of processDelivery for every provider folder (none is
 * named here): at least 10,000 mutated deliveries each, from a fixed seed.
 * What must hold, whatever the mutation:
 *   - processDelivery never throws and never touches a built-in prototype;
 *   - nothing the provider's scheme covers (body bytes, signature, timestamp,
 *     secret, source address) can be tampered with and still be accepted;
 *   - every answer is one of the provider's own replies, refusals 4xx/5xx and
 *     acceptances 2xx, and a refusal names a reason of the right class;
 *   - correct deliveries (unmodified, previous secret, equivalent header
 *     spellings, timestamps inside the window, allowed addresses) are accepted,
 *     so the suite fails both ways.
 * Re-run a failure with FUZZ_SEED=<seed printed> (and FUZZ_RUNS to go further):
 *   FUZZ_SEED=123 npx jest test/fuzz --selectProjects unit
 * The mutation families and their oracles are in deliveryFuzz.ts.
 */
import * as fc from 'fast-check';

import { discoverProviders } from '../support/providers';
import { opensslHmacHex } from '../support/sign';
import { buildDelivery } from '../tools/send-event';
import {
	CURRENT_SECRET,
	DEPTH,
	NOW,
	ProviderFuzz,
	refuse,
	SIGNATURE_REASONS,
	TIMESTAMP_REASONS,
} from './deliveryFuzz';

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20_260_301;
/** About 5% of the draws are unmodified controls: 11,000 runs give more than 10,000 mutated deliveries. */
const RUNS = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : 11_000;
const MIN_MUTATED = process.env.FUZZ_RUNS ? Math.floor(RUNS * 0.85) : 10_000;
/** Each mutation family this provider gets must have been drawn at least this often. */
const MIN_PER_KIND = Math.floor(RUNS / 200);

/** Each provider its own stream, fixed by FUZZ_SEED and its key. */
function seedFor(key: string): number {
	let hash = 0x811c9dc5;
	for (const char of key) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
	return (SEED ^ hash) >>> 0;
}

const providers = discoverProviders();

describe.each(providers.map(({ provider }) => [provider.key, provider] as const))('fuzz: %s', (key, provider) => {
	const fuzz = new ProviderFuzz(provider);
	const events = [...provider.events, ...(provider.connectionTestEvents ?? [])];
	const seed = seedFor(key);

	afterAll(() => {
		console.log(fuzz.tally.summary(key, seed));
	});

	it('signs exactly as openssl and the test-event sender do (the fuzz signer is trusted below)', () => {
		for (const variant of fuzz.variants) {
			for (const event of events) {
				const base = fuzz.base(variant, event);
				const sent = buildDelivery(provider, event, {
					url: 'http://127.0.0.1/',
					secret: CURRENT_SECRET,
					mode: 'signed',
					contentType: 'application/json',
					nowMs: NOW.getTime(),
				});
				expect(base.body.equals(sent.body)).toBe(true);
				for (const [name, value] of Object.entries(sent.headers)) expect(base.headers[name.toLowerCase()]).toBe(value);
			}
			const signing = variant.signing;
			if (signing) {
				const base = fuzz.base(variant, events[0]);
				const content = signing.timestamp ? `${base.timestamp}.${base.body.toString('utf8')}` : base.body.toString('utf8');
				expect(opensslHmacHex(CURRENT_SECRET, content)).toBe(base.hex);
			}
		}
	});

	it('accepts every sample, unmodified, through every variant of its scheme (positive control)', () => {
		for (const variant of fuzz.variants) {
			for (const event of events) {
				const outcome = fuzz.run(fuzz.controlCase(fuzz.base(variant, event), `${variant.name} ${event.name}`));
				expect(outcome.action).not.toBe('reject');
			}
		}
	});

	it("refuses the test-event sender's forged, stale and unsigned deliveries", () => {
		const scheme = provider.authentication;
		if (scheme.kind !== 'hmac-sha256') return; // Unsigned schemes: the sender has nothing to forge.
		const variant = fuzz.variants[0];
		for (const event of events) {
			const modes = ['forged', 'unsigned', ...(scheme.timestamp ? (['stale'] as const) : [])] as const;
			for (const mode of modes) {
				const sent = buildDelivery(provider, event, {
					url: 'http://127.0.0.1/',
					secret: CURRENT_SECRET,
					mode,
					contentType: 'application/json',
					nowMs: NOW.getTime(),
				});
				const base = fuzz.base(variant, event);
				fuzz.run({
					kind: 'send-event',
					detail: `${mode} ${event.name}`,
					request: fuzz.request(base, { rawBody: sent.body, headers: sent.headers }),
					settings: base.settings,
					expect: refuse(SIGNATURE_REASONS, TIMESTAMP_REASONS),
					forgery: true,
				});
			}
		}
	});

	it(`survives JSON nested ${DEPTH} and ${DEPTH * 10} deep and __proto__/constructor/prototype keys, authentically signed`, () => {
		for (const variant of fuzz.variants) {
			// Emitted as is whatever the schema says, so the item itself can be inspected.
			const base = fuzz.base(variant, events[0], { invalidPayload: 'emitAsIs' });
			const sample = JSON.stringify(base.event.sample);
			for (const depth of [DEPTH, DEPTH * 10]) {
				for (const [open, close] of [['[', ']'], ['{"a":', '}'], ['[{"a":', '}]']]) {
					const deep = `${open.repeat(depth)}${open === '[' ? '' : '1'}${close.repeat(depth)}`;
					for (const text of [`{"deep":${deep},${sample.slice(1)}`, deep]) {
						fuzz.run(fuzz.authenticBody(base, 'deep-json', `${depth} x ${open}`, Buffer.from(text, 'utf8')));
					}
				}
			}
			const polluting =
				'{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"prototype":{"polluted":"yes"},' +
				'"nested":{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}},';
			const outcome = fuzz.run(
				fuzz.authenticBody(base, 'proto-keys', 'at the top level', Buffer.from(`${polluting}${sample.slice(1)}`, 'utf8')),
			);
			expect(outcome.action).toBe('emit');
			if (outcome.action === 'emit') {
				expect(Object.getPrototypeOf(outcome.item)).toBe(Object.prototype);
				expect((outcome.item as Record<string, unknown>).polluted).toBeUndefined();
			}
			expect(({} as Record<string, unknown>).polluted).toBeUndefined();
			expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
		}
	});

	it(`${RUNS} drawn deliveries (at least ${MIN_MUTATED} mutated): no exception, no forgery accepted, only the provider's statuses, refusals for the right reason`, () => {
		const tally = fuzz.tally;
		const [mutatedBefore, forgeriesBefore, acceptedBefore] = [tally.mutated, tally.forgeriesSent, tally.accepted];
		try {
			fc.assert(
				fc.property(fc.gen(), (g) => {
					fuzz.run(fuzz.draw(g));
				}),
				{ seed, numRuns: RUNS, includeErrorInReport: true },
			);
		} catch (error) {
			throw new Error(
				`Fuzzing ${key} (seed ${seed}) failed; re-run: FUZZ_SEED=${SEED} npx jest test/fuzz --selectProjects unit\n` +
					(error instanceof Error ? error.message : String(error)),
			);
		}
		expect(tally.exceptions).toBe(0);
		expect(tally.forgeriesAccepted).toBe(0);
		// Enough of each side: mutated deliveries, forgeries among them, and accepted ones (the suite can fail both ways).
		expect(tally.mutated - mutatedBefore).toBeGreaterThanOrEqual(MIN_MUTATED);
		expect(tally.forgeriesSent - forgeriesBefore).toBeGreaterThan(RUNS / 10);
		expect(tally.accepted - acceptedBefore).toBeGreaterThan(RUNS / 20);
		const starved = fuzz.kinds.filter((kind) => (tally.kinds[kind] ?? 0) < MIN_PER_KIND);
		expect(starved).toEqual([]);
	}, 120_000);
});

describe('fuzz: discovery', () => {
	it('finds provider folders to fuzz', () => {
		expect(providers.length).toBeGreaterThan(0);
	});
});
