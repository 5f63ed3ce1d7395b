/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code runs under jest on a developer machine, not inside n8n */
/**
 * Property-based fuzzing of processDelivery, generic over provider definitions.
 *
 * A case starts from a correct delivery of one of the provider's own samples
 * (its delivery headers, signed per its declared scheme with node:crypto, not
 * with nodes/shared), applies one mutation and states what the outcome must
 * be. The oracles are written here, independently of the code under test:
 * HMAC from node:crypto, client addresses from node:net's BlockList, the
 * replay window from BigInt arithmetic. Nothing here names a provider.
 */
import { createHash, createHmac } from 'node:crypto';
import { BlockList, isIP } from 'node:net';
import { Readable } from 'node:stream';
import { isDeepStrictEqual } from 'node:util';
import { deflateSync, gzipSync } from 'node:zlib';

import * as fc from 'fast-check';

import type { DeliveryOutcome, DeliveryRequest } from '../../nodes/shared/pipeline/delivery';
import { processDelivery } from '../../nodes/shared/pipeline/processDelivery';
import { DEFAULT_REJECTION_STATUS } from '../../nodes/shared/pipeline/replies';
import { ALL_EVENTS, settingsFrom, type InvalidPayloadHandling, type TriggerChoices } from '../../nodes/shared/pipeline/settings';
import type { EventDefinition, HeaderMap, JsonObject, ProviderDefinition } from '../../nodes/shared/provider';
import type { SignatureEncoding } from '../../nodes/shared/verification/signatureHeader';
import { reject, type RejectionReason } from '../../nodes/shared/verification/verdict';

export const NOW = new Date('2026-03-01T12:00:00.000Z');
export const NOW_S = Math.floor(NOW.getTime() / 1000);
export const CURRENT_SECRET = 'fuzz-current-secret';
export const PREVIOUS_SECRET = 'fuzz-previous-secret';
/** Nesting depth of the deep-JSON cases (arrays or objects). */
export const DEPTH = 10_000;

// --- reason classes -------------------------------------------------------------

export const SIGNATURE_REASONS = ['missing_signature', 'malformed_signature', 'signature_mismatch'] as const;
export const TIMESTAMP_REASONS = ['missing_timestamp', 'malformed_timestamp', 'stale_timestamp'] as const;
export const ADDRESS_REASONS = ['ip_not_allowed'] as const;
/** Refusals of an authentic delivery for what it says. */
export const CONTENT_REASONS = ['not_json', 'invalid_payload', 'event_mismatch', 'unknown_tenant', 'receiver_paused'] as const;
/** A size limit may refuse any delivery before anything else is looked at. */
export const ANYTIME_REASONS = ['body_too_large'] as const;

type Reasons = readonly string[];

export type Expectation =
	| { readonly outcome: 'accept' }
	| { readonly outcome: 'refuse'; readonly reasons: Reasons }
	| { readonly outcome: 'either'; readonly reasons: Reasons };

export const ACCEPT: Expectation = { outcome: 'accept' };
export const refuse = (...classes: Reasons[]): Expectation => ({ outcome: 'refuse', reasons: classes.flat() });
export const either = (...classes: Reasons[]): Expectation => ({ outcome: 'either', reasons: classes.flat() });

export interface FuzzCase {
	/** Mutation family, for the counts. */
	readonly kind: string;
	/** What exactly was done, for a failure message. */
	readonly detail: string;
	readonly request: DeliveryRequest;
	readonly settings: TriggerChoices;
	readonly expect: Expectation;
	/**
	 * Something the scheme in force covers (bytes, signature, timestamp, secret,
	 * source address) was tampered with: any outcome but 'reject' is an accepted forgery.
	 */
	readonly forgery: boolean;
	/**
	 * Set when the expectation depends on the receiver's clock to the second
	 * (a re-signed timestamp checked against a window): what to recompute it
	 * from when the receiver's clock may have moved on since the case was drawn
	 * (see expectationAcross).
	 */
	readonly replay?: { readonly timestamp: string | undefined; readonly tolerance: number };
}

// --- schemes in force -------------------------------------------------------------

interface Signing {
	readonly header: string;
	readonly encoding: SignatureEncoding;
	readonly timestamp?: { readonly header: string; readonly defaultToleranceSeconds: number };
}

/** One way a provider's trigger can be configured, as far as authentication goes. */
export interface Variant {
	readonly name: string;
	readonly signing?: Signing;
	readonly ipRanges?: readonly string[];
	readonly settings: Partial<TriggerChoices>;
}

export function variantsOf(provider: ProviderDefinition): Variant[] {
	const scheme = provider.authentication;
	switch (scheme.kind) {
		case 'hmac-sha256':
			return [
				{
					name: 'hmac',
					signing: {
						header: scheme.signatureHeader.toLowerCase(),
						encoding: scheme.encoding,
						timestamp: scheme.timestamp && { ...scheme.timestamp, header: scheme.timestamp.header.toLowerCase() },
					},
					settings: {},
				},
			];
		case 'ip-allowlist': {
			const ipAllowlist = { enabled: true, ranges: scheme.defaultRanges.join(', '), trustedProxyHops: 0 };
			const header = scheme.optionalHmac.signatureHeader;
			return [
				{ name: 'ip', ipRanges: scheme.defaultRanges, settings: { ipAllowlist, optionalHmac: { enabled: false, header } } },
				{
					name: 'ip+hmac',
					ipRanges: scheme.defaultRanges,
					signing: { header: header.toLowerCase(), encoding: scheme.optionalHmac.encoding },
					// The option as a user might type it: other case, stray spaces.
					settings: { ipAllowlist, optionalHmac: { enabled: true, header: ` ${header.toUpperCase()} ` } },
				},
			];
		}
		default:
			throw new Error(`The fuzz suite does not know the scheme ${JSON.stringify(scheme)}: teach test/fuzz about it`);
	}
}

// --- signing (node:crypto, not nodes/shared) -------------------------------------------

export function hmacHex(secret: string, body: Uint8Array, timestamp?: string): string {
	const mac = createHmac('sha256', Buffer.from(secret, 'utf8'));
	if (timestamp !== undefined) mac.update(Buffer.from(`${timestamp}.`, 'utf8'));
	return mac.update(body).digest('hex');
}

function renderSignature(hex: string, encoding: SignatureEncoding): string {
	return encoding.prefixPolicy === 'forbidden' || !encoding.prefix ? hex : `${encoding.prefix}${hex}`;
}

/**
 * Two secrets are the same HMAC key when their UTF-8 bytes agree after HMAC's
 * own key preparation (longer than the 64-byte block: hashed; shorter: padded
 * with zero bytes), so `s` and `s + "\0"` are one key. Such a "wrong" secret
 * verifying is HMAC, not a forgery.
 */
export function hmacKeyId(secret: string): string {
	let key = Buffer.from(secret, 'utf8');
	if (key.length > 64) key = createHash('sha256').update(key).digest();
	let end = key.length;
	while (end > 0 && key[end - 1] === 0) end--;
	return key.subarray(0, end).toString('hex');
}

// --- drawing helpers (stable builders, so fast-check can replay and shrink) ----------------

function pick<T>(g: fc.GeneratorValue, ...values: T[]): T {
	return values[g(fc.nat, values.length - 1)];
}

/** Unbiased (fast-check's small-value bias would favour the first choice). */
function weighted<T>(g: fc.GeneratorValue, choices: ReadonlyArray<readonly [T, number]>): T {
	let n = g(fc.noBias, fc.nat(choices.reduce((sum, [, weight]) => sum + weight, 0) - 1));
	for (const [value, weight] of choices) {
		if (n < weight) return value;
		n -= weight;
	}
	return choices[choices.length - 1][0];
}

// --- independent oracles ----------------------------------------------------------------

/**
 * What a signature header value claims, read leniently: `genuine` when its hex
 * (after an optional prefix, any case, surrounding whitespace) is the digest
 * of what was signed and the prefix is where the policy wants it;
 * `misformatted` for the right digest with the prefix where the policy forbids
 * it (or without it where required); `forged` otherwise.
 */
export function signatureVerdict(
	value: string | undefined,
	genuineHex: string,
	encoding: SignatureEncoding,
): 'genuine' | 'misformatted' | 'forged' {
	if (value === undefined) return 'forged';
	const text = value.trim();
	const prefix = encoding.prefix ?? '';
	const hasPrefix = prefix !== '' && text.toLowerCase().startsWith(prefix.toLowerCase());
	const hex = hasPrefix ? text.slice(prefix.length) : text;
	if (hex.toLowerCase() !== genuineHex) return 'forged';
	const ok = encoding.prefixPolicy === 'optional' || (encoding.prefixPolicy === 'required') === hasPrefix;
	return ok ? 'genuine' : 'misformatted';
}

/**
 * A correctly signed timestamp header: inside the window is accepted, anything
 * else refused. `nowS` is the receiver's clock in Unix seconds (the fixed NOW
 * unless a case is sent to a receiver with a real clock).
 */
export function replayExpectation(timestamp: string | undefined, tolerance: number, nowS: number = NOW_S): Expectation {
	if (timestamp === undefined || timestamp.trim() === '') return refuse(['missing_timestamp']);
	const text = timestamp.trim();
	if (!/^[0-9]+$/.test(text)) return refuse(['malformed_timestamp']);
	const skew = BigInt(text) - BigInt(nowS);
	const within = Number(skew < 0n ? -skew : skew) <= tolerance; // false for a NaN tolerance
	if (!within) return refuse(['stale_timestamp', 'malformed_timestamp']);
	// Zero-padded past 12 digits: refusing it is strict, not unsafe.
	return text.length > 12 ? either(['malformed_timestamp']) : ACCEPT;
}

export class AddressOracle {
	private readonly list = new BlockList();

	constructor(ranges: readonly string[]) {
		for (const range of ranges) {
			const [address, bits] = range.trim().split('/');
			const family = isIP(address);
			if (family === 0) throw new Error(`The fuzz oracle cannot read the range ${range}`);
			this.list.addSubnet(address, bits === undefined ? (family === 4 ? 32 : 128) : Number(bits), family === 4 ? 'ipv4' : 'ipv6');
		}
	}

	/** node:net's reading of the address (brackets, a zone id and surrounding spaces set aside). */
	allows(text: string | undefined): boolean {
		if (text === undefined) return false;
		let address = text.trim();
		if (address.startsWith('[') && address.endsWith(']')) address = address.slice(1, -1);
		const zone = address.indexOf('%');
		if (zone !== -1) address = address.slice(0, zone);
		const family = isIP(address);
		return family !== 0 && this.list.check(address, family === 4 ? 'ipv4' : 'ipv6');
	}
}

/** The client per the README: the socket's peer, or the N-th X-Forwarded-For entry from the right. */
export function referenceClient(
	socket: string | undefined,
	forwardedFor: string | string[] | undefined,
	trustedProxyHops: number,
): string | undefined {
	if (trustedProxyHops <= 0) return socket;
	const chain = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? ''))
		.split(',')
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '');
	return chain.length >= trustedProxyHops ? chain[chain.length - trustedProxyHops] : undefined;
}

// --- body surgery -------------------------------------------------------------------------

const RAW_MARK = '\u0001fuzz-raw\u0001';
type Path = ReadonlyArray<string | number>;

function containersOf(value: unknown, path: Path = [], out: Array<{ path: Path; value: object }> = []) {
	if (typeof value === 'object' && value !== null) {
		out.push({ path, value });
		for (const [key, child] of Object.entries(value)) containersOf(child, [...path, Array.isArray(value) ? Number(key) : key], out);
	}
	return out;
}

