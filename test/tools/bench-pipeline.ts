/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- test code runs under jest on a developer machine, not inside n8n */
/**
 * Micro benchmark of the trigger's own work, outside n8n, per provider:
 *
 * 1. verification alone (authenticate) against bare node:crypto
 *    HMAC-SHA256 + timingSafeEqual over the same body, at 1 KiB, 64 KiB and
 *    1 MiB: the ratio of medians over alternating rounds;
 * 2. the whole pipeline (verify, parse, checks, zod, item) at the same sizes;
 * 3. how many body-sized buffers and strings one 1 MiB delivery leaves
 *    allocated (heap and ArrayBuffer growth over one delivery after a full GC).
 *
 * Ratios from alternating rounds in one process are what hold on a shared
 * machine; absolute figures vary from run to run. A figure to read, not a
 * test: nothing here fails on a slow machine.
 *
 *   npm run bench               full run (about a minute)
 *   BENCH_QUICK=1 npm run bench one tiny round, to prove it still runs (CI)
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { join } from 'node:path';

import { authenticate } from '../../nodes/shared/pipeline/authenticate';
import type { DeliveryRequest } from '../../nodes/shared/pipeline/delivery';
import { processDelivery } from '../../nodes/shared/pipeline/processDelivery';
import { settingsFrom, type TriggerSettings } from '../../nodes/shared/pipeline/settings';
import type { ProviderDefinition } from '../../nodes/shared/provider';
import { hmacSha256 } from '../../nodes/shared/verification/hmac';
import { encodeSignatureHeader } from '../../nodes/shared/verification/signatureHeader';
import { discoverProviders } from '../support/providers';
import { buildDelivery } from './send-event';

const SECRET = 'bench-secret';
const QUICK = process.env.BENCH_QUICK === '1';
const ROUNDS = QUICK ? 1 : 7;
const SIZES = [
	{ label: '1 KiB', bytes: 1024, iterations: 20_000 },
	{ label: '64 KiB', bytes: 64 * 1024, iterations: 1_000 },
	{ label: '1 MiB', bytes: 1024 * 1024, iterations: 60 },
] as const;
const MIB = 1024 * 1024;

interface Case {
	readonly provider: ProviderDefinition;
	readonly request: DeliveryRequest;
	readonly settings: TriggerSettings;
	/** The digest the bare check compares against, decoded once outside the timing. */
	readonly digest: Buffer;
}

/** A correctly signed delivery of the provider's first event, padded with a string field to `bytes`. */
function caseOf(provider: ProviderDefinition, bytes: number): Case {
	const event = provider.events[0];
	const base = JSON.stringify(event.sample).length;
	const padded = { ...event.sample, bench_padding: 'x'.repeat(Math.max(0, bytes - base - 20)) };
	const { body, headers } = buildDelivery(provider, { ...event, sample: padded }, { url: '', secret: SECRET, mode: 'signed', contentType: 'application/json' });
	const scheme = provider.authentication;
	if (scheme.kind === 'ip-allowlist') {
		// Measured with its optional signature on, so that there is an HMAC to compare.
		headers[scheme.optionalHmac.signatureHeader] = encodeSignatureHeader(hmacSha256(SECRET, body), scheme.optionalHmac.encoding);
	}
	const socketAddress = scheme.kind === 'ip-allowlist' ? scheme.defaultRanges[0].split('/')[0].replace(/\.0$/, '.10') : '203.0.113.9';
	const settings = settingsFrom(provider, {
		events: ['*'],
		secrets: [SECRET],
		invalidPayload: 'emitWithErrors',
		includeHeaders: false,
		...(scheme.kind === 'ip-allowlist' ? { optionalHmac: { enabled: true, header: '' } } : {}),
	});
	const request: DeliveryRequest = { rawBody: body, headers, socketAddress, now: new Date() };
	const verdict = authenticate(request, settings.verification);
	if (!verdict.ok) throw new Error(`${provider.key}: the padded sample does not verify (${verdict.reason})`);
	if (processDelivery(provider, request, settings).action !== 'emit') throw new Error(`${provider.key}: the padded sample is not emitted`);
	return { provider, request, settings, digest: createHmac('sha256', SECRET).update(body).digest() };
}

