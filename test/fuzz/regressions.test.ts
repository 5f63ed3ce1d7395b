/**
 * Bugs found by the fuzz suite (processDelivery.fuzz.test.ts), one test named after each.
 *
 * "A success reply echoes a payload value too deep to serialise" (fixed)
 *   Found by the deep-json mutation with the default FUZZ_SEED (20260301), for
 *   eSahayak (`id`) and MerajutASA (`event_id`). An authentic delivery whose
 *   `id` / `event_id` was a JSON array nested 10,000 deep was accepted
 *   (JSON.parse is iterative in V8 and the schemas do not look inside), and
 *   the success reply copied that value; JSON.stringify recurses (it gives up
 *   after about 4,000 levels on Node 20), so writing the reply threw
 *   "RangeError: Maximum call stack size exceeded" instead of answering.
 *   Fixed twice over: parseJsonBody refuses JSON nested deeper than
 *   MAX_JSON_DEPTH (400), and the two replies echo the id only when it is a
 *   string.
 */
import { processDelivery } from '../../nodes/shared/pipeline/processDelivery';
import { settingsFrom } from '../../nodes/shared/pipeline/settings';
import { discoverProviders } from '../support/providers';
import { DEPTH, ProviderFuzz } from './deliveryFuzz';

const DEEP = `${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`;
const MARK = '\u0001deep\u0001';

/** Where replacing one top-level field of a sample by a 10,000-deep array gives a reply JSON.stringify cannot write. */
function unserialisableEchoes(): string[] {
	const found = new Set<string>();
	for (const { provider } of discoverProviders()) {
		const fuzz = new ProviderFuzz(provider);
		for (const variant of fuzz.variants) {
			for (const event of [...provider.events, ...(provider.connectionTestEvents ?? [])]) {
				for (const field of Object.keys(event.sample)) {
					const text = JSON.stringify({ ...event.sample, [field]: MARK }).replace(JSON.stringify(MARK), () => DEEP);
					// Selected (emitted) and not selected (acknowledged): both answer with the success reply.
					for (const events of [['*'], ['fuzz.unselected']]) {
						const base = fuzz.base(variant, event, { invalidPayload: 'emitAsIs', events });
						const c = fuzz.authenticBody(base, 'deep-json', field, Buffer.from(text, 'utf8'));
						const outcome = processDelivery(provider, c.request, settingsFrom(provider, c.settings));
						try {
							JSON.stringify(outcome.reply.body);
						} catch {
							found.add(`${provider.key}: ${field}`);
						}
					}
				}
			}
		}
	}
	return [...found].sort();
}

describe('regression: a success reply echoes a payload value too deep to serialise', () => {
	const found = unserialisableEchoes();

	it('happens only for the two echoes already known (eSahayak id, MerajutASA event_id)', () => {
		const known = ['esahayak: id', 'merajutasa: event_id'];
		expect(found.filter((entry) => !known.includes(entry))).toEqual([]);
	});

	it('no provider answers an authentic delivery with a reply JSON.stringify cannot write', () => {
		expect(found).toEqual([]);
	});
});
