import { secondsText, type FailureWording, type ProviderFailure } from '../http/failure';
import { quote } from '../http/quote';

/**
 * The subscription API's wording for a failed call: what a user of Rishi,
 * Churn Saver, eSahayak or MerajutAsa should check. The shared transport
 * classifies the failure and redacts the provider's text; this only words it.
 */
export interface ApiAttempt {
	/** The provider's display name. */
	readonly provider: string;
	/** What was being done, for "while trying to ...": e.g. `list the webhook subscriptions`. */
	readonly action: string;
	/** The subscription the call was about, when it was about one. */
	readonly subscriptionId?: string;
	/** The subscriptions collection's path. */
	readonly path: string;
	/** Which credential fields decide where requests go, for a wrong-address hint. */
	readonly addressFields: string;
}

function describeWait(seconds: number): string {
	if (seconds < 120) return `${seconds} second${seconds === 1 ? '' : 's'}`;
	return `${Math.ceil(seconds / 60)} minutes`;
}

function refusalMessage(attempt: ApiAttempt, problem: Extract<ProviderFailure, { status: number }>): string {
	const { provider } = attempt;
	const { status } = problem;
	switch (problem.kind) {
		case 'unauthorized':
			return `${provider} rejected the API key (HTTP ${status}): check the API key in the credential`;
		case 'forbidden':
			return `${provider} refused access (HTTP ${status}): check that the API key in the credential may manage webhooks`;
		case 'not_found':
			return attempt.subscriptionId !== undefined
				? `${provider} has no webhook subscription with ID "${attempt.subscriptionId}" (HTTP ${status})`
				: `${provider} has no subscriptions endpoint at ${attempt.path} (HTTP ${status}): check ${attempt.addressFields}`;
		case 'rate_limited':
			return problem.retryAfterSeconds === undefined
				? `${provider} is rate limiting requests (HTTP ${status}): wait a moment and try again`
				: `${provider} is rate limiting requests (HTTP ${status}): try again in ${describeWait(problem.retryAfterSeconds)}`;
		case 'unavailable':
			return `${provider} failed to handle the request (HTTP ${status}): try again later`;
		case 'refused':
			return `${provider} refused the request (HTTP ${status})${problem.said ? `: ${problem.said.text}` : ''}`;
	}
}

export function describeSubscriptionFailure(attempt: ApiAttempt, problem: ProviderFailure): FailureWording {
	const { provider, action } = attempt;
	switch (problem.kind) {
		case 'timed_out':
			return {
				message: `${provider} did not answer within ${secondsText(problem.timeoutMs)}: try again later`,
				description: `While trying to ${action}, ${problem.origin} sent no answer in time. If this keeps happening, check ${attempt.addressFields}.`,
			};
		case 'unreachable':
			return {
				message: `Could not connect to ${provider} at ${problem.origin}: check ${attempt.addressFields}`,
				description: `While trying to ${action}, the connection failed${problem.code ? ` (${problem.code})` : ''}.`,
			};
		case 'unexpected_answer':
			return {
				message: `${provider} answered in an unexpected shape: ${problem.problem}`,
				description: `While trying to ${action}. Check ${attempt.addressFields}.${problem.said ? ` The answer began: ${quote(problem.said.text)}` : ''}`,
			};
		default: {
			const { status, said } = problem;
			const answer = said
				? `${provider} answered HTTP ${status}${said.json ? '' : ' with a body that is not JSON'}: ${quote(said.text)}`
				: `${provider} answered HTTP ${status} without an error message`;
			return { message: refusalMessage(attempt, problem), description: `While trying to ${action}, ${answer}.` };
		}
	}
}