function clone(sample: JsonObject): JsonObject {
	return JSON.parse(JSON.stringify(sample)) as JsonObject;
}

/** `sample` with `raw` JSON text put somewhere: replacing a value, added as a new key or element, or as the whole body. */
function bodyWithRaw(g: fc.GeneratorValue, sample: JsonObject, raw: string): { text: string; where: string } {
	const copy = clone(sample);
	const targets = containersOf(copy);
	const target = targets[g(fc.nat, targets.length - 1)];
	const mode = pick(g, 'replace', 'add', 'add', 'body');
	if (mode === 'body') return { text: raw, where: 'as the whole body' };
	const container = target.value as Record<string, unknown> | unknown[];
	let where: string;
	if (Array.isArray(container)) {
		const index = mode === 'replace' && container.length > 0 ? g(fc.nat, container.length - 1) : container.length;
		container[index] = RAW_MARK;
		where = `at ${[...target.path, index].join('.')}`;
	} else {
		const keys = Object.keys(container);
		const key = mode === 'replace' && keys.length > 0 ? keys[g(fc.nat, keys.length - 1)] : `fuzz_${g(fc.nat, 99)}`;
		container[key] = RAW_MARK;
		where = `at ${[...target.path, key].join('.') || '(root)'}`;
	}
	return { text: JSON.stringify(copy).replace(JSON.stringify(RAW_MARK), () => raw), where };
}

