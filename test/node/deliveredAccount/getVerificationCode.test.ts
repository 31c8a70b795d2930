import type { DeliveredAccount, Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import { run } from '../accountFixtures';
import { debitsFor, describeSupportForfeit, seededAccount, verificationCode } from './supportForfeit';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false });
});
afterAll(async () => await sim.close());

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

describeSupportForfeit('Get Verification Code', verificationCode, 'verification-code', () => sim);

describe('Delivered Account → Get Verification Code', () => {
	it('returns a code already in the inbox with one POST without Idempotency-Key', async () => {
		const target = seededAccount(sim, false);
		sim.operator.deliverVerificationCode(target.id, '482937');
		const { items, requests } = await run(sim, verificationCode(target.id));
		expect(requests).toHaveLength(1);
		expect(requests[0]).toMatchObject({ method: 'POST', path: `/accounts/${target.id}/verification-code` });
		expect(requests[0].headers['idempotency-key']).toBeUndefined();
		expect(items[0].json).toEqual({ account_id: target.id, verification_code: '482937', source: 'email' });
	});

	it('waits for a code that arrives after two checks', async () => {
		const target = seededAccount(sim, false);
		const delivered = deliverCodeAfter(target, 2, '135790');
		const { items, error, requests } = await run(sim, verificationCode(target.id));
		expect(await delivered).toBe(true);
		expect(error).toBeUndefined();
		expect(requests.map((r) => r.status)).toEqual([404, 404, 200]);
		expect(items[0].json).toMatchObject({ verification_code: '135790' });
	});

	it('pays the quote once, then keeps waiting without re-accepting', async () => {
		const target = seededAccount(sim, true);
		const delivered = deliverCodeAfter(target, 3, '246802');
		const { items, error, requests } = await run(sim, verificationCode(target.id, { maxCreditsToAccept: 150 }));
		expect(await delivered).toBe(true);
		expect(error).toBeUndefined();
		expect(requests.map((r) => r.status)).toEqual([428, 404, 404, 200]);
		expect(requests.map((r) => r.body !== undefined)).toEqual([false, true, false, false]);
		expect(items[0].json).toMatchObject({ verification_code: '246802' });
		expect(debitsFor(sim, target.id)).toHaveLength(1);
	});

	it('fails with a clear message when Max Wait runs out', async () => {
		const target = seededAccount(sim, false);
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
		const target = seededAccount(sim, false);
		const { error, requests } = await run(sim, verificationCode(target.id, { waitForCode: false }));
		expect(requests).toHaveLength(1);
		expect(error?.message).toMatch(/No verification code in this account’s TokMail inbox yet.*turn on Wait for Code/);
		expect(error?.description).toContain(`Request ID: ${requests[0].requestId}`);
	});

	it('refuses a Max Wait that an expression set to nothing, before sending anything', async () => {
		const target = seededAccount(sim, false);
		const { error, requests } = await run(sim, verificationCode(target.id, { maxWaitSeconds: '={{ "soon" }}' }));
		expect(error?.message).toBe('"Max Wait (Seconds)" must be a whole number from 1 to 600 (got "soon")');
		expect(requests).toHaveLength(0);
	});
});
