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

import * as fc from 'fast-check';

import type { DeliveryOutcome, DeliveryRequest } from '../../nodes/shared/pipeline/delivery';
import { processDelivery } from '../../nodes/shared/pipeline/processDelivery';
import { DEFAULT_REJECTION_STATUS } from '../../nodes/shared/pipeline/replies';
import { ALL_EVENTS, type InvalidPayloadHandling, type TriggerSettings } from '../../nodes/shared/pipeline/settings';
import type { EventDefinition, JsonObject, ProviderDefinition } from '../../nodes/shared/provider';
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
	readonly settings: TriggerSettings;
	readonly expect: Expectation;
	/**
	 * Something the scheme in force covers (bytes, signature, timestamp, secret,
	 * source address) was tampered with: any outcome but 'reject' is an accepted forgery.
	 */
	readonly forgery: boolean;
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
	readonly settings: Partial<TriggerSettings>;
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

/** A correctly signed timestamp header: inside the window is accepted, anything else refused. */
export function replayExpectation(timestamp: string | undefined, tolerance: number): Expectation {
	if (timestamp === undefined || timestamp.trim() === '') return refuse(['missing_timestamp']);
	const text = timestamp.trim();
	if (!/^[0-9]+$/.test(text)) return refuse(['malformed_timestamp']);
	const skew = BigInt(text) - BigInt(NOW_S);
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

// --- known, unfixed bugs ---------------------------------------------------------------

/**
 * KNOWN BUG (test/fuzz/regressions.test.ts): eSahayak's and MerajutASA's
 * success replies echo the payload's `id` / `event_id` whatever it is, so an
 * authentic body with a value nested deeper than JSON.stringify can recurse
 * (about 4,000 levels) gives a reply the trigger cannot write. Only that
 * case, an accepted deep-JSON delivery, is counted instead of failing the
 * run; every other case must have a serialisable reply. Remove this once the
 * regression test passes as a plain test.
 */
function isKnownUnserialisableEcho(c: FuzzCase, outcome: DeliveryOutcome): boolean {
	return c.kind === 'deep-json' && outcome.action !== 'reject';
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
	/** Cases that hit a known, unfixed bug (see isKnownUnserialisableEcho). */
	knownIssues = 0;
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
			(this.knownIssues > 0 ? `; KNOWN BUG hit ${this.knownIssues}x: accepted reply echoes a value too deep to serialise` : '') +
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
	readonly settings: TriggerSettings;
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

export class ProviderFuzz {
	readonly variants: Variant[];
	readonly tally = new Tally();
	private readonly events: EventDefinition[];
	private readonly statuses: ReadonlySet<number>;
	private readonly mutations: Mutation[];

	constructor(readonly provider: ProviderDefinition) {
		this.variants = variantsOf(provider);
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
	base(variant: Variant, event: EventDefinition, settings: Partial<TriggerSettings> = {}, socket?: string): Base {
		const body = Buffer.from(JSON.stringify(event.sample), 'utf8');
		const headers: Record<string, string> = { 'content-type': 'application/json' };
		for (const [name, value] of Object.entries(this.provider.deliveryHeaders?.(event, event.sample) ?? {})) {
			headers[name.toLowerCase()] = value;
		}
		const timestamp = variant.signing?.timestamp ? String(NOW_S) : undefined;
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
		return { rawBody: base.body, headers: base.headers, socketAddress: base.socketAddress, now: NOW, ...overrides };
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
		const settings: Partial<TriggerSettings> = {
			// A scheme that does not sign needs no secret (no credential at all).
			...(variant.signing ? {} : { secrets: pick<string[]>(g, [], [''], [CURRENT_SECRET, PREVIOUS_SECRET]) }),
			events,
			invalidPayload: pick<InvalidPayloadHandling>(g, 'reject', 'emitWithErrors', 'emitAsIs'),
			includeHeaders: g(fc.boolean),
			emitConnectionTests: g(fc.boolean),
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
		return mutation.build(g, this.drawBase(g, variant));
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
			outcome = processDelivery(this.provider, c.request, c.settings);
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
			if (isKnownUnserialisableEcho(c, outcome)) tally.knownIssues++;
			else fail(`the reply body cannot be serialised: ${error instanceof Error ? error.message : String(error)}`, outcome);
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

	// --- mutation families -------------------------------------------------------------------

	private buildMutations(): Mutation[] {
		const any = () => true;
		const signed = (v: Variant) => v.signing !== undefined;
		const timestamped = (v: Variant) => v.signing?.timestamp !== undefined;
		const addressed = (v: Variant) => v.ipRanges !== undefined;
		return [
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
				value = String(NOW_S + g(fc.integer, { min: -600, max: 600 }));
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
				value = String(NOW_S + g(fc.integer, { min: -window, max: window }));
				break;
			case 'edge':
				value = String(NOW_S + pick(g, -window, window, -window - 1, window + 1));
				break;
			case 'stale':
				value = String(NOW_S - window - 1 - g(fc.nat, 10 ** 6));
				break;
			case 'future':
				value = String(NOW_S + window + 1 + g(fc.nat, 10 ** 6));
				break;
			case 'far':
				value = String(pick(g, 0, 1, 999_999_999_999, 2 ** 31, 2 ** 32, Number.MAX_SAFE_INTEGER % 10 ** 12));
				break;
			case 'milliseconds':
				value = String(NOW.getTime() + g(fc.integer, { min: -1000, max: 1000 }));
				break;
			case 'huge':
				value = pick(g, '9'.repeat(13), '9'.repeat(20), `1${'0'.repeat(400)}`, String(NOW_S).repeat(30));
				break;
			case 'non-numeric':
				value = g(fc.string, { unit: 'binary', maxLength: 20 });
				break;
			case 'lookalike':
				value = pick(
					g,
					`${NOW_S}.0`,
					`${NOW_S}.5`,
					`+${NOW_S}`,
					`-${NOW_S}`,
					`${NOW_S}e0`,
					`0x${NOW_S.toString(16)}`,
					`${NOW_S / 1000}e3`,
					'NaN',
					'Infinity',
					String(NOW_S).replace(/\d/g, (d) => String.fromCharCode(0x660 + Number(d))), // Arabic-Indic digits
					String(NOW_S).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))), // fullwidth digits
					`${NOW_S}, ${NOW_S}`,
					new Date(NOW_S * 1000).toISOString(),
				);
				break;
			case 'zero-padded':
				value = `${'0'.repeat(g(fc.integer, { min: 1, max: 4 }))}${NOW_S}`;
				break;
			default:
				value = undefined;
		}
		const resigned = this.resign(base, base.body, CURRENT_SECRET, value);
		const expect = replayExpectation(value, tolerance);
		return {
			kind: 'timestamp-resigned',
			detail: `${category}: timestamp ${JSON.stringify(value)} signed with the current secret, tolerance setting ${String(setting)}`,
			request: this.request(resigned),
			settings: { ...base.settings, replayToleranceSeconds: setting },
			expect,
			forgery: expect.outcome === 'refuse',
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

	private address(g: fc.GeneratorValue, base: Base): FuzzCase {
		const ranges = base.variant.ipRanges as readonly string[];
		const oracle = new AddressOracle(ranges);
		const allowlist = base.settings.ipAllowlist as NonNullable<TriggerSettings['ipAllowlist']>;
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
