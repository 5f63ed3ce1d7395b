import { secondsText, type FailureWording, type NoAnswerFailure } from './failure';
import { shorten } from './quote';

/**
 * Plain wording for a request that got no answer, for a caller with nothing
 * more specific to say than which service and where. Names the origin only:
 * a URL's path or query may carry a token.
 */
export function describeNoAnswer(service: string, problem: NoAnswerFailure): FailureWording {
	const { origin } = problem;
	if (problem.kind === 'timed_out') {
		return {
			message: `${service} did not answer within ${secondsText(problem.timeoutMs)}`,
			description: `No answer from ${origin}. Check that the service is up and reachable from n8n.`,
		};
	}
	const { code, reason } = problem;
	if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
		return {
			message: `Could not find the ${service} host`,
			description: `The host of ${origin} does not resolve (${code}). Check the URL in the credential.`,
		};
	}
	if (code === 'ECONNREFUSED') {
		return {
			message: `Could not connect to ${service}`,
			description: `${origin} refused the connection (${code}). Check the URL in the credential and that the service is running.`,
		};
	}
	return {
		message: `Could not reach ${service}`,
		description: `The request to ${origin} failed${code ? ` (${code})` : ''}: ${reason ? shorten(reason) : 'unknown error'}`,
	};
}
