import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type IHookFunctions,
	type IHttpRequestMethods,
} from 'n8n-workflow';

import { unexpectedAnswer, type ProviderFailure } from '../http/failure';
import { nonEmptyString, secretsOf } from '../http/secrets';
import type { ProviderDefinition, SubscriptionApiDefinition } from '../provider';
import { addressFields, resolveAddress, subscriptionPath, type AddressCredential } from '../subscriptions/address';
import { describeSubscriptionFailure, type ApiAttempt } from '../subscriptions/failures';
import { readSubscription, readSubscriptionList, sameUrl } from '../subscriptions/normalise';
import type { RemoteSubscription } from '../subscriptions/types';
import { failureKindOf, providerApiError, sendProviderRequest } from './providerRequest';

export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

type ApiContext = IExecuteFunctions | IHookFunctions;

/** The credential fields every provider credential shares (see the contract test). */
interface SubscriptionCredential extends AddressCredential {
	readonly apiKey?: unknown;
	readonly signingSecret?: unknown;
	readonly previousSigningSecret?: unknown;
}

/** One provider's subscriptions endpoint, reached through the node's credential. */
export interface SubscriptionApi {
	readonly provider: ProviderDefinition;
	/** The signing secret typed into the credential, when there is one: it wins over a generated one. */
	readonly credentialSecret: string | undefined;
	list(): Promise<RemoteSubscription[]>;
	/** The API has no GET by id: lists and picks, failing 404-style when the id is not listed. */
	get(id: string): Promise<RemoteSubscription>;
	create(body: IDataObject): Promise<RemoteSubscription>;
	/** The provider's answer, when it sends the updated subscription back. */
	update(id: string, body: IDataObject): Promise<RemoteSubscription | undefined>;
	remove(id: string): Promise<void>;
}

/**
 * Opens the subscriptions API of `provider` for one node: reads the
 * credential (Base URL, path), then sends every request through
 * the shared provider transport, so the API key is applied by the
 * credential's `authenticate` and never by this code. Every failure becomes a
 * NodeApiError whose message says what to do, with no secret in it.
 */
export async function openSubscriptionApi(
	context: ApiContext,
	provider: ProviderDefinition,
	itemIndex?: number,
): Promise<SubscriptionApi> {
	const credentialName = provider.credentialName;
	const maybeDefinition: SubscriptionApiDefinition | undefined = provider.subscriptions;
	if (!maybeDefinition) {
		throw new NodeOperationError(context.getNode(), `${provider.displayName} has no subscriptions API`, { itemIndex });
	}
	const definition = maybeDefinition;
	const credential = await context.getCredentials<SubscriptionCredential>(credentialName, itemIndex);
	const address = resolveAddress(definition, credential, provider.displayName);
	if (!address.ok) throw new NodeOperationError(context.getNode(), address.problem, { itemIndex, level: 'warning' });

	const timeoutMs = definition.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
	const credentialSecret = nonEmptyString(credential.signingSecret);
	const knownSecrets = secretsOf(credential, ['apiKey', 'signingSecret', 'previousSigningSecret']);
	const { baseUrl, origin, collectionPath } = address;

	const fail = (attempt: ApiAttempt, problem: ProviderFailure) =>
		providerApiError(context.getNode(), problem, describeSubscriptionFailure(attempt, problem), itemIndex);

	const attemptOf = (action: string, subscriptionId?: string): ApiAttempt => ({
		provider: provider.displayName,
		action,
		subscriptionId,
		path: collectionPath,
		addressFields: addressFields(definition),
	});

	async function send(attempt: ApiAttempt, method: IHttpRequestMethods, url: string, body?: IDataObject): Promise<unknown> {
		const secrets = [...knownSecrets, ...secretsOf(body ?? {}, ['secret'])];
		const response = await sendProviderRequest(
			context,
			{ credentialName, method, baseURL: baseUrl, url, ...(body ? { body } : {}), origin, timeoutMs, secrets, itemIndex },
			(problem) => describeSubscriptionFailure(attempt, problem),
		);
		return response.body;
	}

	async function list(): Promise<RemoteSubscription[]> {
		const attempt = attemptOf(`list the ${provider.displayName} webhook subscriptions`);
		const body = await send(attempt, 'GET', collectionPath);
		const reading = readSubscriptionList(body, definition.listKey);
		if (!reading.ok) throw fail(attempt, unexpectedAnswer(reading.problem, body, knownSecrets));
		return reading.subscriptions;
	}

	return {
		provider,
		credentialSecret,
		list,
		async get(id) {
			const found = (await list()).find((entry) => entry.id === id);
			if (found) return found;
			throw providerApiError(
				context.getNode(),
				{ kind: 'not_found', status: 404 },
				{
					message: `${provider.displayName} has no webhook subscription with ID "${id}"`,
					description: `${provider.displayName}'s API cannot read one subscription by ID, so the subscription was looked up in the list at GET ${collectionPath}, and it is not there.`,
				},
				itemIndex,
			);
		},
		async create(body) {
			const attempt = attemptOf(`create a ${provider.displayName} webhook subscription`);
			const answer = await send(attempt, 'POST', collectionPath, body);
			const created = readSubscription(answer, definition.listKey);
			if (created) return created;
			// No id in the answer: find what was just created by its URL (the newest one wins).
			const mine = (await list()).filter((entry) => sameUrl(entry.url, body.url as string));
			const newest = mine[mine.length - 1];
			if (newest) return newest;
			throw fail(attempt, unexpectedAnswer('the created subscription has no id and is not in the list', answer, [...knownSecrets, ...secretsOf(body, ['secret'])]));
		},
		async update(id, body) {
			const attempt = attemptOf(`update ${provider.displayName} webhook subscription "${id}"`, id);
			return readSubscription(await send(attempt, 'PUT', subscriptionPath(collectionPath, id), body), definition.listKey);
		},
		async remove(id) {
			const attempt = attemptOf(`delete ${provider.displayName} webhook subscription "${id}"`, id);
			await send(attempt, 'DELETE', subscriptionPath(collectionPath, id));
		},
	};
}

/** Whether an error from this API means "no such subscription". */
export function isNotFound(error: unknown): boolean {
	return failureKindOf(error) === 'not_found';
}
