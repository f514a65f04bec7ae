import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../apps/api/src/routes/index.js';
import { SAMPLE, startApi } from './support/harness.js';
import { ENGINES, stopTestServer } from '../support/postgres.js';
import type { Harness, Tokens } from './support/harness.js';
import { objectionForm } from './support/fixtures.js';
import { sessionsLikeTokens } from './support/sessions.js';
import { publishedSample } from './support/uploads.js';

/**
 * Every route × every caller: no token, a forged token, and each role (with a second town and a second
 * enterprise for scope), each role once with a bearer token and once with a signed-in session (its
 * cookie, from our own origin), which must answer alike. The table below is the access rule, written out: a role the route does not
 * allow answers 403; a resource outside the caller's scope answers 404; writes are sent in a form that
 * is refused before anything changes, so the state is the same for every cell. A route missing from
 * the table fails the test, so a new route cannot ship without its row.
 */

type Caller = 'anonymous' | 'forged' | keyof Tokens;
const CALLERS: readonly Caller[] = [
  'anonymous',
  'forged',
  'admin',
  'tax',
  'statistics',
  'naturalResources',
  'power',
  'ecology',
  'town',
  'otherTown',
  'enterprise',
  'otherEnterprise',
];
const DEPARTMENTS = ['tax', 'statistics', 'power', 'ecology'] as const;

interface Fixture {
  evaluationId: string;
  objectionId: string;
  itemId: string;
  evidenceId: string;
}

interface Row {
  /** The request: path with its ids filled in, and what to send. */
  readonly request: (f: Fixture) => {
    path: string;
    body?: FormData | string;
    headers?: Record<string, string>;
  };
  /** Expected status per caller; callers not named expect `otherwise`. */
  readonly expect: Partial<Record<Caller, number>>;
  readonly otherwise: number;
  /**
   * For the routes whose meaning is the session itself (ending it), why the session walk is not the
   * token walk: what they do to a session is tested in sign-in.test.ts.
   */
  readonly sessionElsewhere?: string;
}

const everyDepartment = (status: number) =>
  Object.fromEntries([...DEPARTMENTS, 'naturalResources'].map((d) => [d, status]));
const unauthenticated = { anonymous: 401, forged: 401 } as const;
const json = (value: unknown) => ({
  body: JSON.stringify(value),
  headers: { 'content-type': 'application/json' },
});