function mulberry32(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Same values, keys in another order (own properties defined, so any key name is safe). */
function reordered(value: unknown, random: () => number): unknown {
	if (Array.isArray(value)) return value.map((item) => reordered(item, random));
	if (typeof value !== 'object' || value === null) return value;
	const keys = Object.keys(value);
	for (let i = keys.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[keys[i], keys[j]] = [keys[j], keys[i]];
	}
	const out: Record<string, unknown> = {};
	for (const key of keys) {
		Object.defineProperty(out, key, {
			value: reordered((value as Record<string, unknown>)[key], random),
			enumerable: true,
			writable: true,
			configurable: true,
		});
	}
	return out;
}

function flipBits(bytes: Uint8Array, flips: ReadonlyArray<readonly [number, number]>): Buffer {
	const out = Buffer.from(bytes);
	for (const [index, bit] of flips) out[index % out.length] ^= 1 << bit;
	return out;
}

/** Header values reach Node as latin1 text, one character per byte. */
function flipLatin1(text: string, flips: ReadonlyArray<readonly [number, number]>): string {
	return text.length === 0 ? text : flipBits(Buffer.from(text, 'latin1'), flips).toString('latin1');
}

const flipsArb = (length: number) =>
	fc.array(fc.tuple(fc.nat(Math.max(0, length - 1)), fc.nat(7)), { minLength: 1, maxLength: 4 });

/** Byte sequences no strict UTF-8 decoder accepts. */
const INVALID_UTF8: ReadonlyArray<readonly number[]> = [
	[0xff],
	[0xfe],
	[0x80],
	[0xbf],
	[0xc0, 0x80], // overlong NUL
	[0xc1, 0xbf], // overlong
	[0xe0, 0x80, 0xaf], // overlong '/'
	[0xed, 0xa0, 0x80], // UTF-16 surrogate
	[0xf4, 0x90, 0x80, 0x80], // above U+10FFFF
	[0xf5, 0x80, 0x80, 0x80],
	[0xe2, 0x82], // truncated sequence
	[0xc3], // lone lead byte
];

const HUGE_NUMBERS = [
	'1e400',
	'-1e400',
	'1E+999999999',
	'1e-400',
	'-0',
	'0.0000000000000000000000000000000000000000000000000000000000001',
	'9007199254740993',
	'-9007199254740993',
	'123456789012345678901234567890123456789012345678901234567890',
	'1.7976931348623157e309',
	`1${'0'.repeat(400)}`,
	`-${'9'.repeat(1000)}.${'9'.repeat(1000)}`,
	`0.${'0'.repeat(2000)}1`,
];

const SECRET_CONSTRAINTS: fc.StringConstraints = { unit: 'grapheme', minLength: 1, maxLength: 90 };

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** A fresh value per use: it is defined into a payload that is then serialised. */
function pollutingValue(choice: number): unknown {
	const values: unknown[] = [
		{ polluted: 'yes' },
		{ prototype: { polluted: 'yes' } },
		{ constructor: { prototype: { polluted: 'yes' } } },
		{ __proto__: null, polluted: 'yes', toString: 'polluted', hasOwnProperty: 'polluted', valueOf: 'polluted' },
		[{ polluted: 'yes' }],
		'polluted',
		null,
	];
	return values[choice % values.length];
}

const PROTO_EVENT_NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__', 'valueOf'];

// --- Node's header handling --------------------------------------------------------------

/**
 * What Node's parser makes of raw header lines: names lower-cased; duplicates
 * joined with ", " (or, with `distinct`, every header an array, as in
 * `headersDistinct`); a second Content-Type or User-Agent is discarded.
 */
function asNodeGivesThem(
	lines: ReadonlyArray<readonly [string, string]>,
	distinct: boolean,
): Record<string, string | string[]> {
	const out: Record<string, string | string[]> = {};
	const set = (name: string, value: string | string[]) =>
		Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
	for (const [rawName, value] of lines) {
		const name = rawName.toLowerCase();
		const had = Object.prototype.hasOwnProperty.call(out, name) ? out[name] : undefined;
		if (distinct) set(name, [...((had as string[] | undefined) ?? []), value]);
		else if (had === undefined) set(name, value);
		else if (name !== 'content-type' && name !== 'user-agent') set(name, `${had as string}, ${value}`);
	}
	return out;
}

function randomCase(g: fc.GeneratorValue, name: string): string {
	const mask = g(fc.nat, 0xffff);
	return [...name].map((char, i) => ((mask >> (i % 16)) & 1 ? char.toUpperCase() : char)).join('');
}

// --- addresses --------------------------------------------------------------------------

interface AddressDraw {
	readonly text: string | undefined;
	/** A form the README promises to read (dotted IPv4, IPv4-mapped IPv6, brackets, spaces). */
	readonly canonical: boolean;
}

function v4RangesOf(ranges: readonly string[]): Array<{ base: number; bits: number }> {
	return ranges
		.map((range) => range.trim().split('/'))
		.filter(([address]) => isIP(address) === 4)
		.map(([address, bits]) => ({
			base: address.split('.').reduce((acc, octet) => acc * 256 + Number(octet), 0),
			bits: bits === undefined ? 32 : Number(bits),
		}));
}

const dotted = (n: number) => [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
const hexPair = (n: number) => `${Math.floor(n / 65536).toString(16)}:${(n % 65536).toString(16)}`;

function renderV4(g: fc.GeneratorValue, n: number): string {
	const form = pick(g, 'dotted', 'dotted', 'mapped', 'MAPPED', 'mapped-hex', 'mapped-long', 'bracketed', 'padded');
	switch (form) {
		case 'mapped':
			return `::ffff:${dotted(n)}`;
		case 'MAPPED':
			return `::FFFF:${dotted(n)}`;
		case 'mapped-hex':
			return `::ffff:${hexPair(n)}`;
		case 'mapped-long':
			return `0:0:0:0:0:ffff:${dotted(n)}`;
		case 'bracketed':
			return `[::ffff:${dotted(n)}]`;
		case 'padded':
			return ` ${dotted(n)}\t`;
		default:
			return dotted(n);
	}
}

function drawAddress(g: fc.GeneratorValue, ranges: readonly string[], preferAllowed: boolean): AddressDraw {
	const v4 = v4RangesOf(ranges);
	const inRange = () => {
		const range = v4[g(fc.nat, v4.length - 1)];
		const size = 2 ** (32 - range.bits);
		return range.base - (range.base % size) + g(fc.nat, size - 1);
	};
	const family = weighted(g, [
		['allowed', preferAllowed ? 8 : 3],
		['foreign-v4', 2],
		['near-miss', 2],
		['foreign-v6', 1],
		['embedded', 1],
		['v4-extended', 1],
		['bit-flip', 1],
		['garbage', 1],
		['missing', 1],
	]);
	if (v4.length === 0 && ['allowed', 'near-miss', 'embedded', 'bit-flip'].includes(family)) {
		// Only IPv4 ranges are generated from; an IPv6-only list is exercised through its network addresses.
		return { text: ranges[0]?.split('/')[0], canonical: true };
	}
	switch (family) {
		case 'allowed':
			return { text: renderV4(g, inRange()), canonical: true };
		case 'foreign-v4':
			return { text: renderV4(g, g(fc.nat, 2 ** 32 - 1)), canonical: true };
		case 'near-miss': {
			const range = v4[g(fc.nat, v4.length - 1)];
			const size = 2 ** (32 - range.bits);
			const step = pick(g, -1, 1, 256, -256, 65536) * (range.bits === 32 ? 1 : size);
			return { text: renderV4(g, (range.base + step + g(fc.nat, size - 1) + 2 ** 32) % 2 ** 32), canonical: true };
		}
		case 'foreign-v6':
			return { text: g(fc.ipV6), canonical: false };
		case 'embedded': {
			// An allowed IPv4 inside a form that is not IPv4-mapped: IPv4-compatible, NAT64, 6to4.
			const n = inRange();
			const form = pick(g, `::${dotted(n)}`, `64:ff9b::${dotted(n)}`, `2002:${hexPair(n)}::1`, `::ffff:0:${dotted(n)}`);
			return { text: form, canonical: true };
		}
		case 'v4-extended':
			return { text: g(fc.ipV4Extended), canonical: false };
		case 'bit-flip': {
			const text = dotted(inRange());
			return { text: flipLatin1(text, g(flipsArb, text.length)), canonical: false };
		}
		case 'garbage':
			return { text: g(fc.string, { unit: 'binary-ascii', maxLength: 40 }), canonical: false };
		default:
			return { text: pick(g, undefined, ''), canonical: false };
	}
}

// --- the tally ------------------------------------------------------------------------------

export class Tally {
	sent = 0;
	emitted = 0;
	acknowledged = 0;
	readonly refused: Record<string, number> = {};
	forgeriesSent = 0;
	forgeriesAccepted = 0;
	exceptions = 0;
	readonly kinds: Record<string, number> = {};

	get accepted(): number {
		return this.emitted + this.acknowledged;
	}

	/** Deliveries that were changed in some way (everything but the unmodified controls). */
	get mutated(): number {
		return this.sent - (this.kinds.control ?? 0);
	}

	summary(key: string, seed: number): string {
		const refusedTotal = Object.values(this.refused).reduce((a, b) => a + b, 0);
		const byReason = Object.entries(this.refused)
			.sort(([, a], [, b]) => b - a)
			.map(([reason, count]) => `${reason} ${count}`)
			.join(', ');
		const kinds = Object.entries(this.kinds)
			.map(([kind, count]) => `${kind} ${count}`)
			.join(', ');
		return (
			`[fuzz ${key}] seed ${seed}: sent ${this.sent} (${this.mutated} mutated), accepted ${this.accepted} (emitted ${this.emitted}, ` +
			`acknowledged ${this.acknowledged}), refused ${refusedTotal} (${byReason}); forgeries sent ${this.forgeriesSent}, ` +
			`forgeries accepted ${this.forgeriesAccepted}; exceptions ${this.exceptions}` +
			`\n  mutations: ${kinds}`
		);
	}
}

// --- prototype watch ----------------------------------------------------------------------------

const PROTOTYPES: ReadonlyArray<[string, object]> = [
	['Object.prototype', Object.prototype],
	['Array.prototype', Array.prototype],
	['Function.prototype', Function.prototype],
	['String.prototype', String.prototype],
];
const PROTOTYPE_SNAPSHOT = PROTOTYPES.map(([, proto]) =>
	Object.getOwnPropertyNames(proto).map((name) => [name, Object.getOwnPropertyDescriptor(proto, name)?.value] as const),
);

/** Names the first prototype that gained, lost or changed an own property since this module loaded. */
export function prototypePollution(): string | undefined {
	if ((({}) as Record<string, unknown>).polluted !== undefined) return '({}).polluted is defined';
	for (let i = 0; i < PROTOTYPES.length; i++) {
		const [name, proto] = PROTOTYPES[i];
		const names = Object.getOwnPropertyNames(proto);
		if (names.length !== PROTOTYPE_SNAPSHOT[i].length) return `${name} now has ${names.join(', ')}`;
		for (const [key, value] of PROTOTYPE_SNAPSHOT[i]) {
			if (Object.getOwnPropertyDescriptor(proto, key)?.value !== value) return `${name}.${key} was replaced`;
		}
	}
	return undefined;
}

// --- the fuzzer -----------------------------------------------------------------------------------

export interface Base {
	readonly variant: Variant;
	readonly event: EventDefinition;
	readonly body: Buffer;
	/** Lower-case names, including the signature (and timestamp) of a signed variant. */
	readonly headers: Readonly<Record<string, string>>;
	readonly socketAddress: string | undefined;
	readonly settings: TriggerChoices;
	readonly timestamp?: string;
	/** Digest the signature header carries (signed variants). */
	readonly hex?: string;
}

interface Mutation {
	readonly kind: string;
	readonly weight: number;
	readonly applies: (variant: Variant) => boolean;
	readonly build: (g: fc.GeneratorValue, base: Base) => FuzzCase;
}

function preview(body: Buffer | undefined): string {
	if (body === undefined) return 'undefined';
	const head = JSON.stringify(body.subarray(0, 240).toString('latin1'));
	return `${body.length} bytes ${head}${body.length > 240 ? '…' : ''}`;
}

export function describeCase(c: FuzzCase): string {
	const { ipAllowlist, optionalHmac, replayToleranceSeconds, events, secrets, invalidPayload } = c.settings;
	return [
		`mutation: ${c.kind}: ${c.detail}`,
		`expected: ${JSON.stringify(c.expect)}${c.forgery ? ' (forgery)' : ''}`,
		`body: ${preview(c.request.rawBody)}`,
		`headers: ${JSON.stringify(c.request.headers).slice(0, 1200)}`,
		`socket: ${JSON.stringify(c.request.socketAddress)}`,
		`settings: ${JSON.stringify({ events, secrets, invalidPayload, replayToleranceSeconds: String(replayToleranceSeconds), ipAllowlist, optionalHmac })}`,
	].join('\n  ');
}

function describeOutcome(outcome: DeliveryOutcome): string {
	const reason = outcome.action === 'reject' ? ` ${outcome.rejection.reason} (${outcome.rejection.detail})` : '';
	let body: string;
	try {
		body = JSON.stringify(outcome.reply.body).slice(0, 300);
	} catch {
		body = `{${Object.keys(outcome.reply.body).join(', ')}} (not serialisable)`;
	}
	return `${outcome.action}${reason} -> ${outcome.reply.status} ${body}`;
}

/**
 * How a ProviderFuzz draws; every field is optional and the defaults are the
 * pure-pipeline suite's (fixed NOW, every variant, random settings, no
 * HTTP-only families), so its seeds replay unchanged.
 */
export interface FuzzOptions {
	/** The receiver's clock in ms, read once per draw: timestamps are signed and judged against it (default: NOW). */
	readonly clock?: () => number;
	/** Only these variants (by name, see variantsOf), e.g. the one a published workflow is configured for. */
	readonly variants?: readonly string[];
	/** Settings pinned instead of drawn for every base delivery (a workflow whose parameters cannot change per request). */
	readonly settings?: Partial<TriggerChoices>;
	/**
	 * Adds the families only a receiver behind HTTP can judge: bodies that are
	 * not JSON with their own Content-Type, and Max Body Size (the reader's
	 * job, not processDelivery's). Never for processDelivery itself.
	 */
	readonly httpFamilies?: boolean;
}

export class ProviderFuzz {
	readonly variants: Variant[];
	readonly tally = new Tally();
	private readonly events: EventDefinition[];
	private readonly statuses: ReadonlySet<number>;
	private readonly mutations: Mutation[];
	private readonly clock: () => number;
	/** The clock reading of the draw under way, so that one case sees one time. */
	private drawnAt: number | undefined;

	constructor(
		readonly provider: ProviderDefinition,
		private readonly options: FuzzOptions = {},
	) {
		this.clock = options.clock ?? (() => NOW.getTime());
		const only = options.variants;
		this.variants = variantsOf(provider).filter((variant) => only === undefined || only.includes(variant.name));
		if (this.variants.length === 0) throw new Error(`${provider.key} has no variant named ${JSON.stringify(only)}`);
		this.events = [...provider.events, ...(provider.connectionTestEvents ?? [])];
		// Every status the provider's own reply functions give: each rejection reason, each sample accepted.
		const reasons = Object.keys(DEFAULT_REJECTION_STATUS) as RejectionReason[];
		this.statuses = new Set([
			...reasons.map((reason) => provider.replies.rejected(reject(reason, 'fuzz')).status),
			...this.events.map((event) => provider.replies.accepted({ payload: event.sample, eventType: event.name, now: NOW }).status),
		]);
		this.mutations = this.buildMutations();
	}

	/** The mutation families this provider gets (depends on its scheme). */
	get kinds(): string[] {
		return this.mutations.filter((m) => this.variants.some(m.applies)).map((m) => m.kind);
	}

	/** A correct delivery of `event`, through `variant`, as the provider would send it. */
	base(variant: Variant, event: EventDefinition, settings: Partial<TriggerChoices> = {}, socket?: string): Base {
		const body = Buffer.from(JSON.stringify(event.sample), 'utf8');
		const headers: Record<string, string> = { 'content-type': 'application/json' };
		for (const [name, value] of Object.entries(this.provider.deliveryHeaders?.(event, event.sample) ?? {})) {
			headers[name.toLowerCase()] = value;
		}
		const timestamp = variant.signing?.timestamp ? String(this.nowS()) : undefined;
		const base: Base = {
			variant,
			event,
			body,
			headers,
			socketAddress: socket ?? (variant.ipRanges ? this.firstAllowed(variant) : '203.0.113.9'),
			settings: {
				events: [ALL_EVENTS],
				secrets: [CURRENT_SECRET, PREVIOUS_SECRET],
				invalidPayload: 'reject',
				includeHeaders: false,
				options: {},
				...variant.settings,
				...settings,
			},
			timestamp,
		};
		return this.resign(base, body, CURRENT_SECRET, timestamp);
	}

	/**
	 * `base` with `body` and headers signed with `secret` over `timestamp` (when
	 * the variant signs); `timestamp` undefined means the header is left out.
	 */
	private resign(base: Base, body: Buffer, secret: string, timestamp: string | undefined): Base {
		const signing = base.variant.signing;
		if (!signing) return { ...base, body };
		const headers = { ...base.headers };
		if (signing.timestamp) {
			if (timestamp === undefined) delete headers[signing.timestamp.header];
			else headers[signing.timestamp.header] = timestamp;
		}
		const hex = hmacHex(secret, body, signing.timestamp ? (timestamp ?? '') : undefined);
		headers[signing.header] = renderSignature(hex, signing.encoding);
		return { ...base, body, headers, timestamp, hex };
	}

	private firstAllowed(variant: Variant): string {
		const v4 = v4RangesOf(variant.ipRanges ?? []);
		return v4.length > 0 ? dotted(v4[0].base + 1) : (variant.ipRanges ?? [])[0].split('/')[0];
	}

	request(base: Base, overrides: Partial<DeliveryRequest> = {}): DeliveryRequest {
		return { rawBody: base.body, headers: base.headers, socketAddress: base.socketAddress, now: new Date(this.nowMs()), ...overrides };
	}

	/** The receiver's time for the case being built, in ms (NOW by default). */
	private nowMs(): number {
		return this.drawnAt ?? this.clock();
	}

	private nowS(): number {
		return Math.floor(this.nowMs() / 1000);
	}

	controlCase(base: Base, detail = 'unmodified'): FuzzCase {
		return { kind: 'control', detail, request: this.request(base), settings: base.settings, expect: ACCEPT, forgery: false };
	}

	/** Draws a base delivery with random, authentication-neutral settings. */
	private drawBase(g: fc.GeneratorValue, variant: Variant): Base {
		const event = this.events[g(fc.nat, this.events.length - 1)];
		const names = this.events.map((e) => e.name);
		const others = names.filter((name) => name !== event.name);
		const selection = pick(g, 'all', 'all', 'this', 'list', 'others');
		const events =
			selection === 'all'
				? [ALL_EVENTS]
				: selection === 'this'
					? [event.name]
					: selection === 'list'
						? names
						: others.length > 0
							? others
							: ['fuzz.unknown'];
		const settings: Partial<TriggerChoices> = {
			// A scheme that does not sign needs no secret (no credential at all).
			...(variant.signing ? {} : { secrets: pick<string[]>(g, [], [''], [CURRENT_SECRET, PREVIOUS_SECRET]) }),
			events,
			invalidPayload: pick<InvalidPayloadHandling>(g, 'reject', 'emitWithErrors', 'emitAsIs'),
			includeHeaders: g(fc.boolean),
			emitConnectionTests: g(fc.boolean),
			...this.options.settings,
		};
		const socket = variant.ipRanges
			? renderV4(g, this.allowedNumber(g, variant))
			: pick(g, '203.0.113.9', '::1', undefined, '', 'not an address');
		return this.base(variant, event, settings, socket);
	}

	private allowedNumber(g: fc.GeneratorValue, variant: Variant): number {
		const v4 = v4RangesOf(variant.ipRanges ?? []);
		if (v4.length === 0) throw new Error('The fuzz suite generates allowed addresses from IPv4 ranges only');
		const range = v4[g(fc.nat, v4.length - 1)];
		const size = 2 ** (32 - range.bits);
		return range.base - (range.base % size) + g(fc.nat, size - 1);
	}

	/** One random case: a mutation family, a variant it applies to, a base delivery, the mutation. */
	draw(g: fc.GeneratorValue): FuzzCase {
		const usable = this.mutations.filter((m) => this.variants.some(m.applies));
		const mutation = weighted(g, usable.map((m) => [m, m.weight] as const));
		const variants = this.variants.filter(mutation.applies);
		const variant = variants[g(fc.nat, variants.length - 1)];
		this.drawnAt = this.clock();
		try {
			return mutation.build(g, this.drawBase(g, variant));
		} finally {
			this.drawnAt = undefined;
		}
	}

	/** Runs one case and checks it; throws with a description on any violation. */
	run(c: FuzzCase): DeliveryOutcome {
		const tally = this.tally;
		tally.sent++;
		tally.kinds[c.kind] = (tally.kinds[c.kind] ?? 0) + 1;
		if (c.forgery) tally.forgeriesSent++;
		const fail = (problem: string, outcome?: DeliveryOutcome): never => {
			throw new Error(
				`${this.provider.key}: ${problem}\n  ${describeCase(c)}${outcome ? `\n  outcome: ${describeOutcome(outcome)}` : ''}`,
			);
		};
		let outcome: DeliveryOutcome;
		try {
			outcome = processDelivery(this.provider, c.request, settingsFrom(this.provider, c.settings));
		} catch (error) {
			tally.exceptions++;
			return fail(`processDelivery threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
		}
		const pollution = prototypePollution();
		if (pollution) fail(`prototype pollution: ${pollution}`, outcome);

		if (outcome.action === 'reject') {
			const reason: string = outcome.rejection.reason;
			tally.refused[reason] = (tally.refused[reason] ?? 0) + 1;
		} else if (outcome.action === 'emit') tally.emitted++;
		else tally.acknowledged++;
		if (c.forgery && outcome.action !== 'reject') tally.forgeriesAccepted++;

		const status = outcome.reply.status;
		if (!this.statuses.has(status)) fail(`status ${status} is not one the provider's replies produce`, outcome);
		if (outcome.action === 'reject') {
			if (status < 400 || status > 599) fail(`a refusal answered ${status}`, outcome);
			const own = this.provider.replies.rejected(outcome.rejection);
			if (own.status !== status || JSON.stringify(own.body) !== JSON.stringify(outcome.reply.body)) {
				fail(`the refusal's reply is not the provider's own (${JSON.stringify(own)})`, outcome);
			}
		} else if (status < 200 || status > 299) fail(`an accepted delivery answered ${status}`, outcome);
		// The trigger writes the reply with res.json() (or hands it to n8n as webhookResponse).
		try {
			JSON.stringify(outcome.reply.body);
		} catch (error) {
			fail(`the reply body cannot be serialised: ${error instanceof Error ? error.message : String(error)}`, outcome);
		}
		if (outcome.action === 'emit' && Object.getPrototypeOf(outcome.item) !== Object.prototype) {
			fail('the emitted item does not have Object.prototype as its prototype', outcome);
		}

		const expected = c.expect;
		if (outcome.action === 'reject') {
			const reason: string = outcome.rejection.reason;
			if (expected.outcome === 'accept') fail(`refused a delivery that must be accepted`, outcome);
			else if (!expected.reasons.includes(reason) && !(ANYTIME_REASONS as readonly string[]).includes(reason)) {
				fail(`refused for the wrong reason class (allowed: ${expected.reasons.join(', ')})`, outcome);
			}
		} else if (expected.outcome === 'refuse') {
			fail(c.forgery ? 'ACCEPTED A FORGERY' : 'accepted a delivery that must be refused', outcome);
		}
		return outcome;
	}

	/**
	 * `c` as an HTTP request to the trigger inside n8n (see HttpDelivery), with
	 * transport variations drawn from `g` (none without it) that must not
	 * change its outcome: another Content-Type, gzip or deflate, chunked. Not every case can be put
	 * on the wire as it is (a header value HTTP cannot carry, a setting n8n's
	 * JSON parameters cannot hold): those come back with `why`, to be redrawn.
	 */
	toHttp(c: FuzzCase, g?: fc.GeneratorValue): HttpTranslation {
		const settings = c.settings;
		const scheme = this.provider.authentication;
		if (settings.secrets.length > 2) return { ok: false, why: 'more secrets than a credential holds' };
		const lines: Array<[string, string]> = [];
		for (const [name, value] of Object.entries(c.request.headers)) {
			for (const line of value === undefined ? [] : Array.isArray(value) ? value : [value]) lines.push([name, line]);
		}
		const isForwardedFor = (name: string) => name.toLowerCase() === 'x-forwarded-for';
		if (scheme.kind === 'ip-allowlist' && settings.ipAllowlist) {
			// The receiver sees every request from loopback: the case's socket becomes the
			// right-most X-Forwarded-For entry, and one more proxy hop is trusted (parametersFor).
			const socket = c.request.socketAddress;
			const oneEntry = socket !== undefined && socket.trim() !== '' && !socket.includes(',');
			if (!oneEntry && new AddressOracle(settings.ipAllowlist.ranges.split(',')).allows(socket)) {
				return { ok: false, why: 'an allowed socket address that is not one X-Forwarded-For entry' };
			}
			lines.push(['X-Forwarded-For', oneEntry ? socket : 'unknown']);
		}
		const transport: string[] = [];
		const typeLines = lines.filter(([name]) => name.toLowerCase() === 'content-type');
		if (g && typeLines.length === 1 && typeLines[0][1] === 'application/json' && g(fc.boolean)) {
			const contentType = pick(g, ...HTTP_CONTENT_TYPES);
			lines.splice(lines.indexOf(typeLines[0]), 1, ...(contentType === undefined ? [] : [[typeLines[0][0], contentType] as [string, string]]));
			transport.push(`Content-Type ${contentType ?? 'none'}`);
		}
		if (lines.some(([name]) => name.toLowerCase() === 'content-encoding')) return { ok: false, why: 'a Content-Encoding of its own' };
		let wire: Buffer;
		const body = c.request.rawBody;
		if (body === undefined) {
			// "The host could not read it": a body n8n's reader fails on.
			wire = CORRUPT_GZIP;
			lines.push(['Content-Encoding', 'gzip']);
			transport.push('corrupt gzip');
		} else {
			const encoding = g ? weighted(g, [['identity', 16], ['gzip', 3], ['deflate', 1]] as const) : 'identity';
			wire = encoding === 'gzip' ? gzipSync(body) : encoding === 'deflate' ? deflateSync(body) : body;
			if (encoding !== 'identity') {
				lines.push(['Content-Encoding', encoding]);
				transport.push(encoding);
			}
		}
		const chunked = g !== undefined && g(fc.nat, 9) === 0;
		if (chunked) transport.push('chunked');
		for (const [name, value] of lines) {
			const why = unsendable(name, value, isForwardedFor(name));
			if (why) return { ok: false, why };
		}
		const parameters = this.parametersFor(settings);
		if (!isDeepStrictEqual(JSON.parse(JSON.stringify(parameters)), parameters)) {
			return { ok: false, why: 'a setting JSON parameters cannot hold' };
		}
		return {
			ok: true,
			delivery: {
				lines,
				wire,
				chunked,
				body,
				headers: receivedHeaders(lines),
				parameters,
				credential: { signingSecret: settings.secrets[0] ?? '', previousSigningSecret: settings.secrets[1] ?? '' },
				transport: transport.join(', ') || 'as drawn',
			},
		};
	}

	/**
	 * The trigger's node parameters (README "Trigger options") that put
	 * `settings` in force for a delivery sent by toHttp(): for an IP allowlist,
	 * one more trusted proxy hop, as the client address travels in X-Forwarded-For.
	 */
	parametersFor(settings: TriggerChoices): Record<string, unknown> {
		const scheme = this.provider.authentication;
		const deliveryOptions: Record<string, unknown> = {
			...settings.options,
			invalidPayload: settings.invalidPayload,
			includeHeaders: settings.includeHeaders,
		};
		if (settings.replayToleranceSeconds !== undefined) deliveryOptions.replayToleranceSeconds = settings.replayToleranceSeconds;
		if (this.provider.connectionTestEvents?.length) deliveryOptions.emitConnectionTests = settings.emitConnectionTests === true;
		const parameters: Record<string, unknown> = { events: [...settings.events], deliveryOptions };
		if (scheme.kind === 'ip-allowlist') {
			if (settings.optionalHmac) {
				deliveryOptions.verifySignature = settings.optionalHmac.enabled;
				deliveryOptions.signatureHeader = settings.optionalHmac.header;
			}
			if (settings.ipAllowlist) {
				parameters.restrictToProviderIps = settings.ipAllowlist.enabled;
				parameters.allowedIpRanges = settings.ipAllowlist.ranges;
				parameters.trustedProxyHops = settings.ipAllowlist.trustedProxyHops + 1;
			}
		}
		return parameters;
	}

	// --- mutation families -------------------------------------------------------------------

	private buildMutations(): Mutation[] {
		const any = () => true;
		const signed = (v: Variant) => v.signing !== undefined;
		const timestamped = (v: Variant) => v.signing?.timestamp !== undefined;
		const addressed = (v: Variant) => v.ipRanges !== undefined;
		const mutations: Mutation[] = [
			{ kind: 'control', weight: 3, applies: any, build: (_g, base) => this.controlCase(base) },
			{ kind: 'body-bits', weight: 6, applies: any, build: (g, base) => this.bodyBits(g, base) },
			{ kind: 'body-truncate', weight: 4, applies: any, build: (g, base) => this.bodyTruncate(g, base) },
			{ kind: 'signature-bits', weight: 6, applies: signed, build: (g, base) => this.signatureBits(g, base) },
			{ kind: 'signature-truncate', weight: 4, applies: signed, build: (g, base) => this.signatureTruncate(g, base) },
			{ kind: 'signature-rewrite', weight: 5, applies: signed, build: (g, base) => this.signatureRewrite(g, base) },
			{ kind: 'timestamp-tamper', weight: 6, applies: timestamped, build: (g, base) => this.timestampTamper(g, base) },
			{ kind: 'timestamp-resigned', weight: 8, applies: timestamped, build: (g, base) => this.timestampResigned(g, base) },
			{ kind: 'secrets', weight: 7, applies: signed, build: (g, base) => this.secrets(g, base) },
			{ kind: 'reserialised-json', weight: 5, applies: any, build: (g, base) => this.reserialised(g, base) },
			{ kind: 'headers', weight: 6, applies: any, build: (g, base) => this.headersCase(g, base) },
			{ kind: 'non-utf8', weight: 4, applies: any, build: (g, base) => this.nonUtf8(g, base) },
			{ kind: 'deep-json', weight: 2, applies: any, build: (g, base) => this.deepJson(g, base) },
			{ kind: 'proto-keys', weight: 4, applies: any, build: (g, base) => this.protoKeys(g, base) },
			{ kind: 'huge-numbers', weight: 4, applies: any, build: (g, base) => this.hugeNumbers(g, base) },
			{ kind: 'missing-body', weight: 1, applies: any, build: (_g, base) => this.missingBody(base) },
			{ kind: 'address', weight: 12, applies: addressed, build: (g, base) => this.address(g, base) },
		];
		// Appended, so that the pure suite's draws (and seeds) are unchanged.
		if (this.options.httpFamilies) {
			mutations.push(
				{ kind: 'foreign-body', weight: 4, applies: any, build: (g, base) => this.foreignBody(g, base) },
				{ kind: 'max-body-size', weight: 3, applies: any, build: (g, base) => this.maxBodySize(g, base) },
				{ kind: 'deep-field', weight: 2, applies: any, build: (g, base) => this.deepField(g, base) },
			);
		}
		return mutations;
	}

	/** New bytes sent under the original signature: a forgery when the scheme signs, else judged on content. */
	private changedBody(base: Base, kind: string, detail: string, body: Buffer): FuzzCase {
		const request = this.request(base, { rawBody: body });
		if (body.equals(base.body)) return { kind, detail: `${detail} (no change)`, request, settings: base.settings, expect: ACCEPT, forgery: false };
		if (base.variant.signing) {
			return { kind, detail, request, settings: base.settings, expect: refuse(['signature_mismatch']), forgery: true };
		}
		return { kind, detail, request, settings: base.settings, expect: either(CONTENT_REASONS), forgery: false };
	}

	/** New bytes, correctly signed: authentic, judged on content. */
	authenticBody(base: Base, kind: string, detail: string, body: Buffer, expect: Expectation = either(CONTENT_REASONS)): FuzzCase {
		const signedBase = this.resign(base, body, CURRENT_SECRET, base.timestamp);
		return { kind, detail, request: this.request(signedBase), settings: base.settings, expect, forgery: false };
	}

	private bodyBits(g: fc.GeneratorValue, base: Base): FuzzCase {
		const flips = g(flipsArb, base.body.length);
		return this.changedBody(base, 'body-bits', `flipped (byte, bit) ${JSON.stringify(flips)}`, flipBits(base.body, flips));
	}

	private bodyTruncate(g: fc.GeneratorValue, base: Base): FuzzCase {
		const keep = g(fc.nat, base.body.length - 1);
		const fromStart = g(fc.boolean);
		const body = fromStart ? base.body.subarray(base.body.length - keep) : base.body.subarray(0, keep);
		const appended = pick(g, '', '', '\n', ' ', '\u0000', '}');
		return this.changedBody(
			base,
			'body-truncate',
			`kept ${keep} bytes from the ${fromStart ? 'end' : 'start'}, appended ${JSON.stringify(appended)}`,
			Buffer.concat([body, Buffer.from(appended, 'utf8')]),
		);
	}

	private signatureCase(base: Base, kind: string, detail: string, value: string | undefined): FuzzCase {
		const signing = base.variant.signing as Signing;
		const headers: Record<string, string> = { ...base.headers };
		if (value === undefined) delete headers[signing.header];
		else headers[signing.header] = value;
		const verdict = signatureVerdict(value, base.hex as string, signing.encoding);
		const expect =
			verdict === 'genuine' ? ACCEPT : verdict === 'misformatted' ? refuse(['malformed_signature']) : refuse(SIGNATURE_REASONS);
		return { kind, detail: `${detail} -> ${verdict}`, request: this.request(base, { headers }), settings: base.settings, expect, forgery: verdict === 'forged' };
	}

	private signatureBits(g: fc.GeneratorValue, base: Base): FuzzCase {
		const original = base.headers[(base.variant.signing as Signing).header];
		const flips = g(flipsArb, original.length);
		return this.signatureCase(base, 'signature-bits', `flipped (char, bit) ${JSON.stringify(flips)}`, flipLatin1(original, flips));
	}

	private signatureTruncate(g: fc.GeneratorValue, base: Base): FuzzCase {
		const original = base.headers[(base.variant.signing as Signing).header];
		const keep = g(fc.nat, original.length - 1);
		const fromStart = g(fc.boolean);
		const value = fromStart ? original.slice(original.length - keep) : original.slice(0, keep);
		return this.signatureCase(base, 'signature-truncate', `kept ${keep} chars from the ${fromStart ? 'end' : 'start'}`, value);
	}

	private signatureRewrite(g: fc.GeneratorValue, base: Base): FuzzCase {
		const signing = base.variant.signing as Signing;
		const original = base.headers[signing.header];
		const hex = base.hex as string;
		const prefix = signing.encoding.prefix ?? 'sha256=';
		const timestamp = signing.timestamp ? base.timestamp : undefined;
		const how = pick(
			g,
			'removed',
			'empty',
			'random-hex',
			'random-text',
			'upper-hex',
			'mixed-case',
			'padded',
			'prefix-toggled',
			'prefix-only',
			'doubled',
			'other-body',
			'body-only',
			'sha1-length',
		);
		const rewrite: Record<string, () => string | undefined> = {
			removed: () => undefined,
			empty: () => pick(g, '', ' ', '\t'),
			'random-hex': () => `${g(fc.boolean) ? prefix : ''}${g(fc.stringMatching, /^[0-9a-f]{64}$/)}`,
			'random-text': () => g(fc.string, { unit: 'binary-ascii', maxLength: 80 }),
			'upper-hex': () => original.slice(0, original.length - 64) + hex.toUpperCase(),
			'mixed-case': () => randomCase(g, original),
			padded: () => `${pick(g, ' ', '\t', '  ')}${original}${pick(g, '', ' ', '\t')}`,
			'prefix-toggled': () => (original.startsWith(prefix) ? original.slice(prefix.length) : `${prefix}${original}`),
			'prefix-only': () => prefix,
			doubled: () => `${original}${hex}`,
			// The digest of something else: another sample, or the body without the timestamp.
			'other-body': () => renderSignature(hmacHex(CURRENT_SECRET, Buffer.from(`${base.body.toString('latin1')} `, 'latin1'), timestamp), signing.encoding),
			'body-only': () => renderSignature(hmacHex(CURRENT_SECRET, base.body), signing.encoding),
			'sha1-length': () => `${original.slice(0, original.length - 64)}${hex.slice(0, 40)}`,
		};
		return this.signatureCase(base, 'signature-rewrite', how, rewrite[how]());
	}

	private timestampTamper(g: fc.GeneratorValue, base: Base): FuzzCase {
		const signing = base.variant.signing as Signing;
		const header = (signing.timestamp as NonNullable<Signing['timestamp']>).header;
		const original = base.timestamp as string;
		const how = pick(g, 'bits', 'truncate', 'shift', 'removed', 'appended', 'padded');
		let value: string | undefined;
		switch (how) {
			case 'bits':
				value = flipLatin1(original, g(flipsArb, original.length));
				break;
			case 'truncate':
				value = original.slice(0, g(fc.nat, original.length - 1));
				break;
			case 'shift':
				value = String(this.nowS() + g(fc.integer, { min: -600, max: 600 }));
				break;
			case 'removed':
				value = undefined;
				break;
			case 'appended':
				value = `${original}${pick(g, '0', '.5', '000', 'Z')}`;
				break;
			default:
				value = `${original} `;
		}
		const headers: Record<string, string> = { ...base.headers };
		if (value === undefined) delete headers[header];
		else headers[header] = value;
		const request = this.request(base, { headers });
		const detail = `${how}: ${JSON.stringify(original)} -> ${JSON.stringify(value)}, signature unchanged`;
		if (value === original) return { kind: 'timestamp-tamper', detail, request, settings: base.settings, expect: ACCEPT, forgery: false };
		return {
			kind: 'timestamp-tamper',
			detail,
			request,
			settings: base.settings,
			expect: refuse(TIMESTAMP_REASONS, ['signature_mismatch']),
			forgery: true,
		};
	}

	private timestampResigned(g: fc.GeneratorValue, base: Base): FuzzCase {
		const scheme = (base.variant.signing as Signing).timestamp as NonNullable<Signing['timestamp']>;
		const setting = pick<number | undefined>(g, undefined, undefined, undefined, 0, 1, 60, 3600, Number.NaN, -1);
		const tolerance = setting ?? scheme.defaultToleranceSeconds;
		const nowS = this.nowS();
		const window = Number.isFinite(tolerance) && tolerance >= 0 ? Math.floor(tolerance) : 0;
		const category = pick(
			g,
			'inside',
			'edge',
			'stale',
			'future',
			'far',
			'milliseconds',
			'huge',
			'non-numeric',
			'lookalike',
			'zero-padded',
			'missing',
		);
		let value: string | undefined;
		switch (category) {
			case 'inside':
				value = String(nowS + g(fc.integer, { min: -window, max: window }));
				break;
			case 'edge':
				value = String(nowS + pick(g, -window, window, -window - 1, window + 1));
				break;
			case 'stale':
				value = String(nowS - window - 1 - g(fc.nat, 10 ** 6));
				break;
			case 'future':
				value = String(nowS + window + 1 + g(fc.nat, 10 ** 6));
				break;
			case 'far':
				value = String(pick(g, 0, 1, 999_999_999_999, 2 ** 31, 2 ** 32, Number.MAX_SAFE_INTEGER % 10 ** 12));
				break;
			case 'milliseconds':
				value = String(this.nowMs() + g(fc.integer, { min: -1000, max: 1000 }));
				break;
			case 'huge':
				value = pick(g, '9'.repeat(13), '9'.repeat(20), `1${'0'.repeat(400)}`, String(nowS).repeat(30));
				break;
			case 'non-numeric':
				value = g(fc.string, { unit: 'binary', maxLength: 20 });
				break;
			case 'lookalike':
				value = pick(
					g,
					`${nowS}.0`,
					`${nowS}.5`,
					`+${nowS}`,
					`-${nowS}`,
					`${nowS}e0`,
					`0x${nowS.toString(16)}`,
					`${nowS / 1000}e3`,
					'NaN',
					'Infinity',
					String(nowS).replace(/\d/g, (d) => String.fromCharCode(0x660 + Number(d))), // Arabic-Indic digits
					String(nowS).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))), // fullwidth digits
					`${nowS}, ${nowS}`,
					new Date(nowS * 1000).toISOString(),
				);
				break;
			case 'zero-padded':
				value = `${'0'.repeat(g(fc.integer, { min: 1, max: 4 }))}${nowS}`;
				break;
			default:
				value = undefined;
		}
		const resigned = this.resign(base, base.body, CURRENT_SECRET, value);
		const expect = replayExpectation(value, tolerance, nowS);
		return {
			kind: 'timestamp-resigned',
			detail: `${category}: timestamp ${JSON.stringify(value)} signed with the current secret, tolerance setting ${String(setting)}`,
			request: this.request(resigned),
			settings: { ...base.settings, replayToleranceSeconds: setting },
			expect,
			forgery: expect.outcome === 'refuse',
			replay: { timestamp: value, tolerance },
		};
	}

	private secrets(g: fc.GeneratorValue, base: Base): FuzzCase {
		// Random secrets of up to 90 graphemes: often more than HMAC's 64-byte block.
		const current = g(fc.boolean) ? CURRENT_SECRET : g(fc.string, SECRET_CONSTRAINTS);
		const previous = g(fc.string, SECRET_CONSTRAINTS);
		const near = (s: string) =>
			pick(
				g,
				`${s}x`,
				s.slice(0, -1),
				s.toUpperCase() === s ? s.toLowerCase() : s.toUpperCase(),
				` ${s}`,
				`${s}\u0000`, // the same HMAC key when the secret is shorter than 64 bytes
				`${s}${'\u0000'.repeat(80)}`,
				s.normalize('NFD'),
			);
		const third = g(fc.boolean) ? g(fc.string, SECRET_CONSTRAINTS) : near(pick(g, current, previous));
		const scenario = pick(
			g,
			'current',
			'previous',
			'third',
			'previous-removed',
			'rotated-old',
			'rotated-new',
			'rotated-third',
			'empty-entries',
			'none-configured',
			'signed-with-empty',
		);
		const plan: Record<string, [readonly string[], string]> = {
			current: [[current, previous], current],
			previous: [[current, previous], previous],
			third: [[current, previous], third],
			'previous-removed': [[current], previous],
			'rotated-old': [[third, current], current],
			'rotated-new': [[third, current], third],
			'rotated-third': [[third, current], previous],
			'empty-entries': [['', current], current],
			'none-configured': [pick(g, [], [''], ['', '']), current],
			'signed-with-empty': [['', ''], ''],
		};
		const [configured, signer] = plan[scenario];
		const resigned = this.resign(base, base.body, signer, base.timestamp);
		const keys = configured.filter((secret) => secret !== '').map(hmacKeyId);
		const expect: Expectation =
			keys.length === 0
				? refuse(['not_configured'])
				: keys.includes(hmacKeyId(signer))
					? ACCEPT
					: refuse(['signature_mismatch']);
		return {
			kind: 'secrets',
			detail: `${scenario}: configured ${JSON.stringify(configured)}, signed with ${JSON.stringify(signer)}`,
			request: this.request(resigned),
			settings: { ...base.settings, secrets: configured },
			expect,
			forgery: expect.outcome !== 'accept',
		};
	}

	private reserialised(g: fc.GeneratorValue, base: Base): FuzzCase {
		const seed = g(fc.integer);
		const indent = pick<string | number>(g, 0, 0, 1, 2, 4, '\t', ' ');
		const escape = g(fc.boolean);
		const shuffle = g(fc.boolean);
		const value = JSON.parse(base.body.toString('utf8')) as unknown;
		let text = JSON.stringify(shuffle ? reordered(value, mulberry32(seed)) : value, null, indent);
		if (escape) text = text.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
		const body = Buffer.from(text, 'utf8');
		const detail = `JSON.parse then JSON.stringify(${shuffle ? `keys shuffled (seed ${seed})` : 'same key order'}, indent ${JSON.stringify(indent)}${escape ? ', non-ASCII escaped' : ''})`;
		if (g(fc.boolean)) return this.authenticBody(base, 'reserialised-json', `${detail}, re-signed`, body, ACCEPT);
		// Same JSON, same headers: unsigned schemes must take it as the same delivery.
		if (!base.variant.signing) return { ...this.changedBody(base, 'reserialised-json', detail, body), expect: ACCEPT };
		return this.changedBody(base, 'reserialised-json', `${detail}, original signature`, body);
	}

	private headersCase(g: fc.GeneratorValue, base: Base): FuzzCase {
		const signing = base.variant.signing;
		const covered = new Set([signing?.header, signing?.timestamp?.header].filter((name): name is string => name !== undefined));
		const lines: Array<[string, string]> = Object.entries(base.headers).map(([name, value]) => [randomCase(g, name), value]);
		const names = Object.keys(base.headers);
		const duplicates = g(fc.nat, Math.min(3, names.length));
		let forged = false;
		let duplicatedCovered = false;
		let duplicatedOther = false;
		const notes: string[] = [];
		for (let i = 0; i < duplicates; i++) {
			const name = names[g(fc.nat, names.length - 1)];
			const genuine = base.headers[name];
			const copy = pick(g, 'same', 'same', 'forged', 'empty');
			const value =
				copy === 'same'
					? genuine
					: copy === 'empty'
						? ''
						: flipLatin1(genuine.length > 0 ? genuine : 'x', [[g(fc.nat, Math.max(0, genuine.length - 1)), g(fc.nat, 7)]]);
			const line: [string, string] = [randomCase(g, name), value];
			if (g(fc.boolean)) lines.push(line);
			else lines.unshift(line);
			notes.push(`${name} ${copy}`);
			if (covered.has(name)) {
				duplicatedCovered = true;
				if (value !== genuine) forged = true;
			} else duplicatedOther = true;
		}
		const extras = g(fc.nat, 2);
		for (let i = 0; i < extras; i++) {
			const name = pick(g, 'x-fuzz', '__proto__', 'constructor', 'X-Forwarded-For', 'Authorization', 'Cookie');
			lines.push([name, g(fc.string, { unit: 'binary-ascii', maxLength: 30 })]);
			notes.push(`extra ${name}`);
		}
		const distinct = g(fc.boolean);
		const headers = asNodeGivesThem(lines, distinct);
		const detail = `names re-cased, ${notes.join('; ') || 'no duplicates'}, ${distinct ? 'every header an array' : 'duplicates comma-joined'}`;
		const request = this.request(base, { headers });
		const settings = base.settings;
		if (forged) return { kind: 'headers', detail, request, settings, expect: refuse(SIGNATURE_REASONS, TIMESTAMP_REASONS), forgery: true };
		// A repeated copy of a genuine signature or timestamp may be refused as malformed, never for anything else.
		if (duplicatedCovered) return { kind: 'headers', detail, request, settings, expect: either(SIGNATURE_REASONS, TIMESTAMP_REASONS, duplicatedOther ? CONTENT_REASONS : []), forgery: false };
		if (duplicatedOther) return { kind: 'headers', detail, request, settings, expect: either(CONTENT_REASONS), forgery: false };
		return { kind: 'headers', detail, request, settings, expect: ACCEPT, forgery: false };
	}

	private nonUtf8(g: fc.GeneratorValue, base: Base): FuzzCase {
		const bad = Buffer.from(INVALID_UTF8[g(fc.nat, INVALID_UTF8.length - 1)]);
		const at = g(fc.nat, base.body.length);
		const replace = g(fc.boolean);
		const body = Buffer.concat([base.body.subarray(0, at), bad, base.body.subarray(replace ? Math.min(base.body.length, at + 1) : at)]);
		const detail = `${replace ? 'replaced byte' : 'inserted'} ${bad.toString('hex')} at ${at}`;
		if (g(fc.boolean)) return this.changedBody(base, 'non-utf8', `${detail}, original signature`, body);
		return this.authenticBody(base, 'non-utf8', `${detail}, re-signed`, body, refuse(['not_json']));
	}

	private deepJson(g: fc.GeneratorValue, base: Base): FuzzCase {
		const shape = pick(g, 'arrays', 'objects', 'mixed', 'unclosed');
		const [open, close] =
			shape === 'arrays' ? ['[', ']'] : shape === 'objects' ? ['{"a":', '}'] : shape === 'mixed' ? ['[{"a":', '}]'] : ['[', ''];
		const raw = `${open.repeat(DEPTH)}${shape === 'arrays' || shape === 'unclosed' ? '' : '1'}${close.repeat(DEPTH)}`;
		const { text, where } = bodyWithRaw(g, base.event.sample, raw);
		return this.authenticBody(base, 'deep-json', `${DEPTH} levels of ${shape} ${where}`, Buffer.from(text, 'utf8'));
	}

	private protoKeys(g: fc.GeneratorValue, base: Base): FuzzCase {
		const copy = clone(base.event.sample);
		const notes: string[] = [];
		if (g(fc.boolean)) {
			// The field naming the event, set to a name every object inherits.
			const field = Object.keys(copy).find((key) => copy[key] === base.event.name);
			if (field) {
				const name = pick(g, ...PROTO_EVENT_NAMES);
				copy[field] = name;
				notes.push(`${field} = ${JSON.stringify(name)}`);
			}
		}
		const targets = containersOf(copy).filter(({ value }) => !Array.isArray(value));
		const count = g(fc.integer, { min: 1, max: 3 });
		for (let i = 0; i < count; i++) {
			const target = targets[g(fc.nat, targets.length - 1)];
			const key = pick(g, ...PROTO_KEYS);
			const choice = g(fc.nat, 6);
			Object.defineProperty(target.value, key, { value: pollutingValue(choice), enumerable: true, writable: true, configurable: true });
			notes.push(`${[...target.path, key].join('.')} = ${JSON.stringify(pollutingValue(choice))}`);
		}
		return this.authenticBody(base, 'proto-keys', notes.join('; '), Buffer.from(JSON.stringify(copy), 'utf8'));
	}

	private hugeNumbers(g: fc.GeneratorValue, base: Base): FuzzCase {
		const number = pick(g, ...HUGE_NUMBERS);
		const { text, where } = bodyWithRaw(g, base.event.sample, number);
		return this.authenticBody(base, 'huge-numbers', `${number.slice(0, 40)}${number.length > 40 ? '…' : ''} ${where}`, Buffer.from(text, 'utf8'));
	}

	private missingBody(base: Base): FuzzCase {
		return {
			kind: 'missing-body',
			detail: 'rawBody undefined (the host could not read it)',
			request: this.request(base, { rawBody: undefined }),
			settings: base.settings,
			expect: refuse(['missing_body']),
			forgery: false,
		};
	}

	/** HTTP only: a body that is not JSON at all, under the Content-Type it would come with. */
	private foreignBody(g: fc.GeneratorValue, base: Base): FuzzCase {
		const [name, contentType, text] = pick(g, ...foreignBodiesOf(base.event.sample));
		const headers: Record<string, string> = { ...base.headers };
		if (contentType === undefined) delete headers['content-type'];
		else headers['content-type'] = contentType;
		const retyped: Base = { ...base, headers };
		const body = Buffer.from(text, 'utf8');
		const detail = `${name} body (${body.length} bytes) sent as ${contentType ?? 'no Content-Type'}`;
		if (base.variant.signing && g(fc.boolean)) return this.changedBody(retyped, 'foreign-body', `${detail}, original signature`, body);
		return this.authenticBody(retyped, 'foreign-body', `${detail}, authentic`, body, refuse(['not_json']));
	}

	/**
	 * HTTP only: one top-level field of the sample (the ones replies and
	 * delivery ids are read from) replaced by a value nested DEPTH deep.
	 * deep-json puts such a value anywhere, so it reaches a given field rarely.
	 */
	private deepField(g: fc.GeneratorValue, base: Base): FuzzCase {
		const copy = clone(base.event.sample);
		const keys = Object.keys(copy);
		const key = keys[g(fc.nat, keys.length - 1)];
		const [open, close, leaf] = pick(g, ['[', ']', ''], ['{"a":', '}', '1'], ['[{"a":', '}]', '1']);
		copy[key] = RAW_MARK;
		const text = JSON.stringify(copy).replace(JSON.stringify(RAW_MARK), () => `${open.repeat(DEPTH)}${leaf}${close.repeat(DEPTH)}`);
		return this.authenticBody(base, 'deep-field', `${key} = ${DEPTH} levels of ${open}`, Buffer.from(text, 'utf8'));
	}

	/**
	 * HTTP only: an authentic body around the Max Body Size option (in MiB),
	 * padded with JSON whitespace: refused with 413 exactly when it is longer
	 * than the option's bytes (README), whatever its Content-Length says.
	 */
	private maxBodySize(g: fc.GeneratorValue, base: Base): FuzzCase {
		const mib = pick(g, 0.001, 0.002, 0.005);
		const limit = mib * 1024 * 1024;
		const target = g(fc.boolean)
			? Math.floor(limit) + g(fc.integer, { min: -2, max: 2 })
			: Math.round(limit * pick(g, 0.5, 0.9, 1.1, 2, 4));
		const padding = Math.max(0, target - base.body.length);
		const body = Buffer.concat([base.body, Buffer.from(pick(g, ' ', '\n', '\t').repeat(padding), 'utf8')]);
		const settings = { ...base.settings, options: { ...base.settings.options, maxBodySize: mib } };
		const expect = body.length > limit ? refuse(['body_too_large']) : ACCEPT;
		const detail = `${body.length} bytes, Max Body Size ${mib} MiB (${limit} bytes)`;
		return this.authenticBody({ ...base, settings }, 'max-body-size', detail, body, expect);
	}

	private address(g: fc.GeneratorValue, base: Base): FuzzCase {
		const ranges = base.variant.ipRanges as readonly string[];
		const oracle = new AddressOracle(ranges);
		const allowlist = base.settings.ipAllowlist as NonNullable<TriggerChoices['ipAllowlist']>;
		const hops = weighted(g, [[0, 5], [1, 1], [2, 1], [3, 1]]);
		const socket = drawAddress(g, ranges, false);
		// Entries that would be allowed if the header were believed, most of all when the socket is not.
		const entries = Array.from({ length: g(fc.nat, 4) }, () => drawAddress(g, ranges, true)).filter(
			(entry): entry is { text: string; canonical: boolean } => entry.text !== undefined,
		);
		const style = pick(g, 'absent', 'comma', 'comma-space', 'array', 'with-empties');
		let forwardedFor: string | string[] | undefined;
		const texts = entries.map((entry) => entry.text);
		if (style === 'comma') forwardedFor = texts.join(',');
		else if (style === 'comma-space') forwardedFor = texts.join(', ');
		else if (style === 'with-empties') forwardedFor = `, ${texts.join(', ,')},`;
		else if (style === 'array') forwardedFor = texts.length > 1 ? [texts.slice(0, 1).join(', '), texts.slice(1).join(', ')] : texts;
		const headers: Record<string, string | string[]> = { ...base.headers };
		if (forwardedFor !== undefined) headers['x-forwarded-for'] = forwardedFor;
		const client = referenceClient(socket.text, forwardedFor, hops);
		const canonical = [socket, ...entries].some((entry) => entry.canonical && entry.text?.trim() === client?.trim());
		const allowed = oracle.allows(client);
		const detail = `hops ${hops}, socket ${JSON.stringify(socket.text)}, X-Forwarded-For ${JSON.stringify(forwardedFor)} (${style}) -> client ${JSON.stringify(client)} ${allowed ? 'allowed' : 'foreign'}`;
		return {
			kind: 'address',
			detail,
			request: this.request(base, { socketAddress: socket.text, headers }),
			settings: { ...base.settings, ipAllowlist: { ...allowlist, trustedProxyHops: hops } },
			expect: allowed ? (canonical ? ACCEPT : either(ADDRESS_REASONS)) : refuse(ADDRESS_REASONS),
			forgery: !allowed,
		};
	}
}

// --- over HTTP: the trigger inside n8n ------------------------------------------------------------
//
// The same cases, sent to the trigger over loopback HTTP (test/fuzz/trigger.fuzz.test.ts through
// n8n-core's WebhookContext, test/e2e/fuzz.e2e.ts through a real n8n). The receiver reads the clock
// and the socket itself, so ProviderFuzz is given the real clock (FuzzOptions.clock) and toHttp()
// carries the case's client address in X-Forwarded-For; the answer is judged by judgeAnswer() against
// the provider's own reply functions, never against the code under test.

/** Content-Types a provider might send, or a proxy might rewrite a delivery to (undefined: none at all). */
export const HTTP_CONTENT_TYPES: ReadonlyArray<string | undefined> = [
	'application/json',
	'application/json; charset=utf-8',
	'application/vnd.provider+json',
	'text/plain',
	'application/x-www-form-urlencoded',
	'multipart/form-data; boundary=x',
	'application/xml',
	undefined,
];

/** A gzip header over bytes that are not deflate data: n8n's raw-body reader fails on it. */
const CORRUPT_GZIP = Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0x03]), Buffer.from('not deflate data at all', 'latin1')]);

