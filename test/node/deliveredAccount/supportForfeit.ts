// Reveal Credentials and Get Verification Code end TokPortal support (and may cost credits): these
// helpers and shared tests pin down, for both, that nothing is sent without the acknowledgement, that a
// price is only paid within Max Credits to Accept, exactly once, and that the secret calls never carry
// an Idempotency-Key.
import { randomUUID } from 'node:crypto';

import type { INodeParameters } from 'n8n-workflow';

import type { DeliveredAccount, Simulator } from '../../simulator';
import { byId, failNext, run } from '../accountFixtures';

const POLICY = 'managed-credential-reveal-v1';

/** A delivered account; `postCutoff` ones answer 428 with a 150-credit quote on first access. */
export function seededAccount(sim: Simulator, postCutoff: boolean): DeliveredAccount {
	const [created] = sim.seedAccounts(1, { platform: 'tiktok' });
	created.post_cutoff = postCutoff;
	return created;
}

export const debitsFor = (sim: Simulator, accountId: string) =>
	sim.state.ledger.filter((entry) => entry.type === 'debit' && entry.reference_id === accountId);

export const reveal = (accountId: string, extra: Record<string, unknown> = {}) => ({
	resource: 'deliveredAccount',
	operation: 'revealCredentials',
	accountId: byId(accountId),
	acknowledgeSupportEnds: true,
	...extra,
});

export const verificationCode = (accountId: string, extra: Record<string, unknown> = {}) => ({
	resource: 'deliveredAccount',
	operation: 'getVerificationCode',
	accountId: byId(accountId),
	acknowledgeSupportEnds: true,
	pollIntervalSeconds: 0.1,
	maxWaitSeconds: 10,
	...extra,
});

/**
 * The support-forfeit tests of one operation (`parameters` builds its node parameters, `endpoint` is
 * its path below /accounts/:id), against the simulator the suite started.
 */
export function describeSupportForfeit(
	name: string,
	parameters: (accountId: string, extra?: Record<string, unknown>) => INodeParameters,
	endpoint: string,
	simulator: () => Simulator,
): void {
	describe(`${name}: support forfeit`, () => {
		let sim: Simulator;
		beforeAll(() => {
			sim = simulator();
		});

		it('sends nothing and changes nothing until "I Understand Support Ends" is on', async () => {
			const target = seededAccount(sim, false);
			target.inbox.push({ code: '111111', received_at: new Date().toISOString(), served: false });
			const { error, requests } = await run(sim, parameters(target.id, { acknowledgeSupportEnds: false }));
			expect(error?.message).toMatch(/^Turn on "I Understand Support Ends" to continue: it confirms you accept that TokPortal support for this account ends for good/);
			expect(error?.description).toMatch(/^Nothing was sent to TokPortal/);
			expect(requests).toHaveLength(0);
			expect(target.support_forfeited_at).toBeNull();
		});

		it('also refuses when the acknowledgement is not the boolean true (e.g. an agent sending "yes")', async () => {
			const target = seededAccount(sim, false);
			const { error, requests } = await run(sim, parameters(target.id, { acknowledgeSupportEnds: '={{ "yes" }}' }));
			expect(error?.message).toBe('"I Understand Support Ends" must be true or false (got "yes")');
			expect(requests).toHaveLength(0);
		});

		it('refuses the 428 price at the default Max Credits (0): one request, no charge, price and terms shown', async () => {
			const target = seededAccount(sim, true);
			const { error, requests } = await run(sim, parameters(target.id));
			expect(requests).toHaveLength(1);
			expect(requests[0].body).toBeUndefined();
			expect(error?.message).toMatch(
				new RegExp(`costs 150 credits \\(policy ${POLICY}\\), more than Max Credits to Accept \\(0\\)\\. Nothing was charged`),
			);
			expect(error?.message).toMatch(/set Max Credits to Accept to at least 150/);
			expect(error?.message).toMatch(/Terms: Revealing credentials or a verification code ends TokPortal management/);
			expect(error?.description).toContain(`Request ID: ${requests[0].requestId}`);
			expect(debitsFor(sim, target.id)).toHaveLength(0);
			expect(target.support_forfeited_at).toBeNull();
		});

		it('refuses a price just above Max Credits', async () => {
			const target = seededAccount(sim, true);
			const { error, requests } = await run(sim, parameters(target.id, { maxCreditsToAccept: 149 }));
			expect(requests).toHaveLength(1);
			expect(error?.message).toMatch(/more than Max Credits to Accept \(149\)/);
			expect(debitsFor(sim, target.id)).toHaveLength(0);
		});

		it('accepts a price within Max Credits with the quoted policy version, debiting exactly once', async () => {
			const target = seededAccount(sim, true);
			target.inbox.push({ code: '222222', received_at: new Date().toISOString(), served: false });
			const first = await run(sim, parameters(target.id, { maxCreditsToAccept: 150 }));
			expect(first.error).toBeUndefined();
			expect(first.requests.map((r) => [r.method, r.path, r.status])).toEqual([
				['POST', `/accounts/${target.id}/${endpoint}`, 428],
				['POST', `/accounts/${target.id}/${endpoint}`, 200],
			]);
			expect(first.requests[1].body).toEqual({ acknowledge_support_forfeit: true, policy_version: POLICY });
			for (const request of first.requests) {
				expect(request.headers['idempotency-key']).toBeUndefined();
				expect(request.headers['x-api-key']).toBe(sim.apiKey);
			}
			expect(first.items).toHaveLength(1);
			expect(first.items[0].json.account_id).toBe(target.id);
			expect(debitsFor(sim, target.id).map((entry) => entry.amount)).toEqual([-150]);

			// Already forfeited: no new quote, no new charge.
			const again = await run(sim, parameters(target.id, { maxCreditsToAccept: 150 }));
			expect(again.error).toBeUndefined();
			expect(again.requests).toHaveLength(1);
			expect(debitsFor(sim, target.id)).toHaveLength(1);
		});

		it('accepts nothing when a 428 quote lacks its policy version, whatever Max Credits allows', async () => {
			const target = seededAccount(sim, false);
			failNext(sim, 'POST', `/accounts/${target.id}/${endpoint}`, 428, 'CREDENTIAL_REVEAL_ACKNOWLEDGEMENT_REQUIRED');
			const { error, requests } = await run(sim, parameters(target.id, { maxCreditsToAccept: 1000 }));
			expect(requests).toHaveLength(1);
			expect(error?.message).toMatch(/did not state the policy version, so the node accepted nothing/);
			expect(target.support_forfeited_at).toBeNull();
		});

		it('never retries CREDENTIAL_REVEAL_QUOTE_CHANGED and says nothing was charged', async () => {
			const target = seededAccount(sim, false);
			failNext(sim, 'POST', `/accounts/${target.id}/${endpoint}`, 409, 'CREDENTIAL_REVEAL_QUOTE_CHANGED');
			const { error, requests } = await run(sim, parameters(target.id, { maxCreditsToAccept: 500 }));
			expect(requests).toHaveLength(1);
			expect(error?.message).toMatch(/^TokPortal changed the price or terms for ending support while this ran, so nothing was charged or revealed/);
			expect(error?.description).toContain(`Request ID: ${requests[0].requestId}`);
		});

		it('reports SAVED_ACCOUNT_NOT_FOUND with the request id', async () => {
			const { error, requests } = await run(sim, parameters(randomUUID()));
			expect(error?.message).toMatch(/^Delivered account not found/);
			expect(error?.description).toContain(`Request ID: ${requests[0].requestId}`);
		});
	});
}