const MATRIX: Readonly<Record<string, Row>> = {
  health: { request: () => ({ path: '/healthz' }), expect: {}, otherwise: 200 },
  ready: { request: () => ({ path: '/readyz' }), expect: {}, otherwise: 200 },
  getSession: {
    request: () => ({ path: '/v1/session' }),
    expect: { ...unauthenticated },
    otherwise: 200,
  },
  openapi: { request: () => ({ path: '/openapi.json' }), expect: {}, otherwise: 200 },
  getNextClass: {
    // As the enterprise's result: the bureau, its town and itself; another town or enterprise 404.
    request: (f) => ({ path: `/v1/evaluations/${f.evaluationId}/enterprises/${SAMPLE.floorD}/next-class` }),
    expect: { ...unauthenticated, ...everyDepartment(403), otherTown: 404, otherEnterprise: 404 },
    otherwise: 200,
  },
  getSelfCheck: {
    // Public once published: the method and the cohorts' benchmarks, the same for everyone.
    request: (f) => ({ path: `/v1/public/evaluations/${f.evaluationId}/self-check` }),
    expect: {},
    otherwise: 200,
  },
  reference: { request: () => ({ path: '/docs' }), expect: {}, otherwise: 200 },
  createEvaluation: {
    // An empty form: refused as invalid (400) before any grading.
    request: () => ({ path: '/v1/evaluations', body: new FormData() }),
    expect: { ...unauthenticated, admin: 400 },
    otherwise: 403,
  },
  listEvaluations: {
    request: () => ({ path: '/v1/evaluations' }),
    expect: { ...unauthenticated, ...everyDepartment(403) },
    otherwise: 200,
  },
  getEvaluation: {
    request: (f) => ({ path: `/v1/evaluations/${f.evaluationId}` }),
    expect: { ...unauthenticated, ...everyDepartment(403) },
    otherwise: 200,
  },
  listResults: {
    // An enterprise reads its own result, not the county's list.
    request: (f) => ({ path: `/v1/evaluations/${f.evaluationId}/results?q=%E5%8F%B0%E5%B7%9E&sort=total` }),
    expect: { ...unauthenticated, ...everyDepartment(403), enterprise: 403, otherEnterprise: 403 },
    otherwise: 200,
  },
  listResultIndicators: {
    request: (f) => ({ path: `/v1/evaluations/${f.evaluationId}/indicators` }),
    expect: { ...unauthenticated, ...everyDepartment(403), enterprise: 403, otherEnterprise: 403 },
    otherwise: 200,
  },
  exportResults: {
    request: (f) => ({ path: `/v1/evaluations/${f.evaluationId}/results/export?class=D` }),
    expect: { ...unauthenticated, ...everyDepartment(403), enterprise: 403, otherEnterprise: 403 },
    otherwise: 200,
  },
  getEnterpriseResult: {
    request: (f) => ({ path: `/v1/evaluations/${f.evaluationId}/enterprises/${SAMPLE.floorD}` }),
    expect: { ...unauthenticated, ...everyDepartment(403), otherTown: 404, otherEnterprise: 404 },
    otherwise: 200,
  },
  publishEvaluation: {
    // Already published: 409 for admin.
    request: (f) => ({ path: `/v1/evaluations/${f.evaluationId}/publication`, ...json({}) }),
    expect: { ...unauthenticated, admin: 409 },
    otherwise: 403,
  },
  withdrawPublication: {
    // The window has opened (the fixture's clock is inside it): 409 for admin.
    request: (f) => ({ path: `/v1/evaluations/${f.evaluationId}/publication/withdrawal`, ...json({}) }),
    expect: { ...unauthenticated, admin: 409 },
    otherwise: 403,
  },
  getPublication: {
    request: (f) => ({ path: `/v1/evaluations/${f.evaluationId}/publication` }),
    expect: { ...unauthenticated, ...everyDepartment(403) },
    otherwise: 200,
  },
  getPublishedSnapshot: {
    request: (f) => ({ path: `/v1/evaluations/${f.evaluationId}/publication/snapshot` }),
    expect: { ...unauthenticated, admin: 200 },
    otherwise: 403,
  },
  getFinalSnapshot: {
    request: (f) => ({ path: `/v1/evaluations/${f.evaluationId}/finalization/snapshot` }),
    expect: { ...unauthenticated, admin: 404 },
    otherwise: 403,
  },
  fileObjection: {
    // No Idempotency-Key: 400 for the roles that may file; a department may not.
    request: (f) => ({
      path: `/v1/evaluations/${f.evaluationId}/objections`,
      body: objectionForm({ reason: 'x', items: [{ field: 'tax', claimedValue: '1' }] }),
    }),
    expect: { ...unauthenticated, ...everyDepartment(403) },
    otherwise: 400,
  },
  listObjections: {
    request: (f) => ({ path: `/v1/evaluations/${f.evaluationId}/objections` }),
    expect: { ...unauthenticated },
    otherwise: 200,
  },
  getObjection: {
    request: (f) => ({ path: `/v1/objections/${f.objectionId}` }),
    expect: {
      ...unauthenticated,
      ...everyDepartment(404),
      naturalResources: 200,
      otherTown: 404,
      otherEnterprise: 404,
    },
    otherwise: 200,
  },
  getObjectionItemHistory: {
    // Whoever may read the item: its department (the land item: natural resources), the bureau, the
    // enterprise and its town.
    request: (f) => ({ path: `/v1/objections/${f.objectionId}/items/${f.itemId}/history` }),
    expect: {
      ...unauthenticated,
      ...everyDepartment(404),
      naturalResources: 200,
      otherTown: 404,
      otherEnterprise: 404,
    },
    otherwise: 200,
  },
  getObjectionReceipt: {
    // The filing's receipt: the enterprise, its town and the bureau; departments see items only.
    request: (f) => ({ path: `/v1/objections/${f.objectionId}/receipt` }),
    expect: { ...unauthenticated, ...everyDepartment(403), otherTown: 404, otherEnterprise: 404 },
    otherwise: 200,
  },
  getEvidence: {
    request: (f) => ({ path: `/v1/objections/${f.objectionId}/evidence/${f.evidenceId}` }),
    expect: {
      ...unauthenticated,
      ...everyDepartment(404),
      naturalResources: 200,
      otherTown: 404,
      otherEnterprise: 404,
    },
    otherwise: 200,
  },
  listReviewItems: {
    request: () => ({ path: '/v1/review-items' }),
    expect: { ...unauthenticated, admin: 200, ...everyDepartment(200) },
    otherwise: 403,
  },
  decideObjectionItem: {
    // No If-Match: 428 for the roles that may decide.
    request: (f) => ({
      path: `/v1/objections/${f.objectionId}/items/${f.itemId}/decision`,
      ...json({ decision: 'rejected', reason: 'x' }),
    }),
    expect: { ...unauthenticated, admin: 428, ...everyDepartment(428) },
    otherwise: 403,
  },
  recomputeEvaluation: {
    // The window is still open: 409.
    request: (f) => ({ path: `/v1/evaluations/${f.evaluationId}/recomputation` }),
    expect: { ...unauthenticated, admin: 409 },
    otherwise: 403,
  },
  getRecomputation: {
    request: (f) => ({ path: `/v1/evaluations/${f.evaluationId}/recomputation` }),
    expect: { ...unauthenticated, admin: 404 },
    otherwise: 403,
  },
  finalizeEvaluation: {
    // Not recomputed yet: 409.
    request: (f) => ({ path: `/v1/evaluations/${f.evaluationId}/finalization` }),
    expect: { ...unauthenticated, admin: 409 },
    otherwise: 403,
  },
  getResultWorkbook: {
    // Ranks and scores: the bureau's only.
    request: (f) => ({ path: `/v1/evaluations/${f.evaluationId}/workbook` }),
    expect: { ...unauthenticated, admin: 200 },
    otherwise: 403,
  },
  getPublicationList: {
    // The public notice: whoever reads the published results reads all of it, whatever their scope.
    request: (f) => ({ path: `/v1/evaluations/${f.evaluationId}/publication-list?format=html` }),
    expect: { ...unauthenticated, ...everyDepartment(403) },
    otherwise: 200,
  },
  getConfirmationSheets: {
    // 院桥镇's sheets: the bureau, the town, and its enterprise (its own sheet); another town or
    // enterprise: 404, as if it were not there.
    request: (f) => ({
      path: `/v1/evaluations/${f.evaluationId}/confirmations?town=${encodeURIComponent('院桥镇')}`,
    }),
    expect: { ...unauthenticated, ...everyDepartment(403), otherTown: 404, otherEnterprise: 404 },
    otherwise: 200,
  },
  getSummaryReport: {
    request: (f) => ({ path: `/v1/evaluations/${f.evaluationId}/summary` }),
    expect: { ...unauthenticated, admin: 200 },
    otherwise: 403,
  },
  getLowEfficiencyList: {
    request: (f) => ({ path: `/v1/evaluations/${f.evaluationId}/low-efficiency` }),
    expect: { ...unauthenticated, admin: 200, town: 200, otherTown: 200 },
    otherwise: 403,
  },
  getLandNotice: {
    request: (f) => ({ path: `/v1/evaluations/${f.evaluationId}/land-notice` }),
    expect: { ...unauthenticated, admin: 200, town: 200, otherTown: 200 },
    otherwise: 403,
  },
  getSurcharges: {
    // Admin and the power department only; the evaluation is published, not final: 409.
    request: (f) => ({ path: `/v1/evaluations/${f.evaluationId}/surcharges?docNo=x` }),
    expect: { ...unauthenticated, admin: 409, power: 409 },
    otherwise: 403,
  },
  postSimulation: {
    // The bureau's only: nothing is stored, but the method and the ranks are not for the others.
    request: (f) => ({
      path: `/v1/evaluations/${f.evaluationId}/simulation`,
      ...json({ scheme: 'reference' }),
    }),
    expect: { ...unauthenticated, admin: 200 },
    otherwise: 403,
  },
  saveProposal: {
    // No name: refused (400) before the scheme is read or anything saved.
    request: () => ({ path: '/v1/proposals', ...json({ scheme: 'reference' }) }),
    expect: { ...unauthenticated, admin: 400 },
    otherwise: 403,
  },
  listProposals: {
    request: () => ({ path: '/v1/proposals' }),
    expect: { ...unauthenticated, admin: 200 },
    otherwise: 403,
  },
  getProposal: {
    request: () => ({ path: '/v1/proposals/prop_none' }),
    expect: { ...unauthenticated, admin: 404 },
    otherwise: 403,
  },
  getEnterpriseHistory: {
    // No year of this store is final and none imported: nobody has a history yet (404), departments 403.
    request: () => ({ path: '/v1/enterprises/91331003MA20CKPQ23/history' }),
    expect: { ...unauthenticated, ...everyDepartment(403) },
    otherwise: 404,
  },
  getHistoryOverview: {
    request: () => ({ path: '/v1/history/overview' }),
    expect: { ...unauthenticated, admin: 200 },
    otherwise: 403,
  },
  listPastYears: {
    request: () => ({ path: '/v1/history/years' }),
    expect: { ...unauthenticated, admin: 200 },
    otherwise: 403,
  },
  getPastYearTemplate: {
    request: () => ({ path: '/v1/history/template' }),
    expect: { ...unauthenticated, admin: 200 },
    otherwise: 403,
  },
  putPastYear: {
    // An empty form: refused (400, no file) before anything is read.
    request: () => ({ path: '/v1/history/years/2022', body: new FormData() }),
    expect: { ...unauthenticated, admin: 400 },
    otherwise: 403,
  },
  createLedger: {
    // A threshold that is no number: refused (400) before any file is opened.
    request: (f) => ({ path: `/v1/evaluations/${f.evaluationId}/ledger`, ...json({ threshold: 'x' }) }),
    expect: { ...unauthenticated, admin: 400 },
    otherwise: 403,
  },
  getLedger: {
    // No ledger made yet: an empty one for the bureau and each town; departments and enterprises none.
    request: (f) => ({ path: `/v1/evaluations/${f.evaluationId}/ledger` }),
    expect: { ...unauthenticated, admin: 200, town: 200, otherTown: 200 },
    otherwise: 403,
  },
  getLedgerWorkbook: {
    request: (f) => ({ path: `/v1/evaluations/${f.evaluationId}/ledger/workbook` }),
    expect: { ...unauthenticated, admin: 200, town: 200, otherTown: 200 },
    otherwise: 403,
  },
  getLedgerFile: {
    request: () => ({ path: '/v1/ledger-files/led_none' }),
    expect: { ...unauthenticated, admin: 404, town: 404, otherTown: 404 },
    otherwise: 403,
  },
  putLedgerFile: {
    // Towns keep the files: no such file is 404 for them; the bureau reads only (403).
    request: () => ({
      path: '/v1/ledger-files/led_none',
      ...json({ measures: [], responsible: null, deadline: null, status: 'pending', outcome: null }),
    }),
    expect: { ...unauthenticated, town: 404, otherTown: 404 },
    otherwise: 403,
  },
  postLedgerNote: {
    request: () => {
      const form = new FormData();
      form.append('note', '走访');
      return { path: '/v1/ledger-files/led_none/notes', body: form };
    },
    expect: { ...unauthenticated, town: 404, otherTown: 404 },
    otherwise: 403,
  },
  getLedgerAttachment: {
    request: () => ({ path: '/v1/ledger-files/led_none/attachments/att_none' }),
    expect: { ...unauthenticated, admin: 404, town: 404, otherTown: 404 },
    otherwise: 403,
  },
  listAudit: {
    request: () => ({ path: '/v1/audit' }),
    expect: { ...unauthenticated, admin: 200 },
    otherwise: 403,
  },
  getCalendar: {
    request: () => ({ path: '/v1/calendar' }),
    expect: { ...unauthenticated, admin: 200 },
    otherwise: 403,
  },
  putCalendarYear: {
    // An empty arrangement: refused as invalid (400) before anything is entered.
    request: () => ({ path: '/v1/calendar/2027', ...json({}) }),
    expect: { ...unauthenticated, admin: 400 },
    otherwise: 403,
  },
  // Sign-in routes are public and authenticate by what they are sent: an empty body is 400 for anyone.
  signIn: { request: () => ({ path: '/v1/auth/sign-in', ...json({}) }), expect: {}, otherwise: 400 },
  changePassword: { request: () => ({ path: '/v1/auth/password', ...json({}) }), expect: {}, otherwise: 400 },
  activateAccount: {
    request: () => ({ path: '/v1/auth/activate', ...json({}) }),
    expect: {},
    otherwise: 400,
  },
  enrollTotp: { request: () => ({ path: '/v1/auth/totp/enroll', ...json({}) }), expect: {}, otherwise: 400 },
  confirmTotp: {
    request: () => ({ path: '/v1/auth/totp/confirm', ...json({}) }),
    expect: {},
    otherwise: 400,
  },
  // Single sign-on: public, the same for every caller. This harness has none configured, so its two
  // routes answer 404 (the flow against a real provider is oidc-sign-in.test.ts).
  getSignInMethods: { request: () => ({ path: '/v1/auth/methods' }), expect: {}, otherwise: 200 },
  startOidcSignIn: { request: () => ({ path: '/v1/auth/oidc/start' }), expect: {}, otherwise: 404 },
  finishOidcSignIn: {
    request: () => ({ path: '/v1/auth/oidc/callback?code=x&state=y' }),
    expect: {},
    otherwise: 404,
  },
  // Without a session cookie there is nothing to end: 204 whoever calls. With one, it ends it.
  signOut: {
    request: () => ({ path: '/v1/auth/sign-out' }),
    expect: {},
    otherwise: 204,
    sessionElsewhere: 'ends the session',
  },
  signOutEverywhere: {
    // A token is not a session: 400 not-a-session. A session is ended, with every other of its account.
    request: () => ({ path: '/v1/auth/sign-out-everywhere' }),
    expect: { ...unauthenticated },
    otherwise: 400,
    sessionElsewhere: 'ends every session of the account',
  },
  unlockAccount: {
    // No such account and no lock: 404 for the bureau; a town only for its own enterprises (404).
    request: () => ({ path: '/v1/accounts/nobody/unlock' }),
    expect: { ...unauthenticated, admin: 404, town: 404, otherTown: 404 },
    otherwise: 403,
  },
  issueActivationCodes: {
    // An empty town: refused as invalid (400) before any code is issued.
    request: (f) => ({ path: `/v1/evaluations/${f.evaluationId}/activation-codes?town=` }),
    expect: { ...unauthenticated, admin: 400 },
    otherwise: 403,
  },
  reissueActivationCode: {
    // An enterprise not in the evaluation: 404 for those who may reissue.
    request: (f) => ({ path: `/v1/evaluations/${f.evaluationId}/enterprises/X/activation-code` }),
    expect: { ...unauthenticated, admin: 404, town: 404, otherTown: 404 },
    otherwise: 403,
  },
  getActivationStatus: {
    request: (f) => ({ path: `/v1/evaluations/${f.evaluationId}/activation-status` }),
    expect: { ...unauthenticated, admin: 200, town: 200, otherTown: 200 },
    otherwise: 403,
  },
  listStaffAccounts: {
    request: () => ({ path: '/v1/accounts' }),
    expect: { ...unauthenticated, admin: 200 },
    otherwise: 403,
  },
  createStaffAccount: {
    // No role: refused as invalid (400) before any account is made.
    request: () => ({ path: '/v1/accounts', ...json({ username: 'matrix' }) }),
    expect: { ...unauthenticated, admin: 400 },
    otherwise: 403,
  },
  disableStaffAccount: {
    request: () => ({ path: '/v1/accounts/nobody/disable' }),
    expect: { ...unauthenticated, admin: 404 },
    otherwise: 403,
  },
  listApiTokens: {
    request: () => ({ path: '/v1/tokens' }),
    expect: { ...unauthenticated, admin: 200 },
    otherwise: 403,
  },
  createApiToken: {
    request: () => ({ path: '/v1/tokens', ...json({ role: 'town' }) }),
    expect: { ...unauthenticated, admin: 400 },
    otherwise: 403,
  },
  revokeApiToken: {
    request: () => ({ path: '/v1/tokens/tok_none/revoke' }),
    expect: { ...unauthenticated, admin: 404 },
    otherwise: 403,
  },
};