/** Bodies that are not JSON, each with the Content-Type it would come with (undefined: none). */
function foreignBodiesOf(sample: JsonObject): Array<readonly [string, string | undefined, string]> {
	const json = JSON.stringify(sample);
	const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
	const fields = Object.entries(sample)
		.filter(([key, value]) => /^[A-Za-z_][\w.-]*$/.test(key) && (typeof value !== 'object' || value === null))
		.map(([key, value]) => `<${key}>${escapeXml(String(value))}</${key}>`)
		.join('');
	return [
		['XML', 'application/xml', `<?xml version="1.0" encoding="UTF-8"?><event>${fields}</event>`],
		['empty', 'application/json', ''],
		['empty', undefined, ''],
		['whitespace', 'application/json', ' \r\n\t '],
		['form-urlencoded', 'application/x-www-form-urlencoded', `payload=${encodeURIComponent(json)}`],
		[
			'multipart',
			'multipart/form-data; boundary=x',
			`--x\r\nContent-Disposition: form-data; name="payload"\r\nContent-Type: application/json\r\n\r\n${json}\r\n--x--\r\n`,
		],
		['text', 'text/plain', 'ok'],
		['JSONP', 'application/javascript', `callback(${json})`],
	];
}

/** One delivery on the wire, and what the trigger will have in front of it. */
export interface HttpDelivery {
	/** Header lines in order; values are latin1 text, one character per byte, as HTTP carries them. */
	readonly lines: ReadonlyArray<readonly [string, string]>;
	/** The bytes sent (compressed when a Content-Encoding line says so). */
	readonly wire: Buffer;
	/** Sent with Transfer-Encoding: chunked instead of a Content-Length. */
	readonly chunked: boolean;
	/** The body the trigger reads once n8n has decompressed it (undefined: it cannot be read). */
	readonly body: Buffer | undefined;
	/** The sent headers as Node's parser gives them (lower-case names, duplicates joined or discarded). */
	readonly headers: Record<string, string>;
	/** The trigger's node parameters that put the case's settings in force. */
	readonly parameters: Record<string, unknown>;
	/** The credential's secrets, current and previous ('' for none). */
	readonly credential: { readonly signingSecret: string; readonly previousSigningSecret: string };
	/** What the transport changed, for the counts and a failure message. */
	readonly transport: string;
}

