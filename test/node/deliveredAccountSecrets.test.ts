// Reveal Credentials and Get Verification Code end TokPortal support (and may cost credits): these
// tests pin down that nothing is sent without the acknowledgement, that a price is only paid within
// Max Credits to Accept, exactly once, and that the secret calls never carry an Idempotency-Key.
import { randomUUID } from 'node:crypto';

import type { DeliveredAccount, Simulator } from '../simulator';
import { startSimulator } from '../simulator';
import { byId, failNext, run } from './accountFixtures';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false });
});
afterAll(async () => await sim.close());

const POLICY = 'managed-credential-reveal-v1';

/** A delivered account; `postCutoff` ones answer 428 with a 150-credit quote on first access. */
function account(postCutoff: boolean): DeliveredAccount {
	const [created] = sim.seedAccounts(1, { platform: 'tiktok' });
	created.post_cutoff = postCutoff;
	return created;
}

const debitsFor = (accountId: string) =>
	sim.state.ledger.filter((entry) => entry.type === 'debit' && entry.reference_id === accountId);

const reveal = (accountId: string, extra: Record<string, unknown> = {}) => ({
	resource: 'deliveredAccount',
	operation: 'revealCredentials',
	accountId: byId(accountId),
	acknowledgeSupportEnds: true,
	...extra,
});

const verificationCode = (accountId: string, extra: Record<string, unknown> = {}) => ({
	resource: 'deliveredAccount',
	operation: 'getVerificationCode',
	accountId: byId(accountId),
	acknowledgeSupportEnds: true,
	pollIntervalSeconds: 0.1,
	maxWaitSeconds: 10,
	...extra,
});

/**
 * Puts a code in the inbox once the node has asked for it `afterRequests` times; gives up (and
 * says so) after 5 s, so a node that stops asking fails the test instead of hanging it.
 */
function deliverCodeAfter(target: DeliveredAccount, afterRequests: number, code: string): Promise<boolean> {
	const givesUpAt = Date.now() + 5000;
	return new Promise((resolve) => {
		const timer = setInterval(() => {
			const asked = sim.requests.filter((r) => r.path === `/accounts/${target.id}/verification-code`).length;
			if (asked >= afterRequests) sim.operator.deliverVerificationCode(target.id, code);
			if (asked >= afterRequests || Date.now() > givesUpAt) {
				clearInterval(timer);
				resolve(asked >= afterRequests);
			}
		}, 5);
	});
}