describe.each(ENGINES)('every route with every role (%s)', (engine) => {
  let h: Harness;
  let sessions: Record<keyof Tokens, string>;
  const fixture: Fixture = { evaluationId: '', objectionId: '', itemId: '', evidenceId: '' };

  beforeAll(async () => {
    // The day before the 公示 date: a publication may not start in the past.
    h = await startApi({ engine, now: '2025-06-02T02:00:00.000Z' });
    fixture.evaluationId = await publishedSample(h, { file: 'sample.csv' });
    const filed = await h.api.call('post', '/v1/evaluations/{id}/objections', {
      token: h.tokens.enterprise,
      params: { id: fixture.evaluationId },
      headers: { 'idempotency-key': 'matrix' },
      body: objectionForm({ reason: '用地面积有误', items: [{ field: 'landAreaMu', claimedValue: '30' }] }),
    });
    if (filed.status !== 201) throw new Error(`setup: ${filed.text}`);
    fixture.objectionId = filed.body.id;
    fixture.itemId = filed.body.items[0]?.id ?? '';
    fixture.evidenceId = filed.body.evidence[0]?.id ?? '';
    sessions = await sessionsLikeTokens(h);
  }, 120_000);
  afterAll(async () => {
    await h.close();
  });

  it('has a row for every route, and only for routes that exist', () => {
    expect(Object.keys(MATRIX).sort()).toEqual(ROUTES.map((route) => route.operationId).sort());
  });

  for (const route of ROUTES) {
    it(`${route.method.toUpperCase()} ${route.path}`, async () => {
      const row = MATRIX[route.operationId];
      if (row === undefined) throw new Error(`no matrix row for ${route.operationId}`);
      const auditBefore = await h.store.listAudit({}, { limit: 100 });
      const seen: Partial<Record<Caller, number>> = {};
      const wanted: Partial<Record<Caller, number>> = {};
      for (const caller of CALLERS) {
        const request = row.request(fixture);
        const headers: Record<string, string> = { ...request.headers };
        if (caller === 'forged') headers['authorization'] = `Bearer mjt_${'A'.repeat(43)}`;
        else if (caller !== 'anonymous') headers['authorization'] = `Bearer ${h.tokens[caller]}`;
        const response = await fetch(`${h.base}${request.path}`, {
          method: route.method.toUpperCase(),
          headers,
          ...(request.body === undefined ? {} : { body: request.body }),
        });
        await response.arrayBuffer();
        seen[caller] = response.status;
        wanted[caller] = row.expect[caller] ?? row.otherwise;
        if (response.status >= 400)
          expect(response.headers.get('content-type')).toContain('application/problem+json');
      }
      expect(seen).toEqual(wanted);
      // The same walk with a session per role: the same answers (the cookie from our own page).
      if (row.sessionElsewhere === undefined) {
        const bySession: Partial<Record<Caller, number>> = {};
        for (const caller of CALLERS) {
          if (caller === 'anonymous' || caller === 'forged') continue;
          const request = row.request(fixture);
          const response = await fetch(`${h.base}${request.path}`, {
            method: route.method.toUpperCase(),
            headers: { ...request.headers, cookie: sessions[caller], origin: h.base },
            ...(request.body === undefined ? {} : { body: request.body }),
          });
          await response.arrayBuffer();
          bySession[caller] = response.status;
        }
        const byToken = Object.fromEntries(
          Object.entries(seen).filter(([caller]) => caller !== 'anonymous' && caller !== 'forged'),
        );
        expect(bySession).toEqual(byToken);
      }
      // Nothing in the walk changed the state.
      expect((await h.store.listAudit({}, { limit: 100 })).items).toHaveLength(auditBefore.items.length);
    });
  }
});

afterAll(async () => {
  await stopTestServer();
});