/** The header lines as undici takes them: name, value, name, value (repeated names stay separate lines). */
export function headerList(delivery: HttpDelivery): string[] {
	return delivery.lines.flatMap(([name, value]) => [name, value]);
}

/** The body as undici takes it: the bytes, or 512-byte chunks with no Content-Length (Transfer-Encoding: chunked). */
export function requestBody(delivery: HttpDelivery): Buffer | Readable {
	if (!delivery.chunked) return delivery.wire;
	const chunks: Buffer[] = [];
	for (let at = 0; at < delivery.wire.length; at += 512) chunks.push(delivery.wire.subarray(at, at + 512));
	return Readable.from(chunks);
}

export type HttpTranslation = { readonly ok: true; readonly delivery: HttpDelivery } | { readonly ok: false; readonly why: string };

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Field-value characters (RFC 9110: visible ASCII, SP, HTAB, obs-text). */
const FIELD_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
const CLIENT_MANAGED = new Set(['host', 'connection', 'keep-alive', 'upgrade', 'transfer-encoding', 'content-length', 'expect', 'te', 'trailer']);

/**
 * Why a header line cannot be put on the wire so that the receiver reads what
 * the case says: HTTP has no way to carry the value, or strips what the case
 * relies on (surrounding spaces; neutral only where the oracle trims itself).
 */
