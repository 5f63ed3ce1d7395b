/**
 * Prints how fast the trigger pipeline handles one delivery of each
 * provider's first sample (authenticate, parse, check, validate) and how much
 * heap it keeps, outside n8n. A figure to watch, not a test: nothing here
 * fails on a slow machine.
 *
 *   npm run bench
 */
import { join } from 'node:path';

import { processDelivery } from '../../nodes/shared/pipeline/processDelivery';
import { settingsFrom, type TriggerChoices } from '../../nodes/shared/pipeline/settings';
import { discoverProviders } from '../support/providers';
import { buildDelivery } from './send-event';

const SECRET = 'bench-secret';
const ITERATIONS = 20_000;

function bench(): void {
	const providers = discoverProviders(join(__dirname, '..', '..', 'nodes'));
	console.log(`node ${process.version}, ${ITERATIONS} deliveries per provider`);
	console.log('provider       body bytes   deliveries/s   µs/delivery   heap delta (MB)');
	for (const { provider } of providers) {
		const event = provider.events[0];
		const { body, headers } = buildDelivery(provider, event, { url: '', secret: SECRET, mode: 'signed', contentType: 'application/json' });
		const scheme = provider.authentication;
		const socketAddress = scheme.kind === 'ip-allowlist' ? scheme.defaultRanges[0].split('/')[0].replace(/\.0$/, '.10') : '203.0.113.9';
		const settings: TriggerChoices = { events: ['*'], secrets: [SECRET], invalidPayload: 'emitWithErrors', includeHeaders: false };
		const run = () => processDelivery(provider, { rawBody: body, headers, socketAddress, now: new Date() }, settingsFrom(provider, settings));
		if (run().action !== 'emit') throw new Error(`${provider.key}: the sample was not accepted`);
		for (let i = 0; i < 2000; i++) run(); // warm-up
		global.gc?.();
		const heapBefore = process.memoryUsage().heapUsed;
		const start = process.hrtime.bigint();
		for (let i = 0; i < ITERATIONS; i++) run();
		const elapsedNs = Number(process.hrtime.bigint() - start);
		global.gc?.();
		const heapDelta = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
		const perDeliveryUs = elapsedNs / ITERATIONS / 1000;
		console.log(
			`${provider.key.padEnd(14)} ${String(body.length).padStart(10)}   ${Math.round(1e6 / perDeliveryUs).toString().padStart(12)}   ${perDeliveryUs.toFixed(1).padStart(11)}   ${heapDelta.toFixed(2).padStart(15)}`,
		);
	}
}

bench();
