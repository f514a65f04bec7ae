import type { AnyRoute } from '../http/route.js';
import { ACTIVATION_ROUTES } from './activation.js';
import { ADMIN_ACCOUNT_ROUTES } from './admin-accounts.js';
import { AUDIT_ROUTES } from './audit.js';
import { CALENDAR_ROUTES } from './calendar.js';
import { AUTH_ROUTES } from './auth.js';
import { DOC_ROUTES } from './docs.js';
import { EVALUATION_ROUTES } from './evaluations.js';
import { health, ready } from './health.js';
import { OBJECTION_ROUTES } from './objections.js';
import { OIDC_ROUTES } from './oidc.js';
import { PUBLICATION_ROUTES } from './publication.js';
import { PUBLICATIONS_ROUTES } from './publications.js';
import { getObjectionReceipt } from './receipt.js';
import { RECOMPUTE_ROUTES } from './recompute.js';
import { REPORT_ROUTES } from './reports.js';
import { RESULT_ROUTES } from './results.js';
import { REVIEW_ROUTES } from './review.js';
import { getNextClass } from './next-class.js';
import { getSelfCheck } from './self-check.js';
import { getSession } from './session.js';
import { HISTORY_ROUTES } from './history.js';
import { LEDGER_ROUTES } from './ledger.js';
import { SIMULATION_ROUTES } from './simulation.js';
import { SURCHARGE_ROUTES } from './surcharges.js';

/** Every route of the API, in the order the document lists them. */
export const ROUTES: readonly AnyRoute[] = [
  health,
  ready,
  getSession,
  ...AUTH_ROUTES,
  ...OIDC_ROUTES,
  ...ACTIVATION_ROUTES,
  ...ADMIN_ACCOUNT_ROUTES,
  ...EVALUATION_ROUTES,
  ...RESULT_ROUTES,
  getNextClass,
  ...PUBLICATION_ROUTES,
  ...CALENDAR_ROUTES,
  ...OBJECTION_ROUTES,
  getObjectionReceipt,
  ...REVIEW_ROUTES,
  ...RECOMPUTE_ROUTES,
  ...REPORT_ROUTES,
  ...PUBLICATIONS_ROUTES,
  ...SURCHARGE_ROUTES,
  ...SIMULATION_ROUTES,
  ...HISTORY_ROUTES,
  ...LEDGER_ROUTES,
  ...AUDIT_ROUTES,
  getSelfCheck,
  ...DOC_ROUTES,
];