function unsendable(name: string, value: string, paddingIsNeutral: boolean): string | undefined {
	const lower = name.toLowerCase();
	if (!TOKEN.test(name)) return 'a header name that is not a token';
	if (CLIENT_MANAGED.has(lower)) return `${lower}: managed by the HTTP client`;
	if (!FIELD_VALUE.test(value)) return `${lower}: control or non-latin1 characters`;
	if (!paddingIsNeutral && /^[ \t]|[ \t]$/.test(value)) return `${lower}: surrounding whitespace, which HTTP strips`;
	return undefined;
}

/** Duplicates Node's HTTP parser keeps only the first of (http.IncomingMessage.headers). */
const SINGLE_VALUED = new Set([
	'age', 'authorization', 'content-length', 'content-type', 'etag', 'expires', 'from', 'host', 'if-modified-since',
	'if-unmodified-since', 'last-modified', 'location', 'max-forwards', 'proxy-authorization', 'referer', 'retry-after',
	'server', 'user-agent',
]);

/** What `req.headers` holds for these lines: names lower-cased, values trimmed, duplicates joined or dropped. */
function receivedHeaders(lines: ReadonlyArray<readonly [string, string]>): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [rawName, rawValue] of lines) {
		const name = rawName.toLowerCase();
		if (name === '__proto__') continue; // Node drops it
		const value = rawValue.replace(/^[ \t]+|[ \t]+$/g, '');
		const had = Object.prototype.hasOwnProperty.call(out, name);
		if (had && SINGLE_VALUED.has(name)) continue;
		const joined = had ? `${out[name]}${name === 'cookie' ? '; ' : ', '}${value}` : value;
		Object.defineProperty(out, name, { value: joined, enumerable: true, writable: true, configurable: true });
	}
	return out;
}