function bareHmac(c: Case): boolean {
	return timingSafeEqual(createHmac('sha256', SECRET).update(c.request.rawBody as Buffer).digest(), c.digest);
}

function nsPerCall(run: () => unknown, iterations: number): number {
	const start = process.hrtime.bigint();
	for (let i = 0; i < iterations; i++) run();
	return Number(process.hrtime.bigint() - start) / iterations;
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

/** Medians of `ours` and `bare` over alternating rounds (the order flips each round). */
function compare(ours: () => unknown, bare: () => unknown, iterations: number): { ours: number; bare: number } {
	for (let i = 0; i < Math.min(iterations, 200); i++) {
		ours();
		bare();
	}
	const oursNs: number[] = [];
	const bareNs: number[] = [];
	for (let round = 0; round < ROUNDS; round++) {
		if (round % 2 === 0) {
			oursNs.push(nsPerCall(ours, iterations));
			bareNs.push(nsPerCall(bare, iterations));
		} else {
			bareNs.push(nsPerCall(bare, iterations));
			oursNs.push(nsPerCall(ours, iterations));
		}
	}
	return { ours: median(oursNs), bare: median(bareNs) };
}

const us = (ns: number) => (ns / 1000).toFixed(ns < 10_000 ? 2 : 0);

/**
 * Body-sized allocations one delivery leaves behind before the next GC: heap
 * (strings) and ArrayBuffer growth over one delivery after a full GC, in
 * bodies. The request's raw body is allocated by n8n before the trigger runs,
 * so it is not in the figure and is counted separately.
 */
function bodiesAllocated(c: Case): number {
	const gc = global.gc;
	if (!gc) return Number.NaN;
	const counts: number[] = [];
	for (let i = 0; i < (QUICK ? 2 : 9); i++) {
		gc();
		const before = process.memoryUsage();
		const outcome = processDelivery(c.provider, c.request, c.settings);
		const after = process.memoryUsage();
		counts.push((after.heapUsed - before.heapUsed + after.arrayBuffers - before.arrayBuffers) / (c.request.rawBody as Buffer).length);
		if (outcome.action !== 'emit') throw new Error('not emitted');
	}
	return median(counts);
}

function bench(): void {
	const providers = discoverProviders(join(__dirname, '..', '..', 'nodes'));
	console.log(`node ${process.version}; ${ROUNDS} alternating rounds per figure; medians${QUICK ? ' (BENCH_QUICK: a smoke run, not a measurement)' : ''}`);
	console.log('\nverification alone vs bare HMAC-SHA256 + timingSafeEqual, and the whole pipeline (µs per delivery)');
	console.log('provider       size     verify    bare   ratio   pipeline   pipeline/bare');
	for (const { provider } of providers) {
		for (const size of SIZES) {
			const c = caseOf(provider, size.bytes);
			const iterations = QUICK ? Math.max(1, Math.floor(size.iterations / 100)) : size.iterations;
			const verify = compare(() => authenticate(c.request, c.settings.verification), () => bareHmac(c), iterations);
			const pipeline = compare(() => processDelivery(c.provider, c.request, c.settings), () => bareHmac(c), iterations);
			console.log(
				`${provider.key.padEnd(14)} ${size.label.padEnd(7)} ${us(verify.ours).padStart(7)} ${us(verify.bare).padStart(7)} ${(verify.ours / verify.bare).toFixed(2).padStart(6)}x ${us(pipeline.ours).padStart(10)} ${(pipeline.ours / pipeline.bare).toFixed(1).padStart(14)}x`,
			);
		}
	}
	console.log('\nbody-sized allocations per 1 MiB delivery (raw body read by n8n: 1, plus what the pipeline leaves allocated)');
	for (const { provider } of providers) {
		const c = caseOf(provider, MIB);
		const pipeline = bodiesAllocated(c);
		console.log(`${provider.key.padEnd(14)} 1 + ${pipeline.toFixed(2)} = ${(1 + pipeline).toFixed(2)}`);
	}
}

bench();