describe.each([
	['Reveal Credentials', reveal, 'reveal-credentials'],
	['Get Verification Code', verificationCode, 'verification-code'],
])('%s: support forfeit', (_name, parameters, endpoint) => {
	it('sends nothing and changes nothing until "I Understand Support Ends" is on', async () => {
		const target = account(false);
		target.inbox.push({ code: '111111', received_at: new Date().toISOString(), served: false });
		const { error, requests } = await run(sim, parameters(target.id, { acknowledgeSupportEnds: false }));
		expect(error?.message).toMatch(/^Turn on "I Understand Support Ends" to continue: it confirms you accept that TokPortal support for this account ends for good/);
		expect(error?.description).toMatch(/^Nothing was sent to TokPortal/);
		expect(requests).toHaveLength(0);
		expect(target.support_forfeited_at).toBeNull();
	});

	it('also refuses when the acknowledgement is not the boolean true (e.g. an agent sending "yes")', async () => {
		const target = account(false);
		const { error, requests } = await run(sim, parameters(target.id, { acknowledgeSupportEnds: '={{ "yes" }}' }));
		expect(error?.message).toBe('"I Understand Support Ends" must be true or false (got "yes")');
		expect(requests).toHaveLength(0);
	});

	it('refuses the 428 price at the default Max Credits (0): one request, no charge, price and terms shown', async () => {
		const target = account(true);
		const { error, requests } = await run(sim, parameters(target.id));
		expect(requests).toHaveLength(1);
		expect(requests[0].body).toBeUndefined();
		expect(error?.message).toMatch(
			new RegExp(`costs 150 credits \\(policy ${POLICY}\\), more than Max Credits to Accept \\(0\\)\\. Nothing was charged`),
		);
		expect(error?.message).toMatch(/set Max Credits to Accept to at least 150/);
		expect(error?.message).toMatch(/Terms: Revealing credentials or a verification code ends TokPortal management/);
		expect(error?.description).toContain(`Request ID: ${requests[0].requestId}`);
		expect(debitsFor(target.id)).toHaveLength(0);
		expect(target.support_forfeited_at).toBeNull();
	});

	it('refuses a price just above Max Credits', async () => {
		const target = account(true);
		const { error, requests } = await run(sim, parameters(target.id, { maxCreditsToAccept: 149 }));
		expect(requests).toHaveLength(1);
		expect(error?.message).toMatch(/more than Max Credits to Accept \(149\)/);
		expect(debitsFor(target.id)).toHaveLength(0);
	});

	it('accepts a price within Max Credits with the quoted policy version, debiting exactly once', async () => {
		const target = account(true);
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
		expect(debitsFor(target.id).map((entry) => entry.amount)).toEqual([-150]);

		// Already forfeited: no new quote, no new charge.
		const again = await run(sim, parameters(target.id, { maxCreditsToAccept: 150 }));
		expect(again.error).toBeUndefined();
		expect(again.requests).toHaveLength(1);
		expect(debitsFor(target.id)).toHaveLength(1);
	});

	it('accepts nothing when a 428 quote lacks its policy version, whatever Max Credits allows', async () => {
		const target = account(false);
		failNext(sim, 'POST', `/accounts/${target.id}/${endpoint}`, 428, 'CREDENTIAL_REVEAL_ACKNOWLEDGEMENT_REQUIRED');
		const { error, requests } = await run(sim, parameters(target.id, { maxCreditsToAccept: 1000 }));
		expect(requests).toHaveLength(1);
		expect(error?.message).toMatch(/did not state the policy version, so the node accepted nothing/);
		expect(target.support_forfeited_at).toBeNull();
	});

	it('never retries CREDENTIAL_REVEAL_QUOTE_CHANGED and says nothing was charged', async () => {
		const target = account(false);
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

describe('Delivered Account → Reveal Credentials', () => {
	it('reveals an older account with one POST without body or Idempotency-Key, ending support', async () => {
		const target = account(false);
		const { items, requests } = await run(sim, reveal(target.id));
		expect(requests).toHaveLength(1);
		expect(requests[0]).toMatchObject({ method: 'POST', path: `/accounts/${target.id}/reveal-credentials` });
		expect(requests[0].body).toBeUndefined();
		expect(requests[0].headers['idempotency-key']).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ account_id: target.id, password: target.password });
		expect(target.support_forfeited_at).not.toBeNull();
		expect(debitsFor(target.id)).toHaveLength(0);
	});

	it('checks the acknowledgement per item and keeps pairing under Continue On Fail', async () => {
		const target = account(false);
		const { items, requests } = await run(
			sim,
			reveal('', { accountId: byId('={{ $json.account }}'), acknowledgeSupportEnds: '={{ $json.ok }}' }),
			{ continueOnFail: true, items: [{ account: target.id, ok: false }, { account: target.id, ok: true }] },
		);
		expect(requests).toHaveLength(1);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(items[0].json.error).toMatch(/^Turn on "I Understand Support Ends" to continue: it confirms you accept that TokPortal support for this account ends for good/);
		expect(items[1].json).toMatchObject({ account_id: target.id });
	});
});

describe('Delivered Account → Get Verification Code', () => {
	it('returns a code already in the inbox with one POST without Idempotency-Key', async () => {
		const target = account(false);
		sim.operator.deliverVerificationCode(target.id, '482937');
		const { items, requests } = await run(sim, verificationCode(target.id));
		expect(requests).toHaveLength(1);
		expect(requests[0]).toMatchObject({ method: 'POST', path: `/accounts/${target.id}/verification-code` });
		expect(requests[0].headers['idempotency-key']).toBeUndefined();
		expect(items[0].json).toEqual({ account_id: target.id, verification_code: '482937', source: 'email' });
	});

	it('waits for a code that arrives after two checks', async () => {
		const target = account(false);
		const delivered = deliverCodeAfter(target, 2, '135790');
		const { items, error, requests } = await run(sim, verificationCode(target.id));
		expect(await delivered).toBe(true);
		expect(error).toBeUndefined();
		expect(requests.map((r) => r.status)).toEqual([404, 404, 200]);
		expect(items[0].json).toMatchObject({ verification_code: '135790' });
	});

	it('pays the quote once, then keeps waiting without re-accepting', async () => {
		const target = account(true);
		const delivered = deliverCodeAfter(target, 3, '246802');
		const { items, error, requests } = await run(sim, verificationCode(target.id, { maxCreditsToAccept: 150 }));
		expect(await delivered).toBe(true);
		expect(error).toBeUndefined();
		expect(requests.map((r) => r.status)).toEqual([428, 404, 404, 200]);
		expect(requests.map((r) => r.body !== undefined)).toEqual([false, true, false, false]);
		expect(items[0].json).toMatchObject({ verification_code: '246802' });
		expect(debitsFor(target.id)).toHaveLength(1);
	});

	it('fails with a clear message when Max Wait runs out', async () => {
		const target = account(false);
		const started = Date.now();
		const { error, requests } = await run(sim, verificationCode(target.id, { maxWaitSeconds: 1, pollIntervalSeconds: 0.3 }));
		expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
		expect(Date.now() - started).toBeLessThan(3000);
		expect(requests.length).toBeGreaterThanOrEqual(3);
		expect(requests.every((r) => r.status === 404)).toBe(true);
		expect(error?.message).toMatch(/^No verification code arrived within 1 second\. Request the code on TikTok\/Instagram/);
		expect(error?.description).toContain('VERIFICATION_CODE_NOT_FOUND');
		expect(error?.description).toContain(`Request ID: ${requests[requests.length - 1].requestId}`);
	});

	it('fails at once without waiting when Wait for Code is off', async () => {
		const target = account(false);
		const { error, requests } = await run(sim, verificationCode(target.id, { waitForCode: false }));
		expect(requests).toHaveLength(1);
		expect(error?.message).toMatch(/No verification code in this account’s TokMail inbox yet.*turn on Wait for Code/);
		expect(error?.description).toContain(`Request ID: ${requests[0].requestId}`);
	});

	it('refuses a Max Wait that an expression set to nothing, before sending anything', async () => {
		const target = account(false);
		const { error, requests } = await run(sim, verificationCode(target.id, { maxWaitSeconds: '={{ "soon" }}' }));
		expect(error?.message).toBe('"Max Wait (Seconds)" must be a whole number from 1 to 600 (got "soon")');
		expect(requests).toHaveLength(0);
	});
});