function unionOf(expectations: readonly Expectation[]): Expectation {
	const reasons = [...new Set(expectations.flatMap((e) => (e.outcome === 'accept' ? [] : e.reasons)))];
	if (expectations.every((e) => e.outcome === 'accept')) return ACCEPT;
	if (expectations.every((e) => e.outcome === 'refuse')) return refuse(reasons);
	return either(reasons);
}

/**
 * The expectation for a receiver whose clock read some second between `fromS`
 * (when the case was drawn) and `toS` (when it answered): for a case judged
 * against a replay window to the second, any of them may have been the one.
 */
export function expectationAcross(c: FuzzCase, fromS: number, toS: number): { expect: Expectation; forgery: boolean } {
	if (c.replay === undefined || fromS >= toS) return { expect: c.expect, forgery: c.forgery };
	const seconds = toS - fromS > 4 ? [fromS, toS] : Array.from({ length: toS - fromS + 1 }, (_, i) => fromS + i);
	const expect = unionOf(seconds.map((s) => replayExpectation(c.replay?.timestamp, c.replay?.tolerance ?? Number.NaN, s)));
	return { expect, forgery: expect.outcome === 'refuse' };
}

/**
 * README "Events" and "Emit Connection Tests": whether an accepted delivery
 * of `eventType` starts the workflow (true) or is only acknowledged (false).
 */
export function startsWorkflow(provider: ProviderDefinition, settings: TriggerChoices, eventType: string): boolean {
	if (provider.connectionTestEvents?.some((event) => event.name === eventType)) return settings.emitConnectionTests === true;
	return settings.events.includes(ALL_EVENTS) || settings.events.includes(eventType);
}

/** What came back for one delivery, and when. */
export interface AnswerFacts {
	readonly status: number;
	readonly text: string;
	/** The body the trigger read (decompressed) and the headers it saw. */
	readonly body: Buffer | undefined;
	readonly headers: HeaderMap;
	/** When the request was sent and when its answer had arrived (ms): the receiver's clock read in between. */
	readonly sentAtMs: number;
	readonly answeredAtMs: number;
}

export type AnswerJudgement =
	| {
			readonly ok: true;
			/** A 2xx: the provider's success reply for this payload. */
			readonly accepted: boolean;
			/** The allowed reasons whose refusal the answer is (empty when accepted). */
			readonly reasons: readonly string[];
			/** Accepted: the event the payload names. */
			readonly eventType?: string;
	  }
	| {
			readonly ok: false;
			readonly problem: string;
			/** Not the trigger's answer at all: n8n's, the harness's, a stack trace, no JSON. */
			readonly foreign: boolean;
	  };

/** Texts of answers n8n (or the harness standing in for it) writes itself, and of stack traces. */
const FOREIGN_TEXTS: readonly RegExp[] = [
	/Workflow Webhook Error/i,
	/could not be started/i,
	/Failed to parse request body/i,
	/could not be parsed/i,
	/There was a problem executing the workflow/i,
	/Workflow was started/i,
	/Webhook call received/i,
	/is not registered/i,
	/^harness/i,
	/\n\s*at \S.*:\d+:\d+/,
	/Maximum call stack/i,
];
/** Statuses the harness uses for "the node threw past n8n" and "nobody answered". */
export const HARNESS_FAILURE_STATUSES: readonly number[] = [597, 598, 599];

function valueAt(value: unknown, path: Path): unknown {
	let current = value;
	for (const key of path) {
		if (typeof current !== 'object' || current === null || !Object.prototype.hasOwnProperty.call(current, key)) return undefined;
		current = (current as Record<string | number, unknown>)[key];
	}
	return current;
}

/** Where two JSON values differ (leaves, or the first level their shapes part). */
function differences(a: unknown, b: unknown, path: Path = [], out: Path[] = []): Path[] {
	if (isDeepStrictEqual(a, b)) return out;
	if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && Array.isArray(a) === Array.isArray(b)) {
		for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
			differences((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], [...path, key], out);
		}
		return out;
	}
	out.push(path);
	return out;
}

function hasStackKey(value: unknown): boolean {
	if (typeof value !== 'object' || value === null) return false;
	return Object.entries(value).some(([key, child]) => /^stack/i.test(key) || hasStackKey(child));
}

/** The body as `res.json` writes it and a client reads it back; throws when it cannot be written. */
function asSent(body: unknown): unknown {
	return JSON.parse(JSON.stringify(body)) as unknown;
}

const DETAIL_SENTINELS = ['\u0001fuzz-detail-a\u0001', '\u0001fuzz-detail-b\u0001'] as const;

/**
 * Whether the answer is exactly `provider.replies.rejected` of `reason` with
 * some detail. Where a reply repeats the refusal's detail (found by calling it
 * with two sentinels), the detail is read back from the answer and the reply
 * function called with it: the whole body must come out the same.
 */
function isRefusalFor(provider: ProviderDefinition, reason: RejectionReason, status: number, json: unknown): boolean {
	const [a, b] = DETAIL_SENTINELS.map((sentinel) => provider.replies.rejected(reject(reason, sentinel)));
	if (a.status !== status) return false;
	const template = asSent(a.body);
	const slots = differences(template, asSent(b.body));
	let detail: string = DETAIL_SENTINELS[0];
	if (slots.length > 0) {
		const pattern = valueAt(template, slots[0]);
		const actual = valueAt(json, slots[0]);
		if (typeof pattern !== 'string' || typeof actual !== 'string') return false;
		const at = pattern.indexOf(DETAIL_SENTINELS[0]);
		if (at === -1) return false;
		const [prefix, suffix] = [pattern.slice(0, at), pattern.slice(at + DETAIL_SENTINELS[0].length)];
		if (actual.length < prefix.length + suffix.length || !actual.startsWith(prefix) || !actual.endsWith(suffix)) return false;
		detail = actual.slice(prefix.length, actual.length - suffix.length);
	}
	const own = provider.replies.rejected(reject(reason, detail));
	return own.status === status && isDeepStrictEqual(asSent(own.body), json);
}

/**
 * Whether the answer is exactly `provider.replies.accepted` for this payload
 * at some moment between sending and answering. Where the reply carries the
 * time (found by calling it at two moments), the moment is read back from the
 * answer and the reply function called with it.
 */
function isAcceptanceOf(provider: ProviderDefinition, payload: JsonObject, eventType: string, facts: AnswerFacts, json: unknown): boolean {
	const at = (ms: number) => provider.replies.accepted({ payload, eventType, now: new Date(ms) });
	const a = at(facts.sentAtMs);
	if (a.status !== facts.status) return false;
	const template = asSent(a.body);
	const slots = differences(template, asSent(at(facts.sentAtMs + 86_400_123).body));
	if (slots.length === 0) return isDeepStrictEqual(template, json);
	const actual = valueAt(json, slots[0]);
	const candidates = typeof actual === 'string' ? [Date.parse(actual)] : typeof actual === 'number' ? [actual, actual * 1000] : [];
	return candidates.some((ms) => {
		if (!Number.isFinite(ms) || ms < facts.sentAtMs - 1000 || ms > facts.answeredAtMs + 1000) return false;
		const own = at(ms);
		return own.status === facts.status && isDeepStrictEqual(asSent(own.body), json);
	});
}

/**
 * Judges one answer against the case's expectation using only the provider's
 * reply functions: a 2xx must be its success reply for the payload sent (and
 * only when the expectation allows acceptance); anything else must be its
 * refusal for one of the expected reasons (or for a reason allowed anytime).
 * Whatever n8n or the harness would write itself, a stack trace or an answer
 * that is not JSON is `foreign`.
 */
export function judgeAnswer(provider: ProviderDefinition, expect: Expectation, facts: AnswerFacts): AnswerJudgement {
	const foreign = (problem: string): AnswerJudgement => ({ ok: false, problem, foreign: true });
	const wrong = (problem: string): AnswerJudgement => ({ ok: false, problem, foreign: false });
	if (HARNESS_FAILURE_STATUSES.includes(facts.status)) return foreign(`status ${facts.status}: the node threw or nobody answered`);
	const text = FOREIGN_TEXTS.find((pattern) => pattern.test(facts.text));
	if (text) return foreign(`the answer has ${String(text)} in it`);
	let json: unknown;
	try {
		json = JSON.parse(facts.text);
	} catch {
		return foreign('the answer is not JSON');
	}
	if (typeof json !== 'object' || json === null || Array.isArray(json)) return foreign('the answer is not a JSON object');
	if (hasStackKey(json)) return foreign('the answer has a stack key');

	if (facts.status >= 200 && facts.status < 300) {
		if (expect.outcome === 'refuse') return wrong(`answered ${facts.status} where a refusal for ${expect.reasons.join(' | ')} is expected`);
		let payload: unknown;
		try {
			payload = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(facts.body));
		} catch {
			return wrong('answered 2xx to a body that is not UTF-8 JSON');
		}
		if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return wrong('answered 2xx to a body that is not a JSON object');
		const eventType = provider.eventTypeOf(payload as JsonObject, facts.headers);
		if (eventType === undefined) return wrong('answered 2xx to a payload that names no event');
		try {
			if (!isAcceptanceOf(provider, payload as JsonObject, eventType, facts, json)) {
				return wrong(`the 2xx answer is not the provider's success reply for this ${eventType} payload`);
			}
		} catch (error) {
			return wrong(`the provider's own success reply for this payload cannot be written: ${error instanceof Error ? error.message : String(error)}`);
		}
		return { ok: true, accepted: true, reasons: [], eventType };
	}
	const allowed = expect.outcome === 'accept' ? [] : [...new Set([...expect.reasons, ...ANYTIME_REASONS])];
	const matching = allowed.filter((reason) => isRefusalFor(provider, reason as RejectionReason, facts.status, json));
	if (matching.length > 0) return { ok: true, accepted: false, reasons: matching };
	const all = Object.keys(DEFAULT_REJECTION_STATUS) as RejectionReason[];
	const actually = all.filter((reason) => isRefusalFor(provider, reason, facts.status, json));
	if (actually.length === 0) return wrong(`status ${facts.status} with this body is none of the provider's replies`);
	return wrong(
		expect.outcome === 'accept'
			? `refused (${actually.join(' | ')}) a delivery that must be accepted`
			: `refused for ${actually.join(' | ')}, not for ${allowed.join(' | ')}`,
	);
}

/** One HTTP answer judged against its case's expectation, counted into an HttpTally. */
export interface HttpCaseJudgement {
	readonly judgement: AnswerJudgement;
	readonly ok2xx: boolean;
	/** What was wrong, for the failure message; empty when nothing was. */
	readonly problems: string[];
}

/** Counts of deliveries sent over HTTP, for one provider. */
export class HttpTally {
	sent = 0;
	controls = 0;
	emitted = 0;
	acknowledged = 0;
	readonly refusedByStatus: Record<string, number> = {};
	forgeriesSent = 0;
	forgeriesAccepted = 0;
	/** Answers that were not the trigger's: n8n's or the harness's own, stack traces, no JSON. */
	foreignAnswers = 0;
	failureCount = 0;
	/** The first few failures, described. */
	readonly failures: string[] = [];
	readonly kinds: Record<string, number> = {};
	readonly transports: Record<string, number> = {};

	/**
	 * Judges one answer (`status` 0: none arrived, `text` says why): counts
	 * forgeries sent and accepted and answers that were not the trigger's.
	 */
	judge(provider: ProviderDefinition, expect: Expectation, forgery: boolean, facts: AnswerFacts): HttpCaseJudgement {
		if (forgery) this.forgeriesSent++;
		const judgement: AnswerJudgement =
			facts.status === 0 ? { ok: false, problem: facts.text, foreign: true } : judgeAnswer(provider, expect, facts);
		const problems: string[] = [];
		const ok2xx = facts.status >= 200 && facts.status < 300;
		if (ok2xx && forgery) {
			this.forgeriesAccepted++;
			problems.push(`ACCEPTED A FORGERY (${facts.status})`);
		}
		if (!judgement.ok) {
			if (judgement.foreign) this.foreignAnswers++;
			problems.push(judgement.problem);
		}
		return { judgement, ok2xx, problems };
	}
	/** Cases drawn but not sent, by why (see toHttp). */
	readonly redrawn: Record<string, number> = {};
	/** Time from sending to the whole answer, per delivery (ms). */
	readonly latencies: number[] = [];
	slowest = { ms: -1, what: '' };

	/** Notes how long one delivery took to be answered. */
	timed(ms: number, what: string): void {
		this.latencies.push(ms);
		if (ms > this.slowest.ms) this.slowest = { ms, what };
	}

	get accepted(): number {
		return this.emitted + this.acknowledged;
	}

	get mutated(): number {
		return this.sent - this.controls;
	}

	fail(description: string): void {
		this.failureCount++;
		if (this.failures.length < 8) this.failures.push(description);
	}

	count(record: Record<string, number>, key: string): void {
		record[key] = (record[key] ?? 0) + 1;
	}

	summary(key: string, seconds: number): string {
		const list = (record: Record<string, number>) =>
			Object.entries(record)
				.sort(([, a], [, b]) => b - a)
				.map(([name, count]) => `${name} ${count}`)
				.join(', ') || 'none';
		const refused = Object.values(this.refusedByStatus).reduce((a, b) => a + b, 0);
		return (
			`[${key}] ${seconds.toFixed(1)} s: sent ${this.sent} (${this.mutated} mutated), accepted ${this.accepted} ` +
			`(emitted ${this.emitted}, acknowledged ${this.acknowledged}), refused ${refused} (by status: ${list(this.refusedByStatus)}); ` +
			`forgeries sent ${this.forgeriesSent}, accepted ${this.forgeriesAccepted}; foreign answers ${this.foreignAnswers}; failures ${this.failureCount}` +
			`\n  answered in ${this.latencyText()}` +
			`\n  mutations: ${list(this.kinds)}\n  transport: ${list(this.transports)}\n  redrawn (not sendable as drawn): ${list(this.redrawn)}`
		);
	}

	private latencyText(): string {
		if (this.latencies.length === 0) return '(no deliveries)';
		const sorted = [...this.latencies].sort((a, b) => a - b);
		const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
		return `median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${this.slowest.ms} ms (${this.slowest.what})`;
	}
}

/** A failure message: the case, how it went on the wire and what came back. */
export function describeHttpCase(c: FuzzCase, delivery: HttpDelivery, status: number, text: string, problem: string): string {
	return [
		problem,
		describeCase(c),
		`transport: ${delivery.transport}; parameters: ${JSON.stringify(delivery.parameters)}`,
		`header lines: ${JSON.stringify(delivery.lines).slice(0, 1200)}`,
		`answer: ${status} ${text.slice(0, 400)}`,
	].join('\n  ');
}
