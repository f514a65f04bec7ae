// Generated from apps/api/openapi.json by openapi-typescript (pnpm --filter @mujun/api openapi).
// Do not edit: change the zod schemas in apps/api/src/schemas/ and regenerate.
export interface paths {
  '/healthz': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Liveness and the running version
     * @description Public.
     */
    get: operations['health'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/readyz': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Readiness: store reachable and migrated
     * @description Public.
     */
    get: operations['ready'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/session': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Who the caller is (session or token): role and scope, and the fields an objection may contest
     * @description What the web pages (`/app/`) read to learn whether they are signed in (401 if not) and to show the caller’s side: the role, its department, town or enterprise code (and the enterprise’s name), and the contestable fields with their Chinese headers.
     *
     *     Roles: admin, department, town, enterprise.
     */
    get: operations['getSession'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/sign-in': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign in with an account and password (and 动态口令 for administrators): a session cookie
     * @description Answers 204 with the session cookie. The session ends after MUJUN_SESSION_IDLE_MINUTES (30) without a request and MUJUN_SESSION_MAX_HOURS (12) after sign-in. A wrong password and an unknown account get the same 401 sign-in-failed, after the same work. MUJUN_LOCKOUT_FAILURES (5) failures within MUJUN_LOCKOUT_MINUTES (15) lock the account name for as long: 429 with Retry-After, the right password refused until then. 403 password-change-required: a temporary password, to be changed through /v1/auth/password first. Administrators: 403 totp-enrolment-required until they enrol (/v1/auth/totp/enroll), then 401 otp-required or otp-invalid without a right `otp`. A request whose Origin is another site’s is refused (403 cross-site-request), as on every credential route.
     *
     *     Public.
     */
    post: operations['signIn'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/sign-out': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign out: the session ends on the server and the cookie is cleared
     * @description Without a live session, it only clears the cookie. From another site: 403. A session signed in by single sign-on, when the provider’s discovery names an end_session_endpoint, is ended here and answered 200 with that address (RP-initiated logout: id_token_hint, post_logout_redirect_uri /app/), for the page to send the browser there, so that the next single sign-on asks again.
     *
     *     Public.
     */
    post: operations['signOut'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/sign-out-everywhere': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign out every session of the signed-in account, on every device
     * @description For a session only: a bearer token answers 400 not-a-session (tokens are revoked instead).
     *
     *     Roles: admin, department, town, enterprise.
     */
    post: operations['signOutEverywhere'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Change a password (the current one proves it), e.g. a temporary one before first sign-in
     * @description Signed in: the session’s account; otherwise `account` names it. The current password is checked and throttled as at sign-in. The new one: at least 8 characters from 3 of upper, lower, digit, symbol, not containing the account name (422 weak-password says which rule). Every session of the account then ends: sign in again with the new password.
     *
     *     Public.
     */
    post: operations['changePassword'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/activate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Activate an enterprise’s account with its code and a password of its choosing
     * @description The code is one-time and expires (MUJUN_ACTIVATION_DAYS, 60); a reissued code replaces the old. A wrong code counts as a failed sign-in of the enterprise (and locks it likewise). Activating again with a new code sets a new password (the way back from a forgotten one).
     *
     *     Public.
     */
    post: operations['activateAccount'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/totp/enroll': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Start binding an authenticator app (TOTP): a new secret and its otpauth URI
     * @description Proved by the account’s password (and, to replace a confirmed authenticator, its current `otp`). The secret works once confirmed with a first code (/v1/auth/totp/confirm).
     *
     *     Public.
     */
    post: operations['enrollTotp'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/totp/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Confirm the authenticator with its first code: 10 recovery codes, shown once
     * @description Public.
     */
    post: operations['confirmTotp'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/accounts/{account}/unlock': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Lift the lock that failed sign-ins put on an account
     * @description The bureau any account name; a town its own enterprises only, with an account or not yet (those it is graded under in some evaluation); others: 404. Answers 204 whether or not the account was locked; 404 for a name with neither an account nor a lock.
     *
     *     Roles: admin, town.
     */
    post: operations['unlockAccount'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/methods': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * How one may sign in here: password always, single sign-on when configured
     * @description The sign-in page offers the single sign-on button (labelled by MUJUN_OIDC_LABEL, 政务服务账号登录 by default) only when MUJUN_OIDC_ISSUER and MUJUN_OIDC_CLIENT_ID are set.
     *
     *     Public.
     */
    get: operations['getSignInMethods'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/oidc/start': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Begin single sign-on: to the identity provider, with state, nonce and a PKCE challenge
     * @description A browser navigation, not a call: answers 303 to the provider’s authorization endpoint. The state, nonce and PKCE verifier stay on the server, under the SHA-256 of a random secret the browser holds in the cookie mujun_oidc (HttpOnly; SameSite=Lax, since the provider sends the browser back by a cross-site navigation; Path=/v1/auth/oidc; 10 minutes). 404 when single sign-on is not configured; 503 when the provider cannot be reached.
     *
     *     Public.
     */
    get: operations['startOidcSignIn'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/oidc/callback': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Where the identity provider sends the browser back: the account its claim names is signed in
     * @description The flow this browser started (its mujun_oidc cookie) is used once; `state` must be its state; the code is exchanged with the PKCE verifier and the ID token checked (signature, issuer, audience, expiry, nonce). The claim MUJUN_OIDC_USCC_CLAIM (uscc) names an enterprise account by its 统一社会信用代码, otherwise MUJUN_OIDC_USERNAME_CLAIM (preferred_username) a staff account by its username; the account must exist here, not be disabled, and not be locked by failed sign-ins (a locked account is locked whatever the door, until the lock runs out or is lifted). Administrators are refused: they sign in with password and 动态口令. Signed in: 303 to /app/ with the same session cookie as a password sign-in, audited as a sign-in with method oidc. Whatever the outcome, the mujun_oidc cookie is cleared (a second Set-Cookie, Max-Age=0). Refused: 303 to /app/?sso=<reason> (expired, state-mismatch, denied, failed, no-account, locked, admin), where the sign-in page says why in Chinese; the refusal is audited, and does not count towards the password lockout.
     *
     *     Public.
     */
    get: operations['finishOidcSignIn'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/evaluations/{id}/activation-codes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Issue activation codes for every enterprise not yet activated: a workbook, a sheet per town
     * @description One code per enterprise of the evaluation (of one town with `town`), 10 characters XXXXX-XXXXX of an unambiguous alphabet, valid MUJUN_ACTIVATION_DAYS (60) days; each replaces the enterprise’s previous code. Enterprises already activated get none. The workbook (统一社会信用代码, 企业名称, 乡镇街道, 激活码, 有效期至) and, with format=zip, the 一企一单 sheets of those enterprises with each one’s code printed on its sheet (one printable HTML per town, beside the workbook) are the only places the codes appear: the store keeps salted SHA-256, so they cannot be printed later.
     *
     *     Roles: admin.
     */
    post: operations['issueActivationCodes'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/evaluations/{id}/enterprises/{uscc}/activation-code': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * A new activation code for one enterprise (the old one stops working)
     * @description The bureau, or the enterprise’s town. Also the way back from a forgotten password: activating with the new code sets a new password. Shown once.
     *
     *     Roles: admin, town.
     */
    post: operations['reissueActivationCode'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/evaluations/{id}/activation-status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Which enterprises have activated their accounts, by town (activated / not yet / locked)
     * @description The bureau every town (or one with `town`); a town its own enterprises only.
     *
     *     Roles: admin, town.
     */
    get: operations['getActivationStatus'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/accounts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Staff accounts (admin, department, town) with roles, scopes and state
     * @description Enterprise accounts are followed by evaluation on the activation status instead.
     *
     *     Roles: admin.
     */
    get: operations['listStaffAccounts'];
    put?: never;
    /**
     * A staff account with a temporary password (shown once, changed at first sign-in)
     * @description A department account names its department, a town account its town. Enterprises activate their own accounts with a code. 409 when the username is taken.
     *
     *     Roles: admin.
     */
    post: operations['createStaffAccount'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/accounts/{account}/disable': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Disable an account: it can no longer sign in, and its sessions end
     * @description 409 for one’s own account (signed in), and for the last admin account able to sign in: the bureau cannot shut itself out.
     *
     *     Roles: admin.
     */
    post: operations['disableStaffAccount'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/tokens': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * API tokens for machine clients, with role, scope and whether revoked (never the token)
     * @description Roles: admin.
     */
    get: operations['listApiTokens'];
    put?: never;
    /**
     * A bearer token for a machine client (shown once; the store keeps its hash)
     * @description Roles: admin.
     */
    post: operations['createApiToken'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/tokens/{id}/revoke': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Revoke a token: it stops working at once
     * @description 404 when no live token has this id.
     *
     *     Roles: admin.
     */
    post: operations['revokeApiToken'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/evaluations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List evaluations
     * @description Admin sees drafts too; towns and enterprises see published ones.
     *
     *     Roles: admin, town, enterprise.
     */
    get: operations['listEvaluations'];
    put?: never;
    /**
     * Upload a year’s data and grade it as a draft
     * @description Reads the CSV/XLSX files as `mujun grade` does (told by content, merged by 统一社会信用代码), validates every cell, and grades them under the scheme. Invalid data is a 422 problem whose `issues` list every bad cell (file, sheet, row, column, cell, value, reason); nothing is stored then. A valid upload is kept as a draft, visible only to admin. At most 10 files of 50 MB each and 100 MB in all: a declared Content-Length over that is refused with 413 before the body is read.
     *
     *     Roles: admin.
     */
    post: operations['createEvaluation'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/evaluations/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One evaluation: state, counts, benchmarks, 公示 window
     * @description Roles: admin, town, enterprise.
     */
    get: operations['getEvaluation'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/evaluations/{id}/results': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Results, searched, filtered and sorted, a page at a time
     * @description Rows without the trace. `q` finds a fragment of the name or code; cohort, class, status, town and industry narrow the list; without `sort`, the grading’s order (each cohort by rank, then the exempt, then the out-of-scope), else by rank, total, name, code or an indicator’s value, `order` asc or desc. `total` counts every match. A town sees its enterprises only; an enterprise reads its own result, not the list (403). Admin reads the latest grading; towns the published one until the final result replaces it.
     *
     *     Roles: admin, town.
     */
    get: operations['listResults'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/evaluations/{id}/indicators': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The indicators the results list may be sorted by
     * @description Every indicator of the evaluation’s scheme once, in the order of its cohorts (the columns of the exported list): the `sort` keys of `GET /v1/evaluations/{id}/results` beside rank, total, name and code. The same for every caller, whichever enterprises its rows show.
     *
     *     Roles: admin, town.
     */
    get: operations['listResultIndicators'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/evaluations/{id}/results/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The searched, filtered and sorted results list as a workbook (XLSX)
     * @description The rows `GET /v1/evaluations/{id}/results` lists for the same query, every page, one sheet: rank, code, name, town, industry, status, cohort, each indicator’s value, bonus, penalty, total and classes, as numeric cells. A town exports its enterprises only. The file name carries the year and the grading (草稿, 公示, 复核后, 定稿).
     *
     *     Roles: admin, town.
     */
    get: operations['exportResults'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/evaluations/{id}/enterprises/{uscc}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One enterprise’s result with its trace
     * @description The full result with every step of "why": indicator formulas and scores, bonus and penalty items, rank, band and each override with its reason. Immutable once written: a strong ETag, and 304 for If-None-Match.
     *
     *     Roles: admin, town, enterprise.
     */
    get: operations['getEnterpriseResult'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/evaluations/{id}/enterprises/{uscc}/next-class': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * How a rated enterprise moves up a class, exactly
     * @description The smallest increase of 税收 (万元, to 0.01) which, with every other figure of every enterprise unchanged and the cohort graded again (benchmarks, missing-data means, ranks, bands and overrides), gives the enterprise a better final class, and the class it reaches; the same for 工业增加值 and a reduction of 用地面积 where the method reads them; the gap to the lowest total inside the better band. Of the grading the caller reads. 404 for an enterprise not rated.
     *
     *     Roles: admin, town, enterprise.
     */
    get: operations['getNextClass'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/evaluations/{id}/publication': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The 公示: date, window and snapshot ETag
     * @description Roles: admin, town, enterprise.
     */
    get: operations['getPublication'];
    put?: never;
    /**
     * Publish a draft: open the 5-working-day 公示 window
     * @description Day 1 is `date` (default: today in Asia/Shanghai) if it is a working day, else the next one; the window closes at 24:00 Asia/Shanghai at the end of day 5, by the State Council holiday calendar (make-up working days included), with the years the bureau entered (PUT /v1/calendar/{year}) merged over the bundled ones. A date the calendar does not cover is a 422, and so is a date before today in Asia/Shanghai (its window would have opened before the list was out). The results become an immutable snapshot with a strong ETag.
     *
     *     Roles: admin.
     */
    post: operations['publishEvaluation'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/evaluations/{id}/publication/withdrawal': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Withdraw a publication before its window’s first day: the evaluation is a draft again
     * @description Only before the first day of the 公示 window (Asia/Shanghai, the server’s clock): nobody can have filed an objection yet. The publication is removed and the evaluation is a draft again, to be published anew; the audit trail keeps both steps. 409 invalid-state once the window has opened.
     *
     *     Roles: admin.
     */
    post: operations['withdrawPublication'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/evaluations/{id}/publication/snapshot': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The published results as one immutable document (strong ETag)
     * @description Roles: admin.
     */
    get: operations['getPublishedSnapshot'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/evaluations/{id}/finalization/snapshot': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The final results as one immutable document (strong ETag)
     * @description Roles: admin.
     */
    get: operations['getFinalSnapshot'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/calendar': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The holiday calendar the 公示 window is computed with: bundled and entered years
     * @description Every year the calendar decides, ascending: the bundled State Council notices (the default) and the arrangements the bureau entered (PUT /v1/calendar/{year}), an entered year taking the place of a bundled one of the same year.
     *
     *     Roles: admin.
     */
    get: operations['getCalendar'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/calendar/{year}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Enter (or replace) a year’s holiday arrangement from the State Council’s notice
     * @description So that a 公示 in a year the bundled calendar does not cover (2027 once its notice is out) gets its window, or a notice amended after the release is followed. The body is one year of the bundled file’s shape, checked by the same schema together with the rest of the calendar (every festival once, `days` equal to the range, make-up days on weekends, no date both off and worked, a 元旦 reaching back into December at most from the 25th): 422 listing every problem. Entering a year: no If-Match, 201. Replacing an entered year: If-Match with its version (428 without, 412 when stale), 200. Publications already made keep the window they were given. Audited (entity calendar-year).
     *
     *     Roles: admin.
     */
    put: operations['putCalendarYear'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/evaluations/{id}/objections': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Objections to an evaluation, as the caller may see them
     * @description Admin: all. A town: its enterprises’. An enterprise: its own. A department: those with items routed to it (only those items).
     *
     *     Roles: admin, department, town, enterprise.
     */
    get: operations['listObjections'];
    put?: never;
    /**
     * File an objection (异议) while the 公示 window is open
     * @description By the enterprise itself, or by its town on its behalf. Multipart: `objection` (JSON: contested fields with claimed values, and a reason) and 1–10 `evidence` files, PDF, JPEG or PNG by content (the name and Content-Type are ignored), ≤ 10 MB each. Requires Idempotency-Key. Each item is routed to the department that owns its figure. Late (window closed) is 409 window-closed; another enterprise’s code from an enterprise token is 403 wrong-enterprise; an oversized file is 413; evidence that would pass the quota of the enterprise in this evaluation (100 MB by default) or of the evaluation (5 GB) is 413 evidence-quota. Files are stored and served under the extension of the type their bytes are (`../../x.html` that is a PDF becomes `x.pdf`).
     *
     *     Roles: admin, town, enterprise.
     */
    post: operations['fileObjection'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/objections/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One objection with its items’ status
     * @description Roles: admin, department, town, enterprise.
     */
    get: operations['getObjection'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/objections/{id}/evidence/{evidenceId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * An evidence file, as filed
     * @description Roles: admin, department, town, enterprise.
     */
    get: operations['getEvidence'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/objections/{id}/receipt': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The printable receipt of an objection (异议申诉受理回执, HTML)
     * @description The receipt number, the time filed, the enterprise, each contested figure with the value claimed, and every evidence file with its size and SHA-256. For whoever may read the whole objection: the enterprise, its town and the bureau (a department sees items, not the filing: 403).
     *
     *     Roles: admin, town, enterprise.
     */
    get: operations['getObjectionReceipt'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/review-items': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Objection items to review: a department’s own, or all for admin
     * @description Roles: admin, department.
     */
    get: operations['listReviewItems'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/objections/{id}/items/{itemId}/decision': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Uphold (with the corrected value) or reject (with a reason) one item
     * @description Only the department the item is routed to (or admin), while the evaluation is published. Requires If-Match with the item’s version: 428 without it, 412 when another decision came first. A decision may be revised (with the new version) until the evaluation is recomputed.
     *
     *     Roles: admin, department.
     */
    put: operations['decideObjectionItem'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/objections/{id}/items/{itemId}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One item’s history from the audit trail: filed, routed, decided (and revised), recomputed, final
     * @description Each event with its time, who acted (by role) and a Chinese sentence with the values and the reason. For whoever may read the item: the department it is routed to, the bureau, and the enterprise and its town.
     *
     *     Roles: admin, department, town, enterprise.
     */
    get: operations['getObjectionItemHistory'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/evaluations/{id}/recomputation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The recomputation’s diff
     * @description Roles: admin.
     */
    get: operations['getRecomputation'];
    put?: never;
    /**
     * Recompute the cohorts with the upheld corrections, and show who moved and why
     * @description Once the 公示 window has closed and every objection item is decided: the upheld corrected values replace the contested figures, the whole evaluation is graded again under the same scheme (benchmarks and ranks depend on everyone), and the diff lists every enterprise whose class, score or rank changed.
     *
     *     Roles: admin.
     */
    post: operations['recomputeEvaluation'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/evaluations/{id}/finalization': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Finalize: freeze the recomputed result
     * @description After this, objections, decisions and recomputation answer 409 final; towns and enterprises read the final result.
     *
     *     Roles: admin.
     */
    post: operations['finalizeEvaluation'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/evaluations/{id}/workbook': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The result workbook (XLSX), as `mujun grade --out result.xlsx` writes it
     * @description One sheet per cohort by rank, with each indicator’s value, benchmark and score, the bonus and penalty items, total, band and final class and every override’s reason, as numeric cells with the method’s decimals; then the enterprises not rated with the reason. Of the latest grading: the initial one (draft or published), the recomputed one once there is one (recomputed or final). Ranks and scores: the bureau’s only.
     *
     *     Roles: admin.
     */
    get: operations['getResultWorkbook'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/evaluations/{id}/publication-list': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The 公示 list by class (XLSX or the printable page), as `mujun publish` writes it
     * @description Each cohort’s enterprises by final class, names and towns only, 排名不分先后: no rank, no score; with the appendices of exempt enterprises (and why) and of protected ones. It is the notice the county posts, so whoever may read the published results reads all of it: the bureau, and towns and enterprises, as a notice of the whole county rather than of their own scope. Of the grading the caller reads: the published one, then the final one; the bureau also the recomputed one before finalization (the final list to be). 409 invalid-state for a draft (towns and enterprises see no drafts: 404).
     *
     *     Roles: admin, town, enterprise.
     */
    get: operations['getPublicationList'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/evaluations/{id}/confirmations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The 一企一单 confirmation sheets (printable HTML), as `mujun publish` writes them
     * @description One A4 sheet per enterprise: its figures as entered, each indicator’s value and score, the bonus and penalty items, total and class, for the enterprise to confirm. `uscc`: one enterprise; `town`: every enterprise of the town in one document; neither: the bureau’s whole county. An enterprise reads its own sheet only, a town its own enterprises; another code or town is 404, as if it did not exist. Of the grading the caller reads.
     *
     *     Roles: admin, town, enterprise.
     */
    get: operations['getConfirmationSheets'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/evaluations/{id}/summary': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The 评价汇总 (XLSX, or the page with its charts), as `mujun publish` writes it
     * @description Class counts and shares by cohort, town and industry, each indicator’s county figures, and the spread of 亩均税收 by town; the page draws them as charts, with the low-efficiency line (`lowThreshold`, default 1 万元/亩). The bureau’s: of the latest grading.
     *
     *     Roles: admin.
     */
    get: operations['getSummaryReport'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/evaluations/{id}/low-efficiency': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The 低效企业 screening list (XLSX), as `mujun publish` writes it
     * @description The rated enterprises whose 亩均税收 is under `threshold` 万元/亩 (default 1), by town. The bureau reads the county; a town its own enterprises only. Of the grading the caller reads.
     *
     *     Roles: admin, town.
     */
    get: operations['getLowEfficiencyList'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/evaluations/{id}/land-notice': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The 用地面积公示 (XLSX), as `mujun publish` writes it
     * @description Each enterprise’s land area as graded (亩), by town with totals, for the land each is judged on to be seen. The bureau reads the county; a town its own enterprises only.
     *
     *     Roles: admin, town.
     */
    get: operations['getLandNotice'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/evaluations/{id}/surcharges': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The 差别化电价 list of a final evaluation, as data, CSV, XLSX or the publication page
     * @description Prices each enterprise’s final class for the evaluation’s data year (`year`, given at upload) with the scheme’s policy table, one row per power account (电力户号), with no stacking over an existing surcharge, as `mujun surcharges` does. Consecutive D years come from the final results of the final evaluation of each earlier year in the store (the last finalized when a year has several; a year without one breaks every run); the execution period starts on the first of the month after the finalization date (Asia/Shanghai); the diff (新增 / 移出 / 加价变化) is against the list of the previous year’s final evaluation, when there is one, under its own scheme. `docNo` is the 依据文号 the rows carry: the list’s own decision, issued after finalization, so it is asked for here rather than stored with the evaluation. 409 when the evaluation is not final (problem type invalid-state), was uploaded without a year (no-data-year), or its scheme has no electricity price policy (no-surcharge-policy). `format` picks the body: JSON (the schema below), CSV for the grid company (UTF-8 with BOM, the §10 Chinese headers and 备注), XLSX, or the HTML publication page.
     *
     *     Roles: admin, department (power only).
     */
    get: operations['getSurcharges'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/evaluations/{id}/simulation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Grade the evaluation’s data under a proposed method and compare it with the method in force
     * @description The evaluation’s records (with the upheld corrections once recomputed) graded under its own scheme and, independently, under the proposed one (a preset id or a scheme document as JSON text; 422 invalid-scheme listing every problem, or the records’ issues when the proposal needs a figure they lack): every enterprise under both (final class, total, rank), the class movement matrix, who moves and by which rule (scope, cohort, band, override; read from both traces), the distributions by town and GB/T 4754 大类, and the 差别化电价 impact (newly surcharged and relieved enterprises and power accounts, the surcharge at the data year’s electricity use; runs of D years from the earlier final evaluations). Nothing is stored. `format`: JSON, the workbook or the printable page.
     *
     *     Roles: admin.
     */
    post: operations['postSimulation'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/proposals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The saved proposed methods, newest first
     * @description Roles: admin.
     */
    get: operations['listProposals'];
    put?: never;
    /**
     * Save a proposed method, so the bureau can come back to it
     * @description A name, an optional note, and the proposed scheme as the simulation takes it (a preset id or the scheme document as JSON text), checked as the simulation checks it (422 invalid-scheme listing every problem). Kept as given; audited (entity proposal). The simulation page lists the saved proposals and runs one again on any evaluation.
     *
     *     Roles: admin.
     */
    post: operations['saveProposal'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/proposals/{proposalId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One saved proposed method, with its scheme as given
     * @description Roles: admin.
     */
    get: operations['getProposal'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/enterprises/{uscc}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * An enterprise’s classes, totals, ranks and indicator values across every finalized year
     * @description Every year with a final evaluation in the store (of a year finalized twice, the later; its recomputed results) and every imported past year (a year in both is the evaluation’s): class, total, rank with the number rated and the rank as a percentile, 亩均税收 and the indicator values; and the run of consecutive D years ending with the latest year, counted as the 差别化电价 list counts it. An enterprise sees its own only, a town its own enterprises (by the latest year’s town); else 404.
     *
     *     Roles: admin, town, enterprise.
     */
    get: operations['getEnterpriseHistory'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/history/overview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Year over year: class counts by town or industry, and D-year streaks, for every year
     * @description For each year with a final evaluation or an imported past year, oldest first: the class counts of the county and of each town (`by=town`) or GB/T 4754 大类 (`by=industry`), and how many enterprises are in their 2nd or later consecutive D year.
     *
     *     Roles: admin.
     */
    get: operations['getHistoryOverview'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/history/years': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The past years imported from spreadsheets
     * @description Roles: admin.
     */
    get: operations['listPastYears'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/history/template': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The simple template for importing a past year (XLSX)
     * @description An empty workbook with the simple template’s header (统一社会信用代码, 企业名称, 评价年度, 所属乡镇街道, 行业代码, 最终类别, 综合得分, 排名, 参评企业数, 亩均税收(万元/亩)) on sheet 往年评价结果, codes and names formatted as text, and what goes in each column on sheet 填写说明. Filled in, it is taken by PUT /v1/history/years/{year} as it is.
     *
     *     Roles: admin.
     */
    get: operations['getPastYearTemplate'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/history/years/{year}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Import (or replace) a past year’s results from a spreadsheet
     * @description A year evaluated before the system, from the county’s own spreadsheet: the result workbook’s columns (排名, 统一社会信用代码, 企业名称, 所属乡镇街道, 行业代码, 亩均税收(…), 总分, 最终类别; one sheet) or the simple template (统一社会信用代码, 企业名称, 评价年度, 所属乡镇街道, 行业代码, 最终类别, 综合得分, 排名, 参评企业数, 亩均税收). Every bad cell is listed at once (422 `issues`: row, column, value, reason) and nothing is stored; a valid file replaces every row of the year. Audited (entity past-year).
     *
     *     Roles: admin.
     */
    put: operations['putPastYear'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/evaluations/{id}/ledger': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The evaluation’s 一企一档 files, with progress by town and measure and next year’s class
     * @description The bureau reads every file, a town its own enterprises’ only. Beside each file, the enterprise in the first final evaluation of a later year: moved-up (off the screening list by the same line), still-below, exited (not in it), not-rated; pending until such a year is final. `criteria` is null until the bureau creates the ledger.
     *
     *     Roles: admin, town.
     */
    get: operations['getLedger'];
    put?: never;
    /**
     * Open a 一企一档 file for each enterprise of the 低效企业 screening list
     * @description From the evaluation’s results once published (the recomputed ones once there are): every rated enterprise whose 亩均税收 is under `threshold` 万元/亩 (tax < threshold × land, exactly) and, with `classD` (default), every one of final class D. Files already there are kept as they are, so the bureau may run it again with another line to add enterprises. A draft is 409. Audited (entity ledger, and ledger-file per file).
     *
     *     Roles: admin.
     */
    post: operations['createLedger'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/evaluations/{id}/ledger/workbook': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The 一企一档 ledger as the county’s workbook (XLSX)
     * @description Sheets 整改台账 (a row per file: measures, responsible person, deadline, status, outcome, the latest progress note, next year’s class), 按乡镇进展, 按措施进展 and 整改记录 (every note with its attachments’ names). Every text a town typed is a string cell, never a formula. The bureau’s is the county’s; a town’s holds its own files.
     *
     *     Roles: admin, town.
     */
    get: operations['getLedgerWorkbook'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/ledger-files/{fileId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One enterprise’s 一企一档 file, with its notes and next year’s class
     * @description The bureau any file, a town its own enterprises’ (else 404). ETag: the file’s version.
     *
     *     Roles: admin, town.
     */
    get: operations['getLedgerFile'];
    /**
     * The town sets a file’s measures, responsible person, deadline, status and outcome
     * @description The whole of the town’s part, replaced; measures are 帮扶提升, 限期整改, 要素倒逼, 税务辅导 or the county’s own words. If-Match with the version read (428 without, 412 when another change came first). Only the enterprise’s own town (another town: 404; the bureau reads, it does not keep files: 403). Audited with before and after.
     *
     *     Roles: town.
     */
    put: operations['putLedgerFile'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/ledger-files/{fileId}/notes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * The town adds a progress note, with attachments, to a file
     * @description Multipart: `note` (1–2000 字) and 0–5 `attachment` files, PDF, JPEG or PNG by content (name and Content-Type ignored), ≤ 10 MB each, hashed (SHA-256) and stored under the extension of their type; a file’s attachments together at most the per-enterprise evidence quota (100 MB by default: 413 evidence-quota). If-Match with the file’s version: a note moves it on, so the same note sent twice is 412 the second time. Audited.
     *
     *     Roles: town.
     */
    post: operations['postLedgerNote'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/ledger-files/{fileId}/attachments/{attachmentId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * An attachment of a progress note, as uploaded
     * @description Roles: admin, town.
     */
    get: operations['getLedgerAttachment'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The audit trail: every state change with actor, time, before and after
     * @description Append-only (the database refuses updates and deletes). Oldest first; filter by entity and id.
     *
     *     Roles: admin.
     */
    get: operations['listAudit'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/public/evaluations/{id}/self-check': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A published evaluation’s method and benchmarks, for anyone to score their own figures
     * @description No sign-in. Once the evaluation is published: its scheme, and per cohort the published benchmarks and the score an indicator that does not apply gets (the cohort mean), from the published grading (the final one once final). Nothing of any one enterprise. A draft or an unknown id answers 404. The page /check/{id} scores typed-in figures against it in the browser with the same scoring library.
     *
     *     Public.
     */
    get: operations['getSelfCheck'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/openapi.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * This API’s OpenAPI 3.1 document
     * @description Public.
     */
    get: operations['openapi'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/docs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The API reference as a page to read
     * @description Public.
     */
    get: operations['reference'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    SignIn: {
      /**
       * @description a staff username, or an enterprise’s 统一社会信用代码
       * @example zhangsan
       */
      account: string;
      password: string;
      /** @description administrators: the 6-digit TOTP code (动态口令), or a recovery code XXXXX-XXXXX */
      otp?: string;
    };
    PasswordChange: {
      /** @description required when not signed in (a temporary password being replaced) */
      account?: string;
      currentPassword: string;
      /** @description at least 8 characters from 3 of upper, lower, digit, symbol; not containing the account name */
      newPassword: string;
    };
    Activation: {
      uscc: components['schemas']['Uscc'];
      /** @description the activation code, e.g. 4KX7M-QH2RT (dashes optional) */
      code: string;
      password: string;
    };
    /**
     * @description 统一社会信用代码
     * @example 91331003MA209HKA5H
     */
    Uscc: string;
    NewStaffAccount: {
      /** @enum {string} */
      role: 'admin' | 'department' | 'town';
      username: string;
      /** @enum {string} */
      department?: 'tax' | 'statistics' | 'natural-resources' | 'power' | 'ecology';
      town?: string;
    };
    NewApiToken: {
      /** @enum {string} */
      role: 'admin' | 'department' | 'town' | 'enterprise';
      /** @enum {string} */
      department?: 'tax' | 'statistics' | 'natural-resources' | 'power' | 'ecology';
      town?: string;
      uscc?: string;
      label?: string;
    };
    PublishRequest: {
      /**
       * Format: date
       * @description the publication date; default today in Asia/Shanghai
       */
      date?: string;
    };
    /** @description One year’s holiday arrangement as the State Council’s notice gives it: the notice(s), and each festival’s days off (from–to, `days` the notice’s 共N天) and weekend make-up working days (调休上班). The same schema as the bundled calendar file (packages/calendar/src/data/cn-holidays.json). */
    CalendarYear: {
      year: number;
      notices: {
        number: string;
        title: string;
        issued: string;
        source?: string;
        amends?: string;
        verify?: boolean;
        note?: string;
      }[];
      holidays: {
        names: ('元旦' | '春节' | '清明节' | '劳动节' | '端午节' | '中秋节' | '国庆节')[];
        from: string;
        to: string;
        days: number;
        makeUp: string[];
        notice: string;
        amendedBy?: string;
        verify?: boolean;
        note?: string;
      }[];
    };
    NewObjection: {
      /** @description the enterprise; an enterprise token may leave it out */
      uscc?: components['schemas']['Uscc'];
      reason: string;
      items: {
        field: components['schemas']['ContestableField'];
        claimedValue: components['schemas']['ContestedValue'];
      }[];
    };
    /**
     * @description a figure or bonus/penalty input of the data dictionary; each figure is routed to the department that owns it, the bonus and penalty inputs (highTech, specialized, emergencySupplier, keyChainLink, subletTenants) to the bureau
     * @enum {string}
     */
    ContestableField:
      | 'tax'
      | 'addedValue'
      | 'revenue'
      | 'employees'
      | 'energyTce'
      | 'rdExpense'
      | 'exportValue'
      | 'emissionsTon'
      | 'electricityKwh'
      | 'landAreaMu'
      | 'highTech'
      | 'specialized'
      | 'emergencySupplier'
      | 'keyChainLink'
      | 'subletTenants';
    /**
     * @description a value in the form its field takes (see ValueKind); checked against the field: 422
     * @example 16.2
     * @example true
     * @example province
     * @example 2
     */
    ContestedValue: string;
    Decision:
      | {
          /** @constant */
          decision: 'upheld';
          /** @description the verified value (may differ from the claim) */
          correctedValue: components['schemas']['ContestedValue'];
          reason?: string;
        }
      | {
          /** @constant */
          decision: 'rejected';
          reason: string;
        };
    SimulationRequest: {
      /** @description the proposed method: a preset id (reference, huangyan-2022, shandong-2022) or a scheme document as JSON text (`extends` a preset allowed) */
      scheme: string;
    };
    NewProposal: {
      name: string;
      note?: string | null;
      /** @description the proposed method: a preset id (reference, huangyan-2022, shandong-2022) or a scheme document as JSON text (`extends` a preset allowed) */
      scheme: string;
    };
    CreateLedger: {
      /**
       * Format: decimal
       * @description 亩均税收 line in 万元/亩: a rated enterprise below it gets a file
       * @example 1356.8
       */
      threshold: components['schemas']['Decimal'];
      /**
       * @description also every enterprise whose final class is D (default true)
       * @default true
       */
      classD: boolean;
    };
    /**
     * Format: decimal
     * @example 1356.8
     */
    Decimal: string;
    LedgerEdit: {
      /** @description the measures: 帮扶提升、限期整改、要素倒逼、税务辅导 or the county’s own (≤ 50 字) */
      measures: string[];
      /** @description 责任人 */
      responsible: string | null;
      /** @description 整改期限 */
      deadline: string | null;
      /**
       * @description pending 未开始, in_progress 整改中, completed 已完成
       * @enum {string}
       */
      status: 'pending' | 'in_progress' | 'completed';
      /** @description 整改成效 */
      outcome: string | null;
    };
    Problem: {
      type: string;
      title: string;
      status: number;
      detail: string;
      instance?: string;
      traceId?: string;
      errors?: {
        /** @description JSON Pointer (RFC 6901) into the request, as `#/path` */
        pointer: string;
        /** @description what is wrong there, in Chinese */
        detail: string;
        /** @description a stable code for machines, where the problem has one (e.g. make-up-weekday) */
        code?: string;
      }[];
      issues?: components['schemas']['DataIssue'][];
    } & {
      [key: string]: unknown;
    };
    DataIssue: {
      file?: string;
      sheet?: string;
      row: number;
      /** @description the English key of the column */
      column: string;
      header?: string;
      /** @description Excel reference such as F12 */
      cell?: string;
      value: string;
      reason: string;
    };
    Session: {
      /** @enum {string} */
      role: 'admin' | 'department' | 'town' | 'enterprise';
      /** @enum {string} */
      department?: 'tax' | 'statistics' | 'natural-resources' | 'power' | 'ecology';
      /** @description the department in Chinese, e.g. 税务 */
      departmentLabel?: string;
      town?: string;
      uscc?: components['schemas']['Uscc'];
      /** @description an enterprise’s name as its latest evaluation lists it; absent before it was ever graded */
      name?: string;
      /** @description the figures and bonus/penalty inputs an objection may contest, and who reviews each */
      contestableFields: {
        /** @enum {string} */
        field:
          | 'tax'
          | 'addedValue'
          | 'revenue'
          | 'employees'
          | 'energyTce'
          | 'rdExpense'
          | 'exportValue'
          | 'emissionsTon'
          | 'electricityKwh'
          | 'landAreaMu'
          | 'highTech'
          | 'specialized'
          | 'emergencySupplier'
          | 'keyChainLink'
          | 'subletTenants';
        /** @description the data dictionary’s Chinese header */
        header: string;
        /**
         * @description figure (decimal), flag (true/false), specialized (none/province/national), count
         * @enum {string}
         */
        kind: 'figure' | 'flag' | 'specialized' | 'count';
        /** @enum {string} */
        department: 'tax' | 'statistics' | 'natural-resources' | 'power' | 'ecology' | 'bureau';
        /** @description who reviews it, in Chinese: 税务部门, 经信局 */
        reviewerName: string;
        nonNegative: boolean;
      }[];
    };
    SignedOut: {
      /**
       * Format: uri
       * @description the identity provider’s end_session_endpoint (with id_token_hint and post_logout_redirect_uri): the page navigates there so the provider ends its own session, and comes back to /app/
       */
      endSession: string;
    };
    TotpEnrolment: {
      /** @description base32, for typing into an authenticator app */
      secret: string;
      /** @description otpauth://totp/… for a QR code */
      otpauthUri: string;
    };
    RecoveryCodes: {
      /** @description 10 single-use codes for when the phone is lost: shown once, stored hashed */
      recoveryCodes: string[];
    };
    SignInMethods: {
      /**
       * @description account and password (always offered)
       * @constant
       */
      password: true;
      /** @description OpenID Connect single sign-on, when configured; null otherwise */
      sso: {
        /** @example 政务服务账号登录 */
        label: string;
        /**
         * @description where the browser goes to begin
         * @example /v1/auth/oidc/start
         */
        start: string;
      } | null;
    };
    ReissuedCode: {
      uscc: components['schemas']['Uscc'];
      name: string;
      town: string | null;
      /** @description shown once; the previous code no longer works */
      code: string;
      /**
       * Format: date-time
       * @description An ISO 8601 instant
       */
      expiresAt: string;
    };
    ActivationStatus: {
      towns: {
        town: string | null;
        activated: number;
        notYet: number;
        locked: number;
        enterprises: {
          uscc: components['schemas']['Uscc'];
          name: string;
          /** @enum {string} */
          status: 'activated' | 'not-yet' | 'locked';
          /** @description of the live code, if any */
          codeExpiresAt: string | null;
        }[];
      }[];
    };
    StaffAccountList: {
      data: components['schemas']['StaffAccount'][];
      next_cursor: string | null;
    };
    StaffAccount: {
      name: string;
      /** @enum {string} */
      role: 'admin' | 'department' | 'town';
      department: ('tax' | 'statistics' | 'natural-resources' | 'power' | 'ecology') | null;
      town: string | null;
      /** @description a temporary password not yet changed */
      mustChange: boolean;
      /** @description an authenticator is bound */
      totp: boolean;
      /**
       * Format: date-time
       * @description An ISO 8601 instant
       */
      createdAt: string;
      disabledAt: string | null;
    };
    CreatedStaffAccount: {
      name: string;
      /** @description shown once; must be changed at first sign-in */
      temporaryPassword: string;
    };
    ApiTokenList: {
      data: components['schemas']['ApiToken'][];
      next_cursor: string | null;
    };
    ApiToken: {
      id: string;
      /** @enum {string} */
      role: 'admin' | 'department' | 'town' | 'enterprise';
      department: ('tax' | 'statistics' | 'natural-resources' | 'power' | 'ecology') | null;
      town: string | null;
      uscc: string | null;
      label: string;
      /**
       * Format: date-time
       * @description An ISO 8601 instant
       */
      createdAt: string;
      revokedAt: string | null;
    };
    CreatedApiToken: {
      id: string;
      /** @description the bearer token: shown once, never stored */
      token: string;
      /** @enum {string} */
      role: 'admin' | 'department' | 'town' | 'enterprise';
    };
    Evaluation: {
      id: string;
      name: string;
      /** @description 评价年度, the data year graded (e.g. 2025); null when the upload did not give one */
      year: number | null;
      state: components['schemas']['EvaluationState'];
      version: number;
      scheme: {
        id: string;
        name: string;
      };
      /**
       * Format: date-time
       * @description An ISO 8601 instant
       */
      createdAt: string;
      enterprises: number;
      summary: components['schemas']['GradingSummary'];
      publication: components['schemas']['Publication'] | null;
      recomputedAt: string | null;
      finalizedAt: string | null;
      finalEtag: string | null;
      /**
       * Format: date
       * @description the server’s date in Asia/Shanghai when it answered (reads of the evaluation): with the window, whether the 公示 has yet to open, is open or has closed
       */
      today?: string;
    };
    /**
     * @description draft → published (公示 window) → recomputed (objections decided) → final (frozen)
     * @enum {string}
     */
    EvaluationState: 'draft' | 'published' | 'recomputed' | 'final';
    GradingSummary: {
      counts: {
        rated: number;
        exempt: number;
        outOfScope: number;
      };
      cohorts: {
        [key: string]: {
          id: string;
          label: string;
          rated: number;
          benchmarks: {
            [key: string]: components['schemas']['Decimal'] | null;
          };
          bandLimits: {
            [key: string]: number;
          };
          bandCounts: {
            [key: string]: number;
          };
          finalCounts: {
            [key: string]: number;
          };
        };
      };
      warnings: string[];
    };
    Publication: {
      evaluationId: string;
      /**
       * Format: date
       * @description A day in Asia/Shanghai, YYYY-MM-DD
       */
      publishedOn: string;
      /**
       * Format: date-time
       * @description An ISO 8601 instant
       */
      publishedAt: string;
      window: {
        workingDays: number;
        /**
         * Format: date
         * @description A day in Asia/Shanghai, YYYY-MM-DD
         */
        firstDay: string;
        /**
         * Format: date
         * @description A day in Asia/Shanghai, YYYY-MM-DD
         */
        lastDay: string;
        days: string[];
        /**
         * Format: date-time
         * @description An ISO 8601 instant
         */
        opensAt: string;
        /**
         * Format: date-time
         * @description 24:00 Asia/Shanghai at the end of the last working day
         */
        closesAt: string;
      };
      /** @description the strong ETag of the published snapshot */
      snapshotEtag: string;
    };
    EvaluationsPage: {
      data: components['schemas']['Evaluation'][];
      /** @description null on the last page */
      next_cursor: string | null;
    };
    ResultsPage: {
      data: components['schemas']['ResultSummary'][];
      /** @description null on the last page */
      next_cursor: string | null;
      /** @description how many results match the query, over every page */
      total: number;
    };
    ResultSummary: {
      uscc: components['schemas']['Uscc'];
      name: string;
      /** @enum {string} */
      scale: 'above' | 'below';
      town: string | null;
      park: string | null;
      industryCode: string | null;
      industryName: string | null;
      /** @enum {string} */
      status: 'rated' | 'exempt' | 'out_of_scope';
      cohort: string | null;
      indicators: {
        [key: string]: {
          label: string;
          unit: string;
          value: components['schemas']['Decimal'] | null;
          applicable: boolean;
          benchmark: components['schemas']['Decimal'] | null;
          weight: components['schemas']['Decimal'];
          score: components['schemas']['Decimal'];
        };
      };
      bonusItems: {
        id: string;
        label: string;
        points: components['schemas']['Decimal'];
        classShift?: number;
      }[];
      bonus: components['schemas']['Decimal'] | null;
      penaltyItems: {
        id: string;
        label: string;
        points: components['schemas']['Decimal'];
        classShift?: number;
      }[];
      penalty: components['schemas']['Decimal'] | null;
      totalScore: components['schemas']['Decimal'] | null;
      rank: number | null;
      bandClass: string | null;
      finalClass: string | null;
      finalClassLabel: string | null;
      overrides: {
        step: string;
        label: string;
        from: string;
        to: string;
        reason: string;
      }[];
    };
    ResultIndicators: {
      indicators: {
        /** @description the value `sort` takes, e.g. taxPerMu */
        key: string;
        /** @description its Chinese name, e.g. 亩均税收 */
        label: string;
        /** @description e.g. 万元/亩; empty for a ratio */
        unit: string;
      }[];
    };
    EnterpriseResult: {
      uscc: components['schemas']['Uscc'];
      name: string;
      /** @enum {string} */
      scale: 'above' | 'below';
      town: string | null;
      park: string | null;
      industryCode: string | null;
      industryName: string | null;
      /** @enum {string} */
      status: 'rated' | 'exempt' | 'out_of_scope';
      cohort: string | null;
      indicators: {
        [key: string]: {
          label: string;
          unit: string;
          value: components['schemas']['Decimal'] | null;
          applicable: boolean;
          benchmark: components['schemas']['Decimal'] | null;
          weight: components['schemas']['Decimal'];
          score: components['schemas']['Decimal'];
        };
      };
      bonusItems: {
        id: string;
        label: string;
        points: components['schemas']['Decimal'];
        classShift?: number;
      }[];
      bonus: components['schemas']['Decimal'] | null;
      penaltyItems: {
        id: string;
        label: string;
        points: components['schemas']['Decimal'];
        classShift?: number;
      }[];
      penalty: components['schemas']['Decimal'] | null;
      totalScore: components['schemas']['Decimal'] | null;
      rank: number | null;
      bandClass: string | null;
      finalClass: string | null;
      finalClassLabel: string | null;
      overrides: {
        step: string;
        label: string;
        from: string;
        to: string;
        reason: string;
      }[];
      trace: components['schemas']['TraceEntry'][];
    };
    /** @description one line of "why": the rule, what it compared, what it decided */
    TraceEntry:
      | {
          /** @constant */
          rule: 'scope';
          /** @enum {string} */
          status: 'rated' | 'exempt' | 'out_of_scope';
          ruleId: string | null;
          detail: string;
        }
      | {
          /** @constant */
          rule: 'cohort';
          cohort: string;
          detail: string;
        }
      | {
          /** @constant */
          rule: 'indicator';
          indicator: string;
          applicable: boolean;
          score: components['schemas']['Decimal'];
          detail: string;
        }
      | {
          /** @constant */
          rule: 'bonus';
          item: string;
          points: components['schemas']['Decimal'];
          detail: string;
        }
      | {
          /** @constant */
          rule: 'bonusCap';
          cap: components['schemas']['Decimal'];
          detail: string;
        }
      | {
          /** @constant */
          rule: 'penalty';
          item: string;
          points: components['schemas']['Decimal'];
          detail: string;
        }
      | {
          /** @constant */
          rule: 'penaltyCap';
          cap: components['schemas']['Decimal'];
          detail: string;
        }
      | {
          /** @constant */
          rule: 'total';
          totalScore: components['schemas']['Decimal'];
          detail: string;
        }
      | {
          /** @constant */
          rule: 'rank';
          rank: number;
          of: number;
          detail: string;
        }
      | {
          /** @constant */
          rule: 'band';
          class: string;
          detail: string;
        }
      | {
          /** @constant */
          rule: 'override';
          step: string;
          from: string;
          to: string;
          detail: string;
        }
      | {
          /** @constant */
          rule: 'final';
          class: string | null;
          detail: string;
        };
    NextClass: {
      /** @description null when no change of its own figures moves it up (already in the top class, or capped by a veto) */
      toNextClass: {
        class: string | null;
        taxIncrease: components['schemas']['Decimal'] | null;
        taxPerMuIncrease: components['schemas']['Decimal'] | null;
        addedValueIncrease: {
          class: string;
          change: components['schemas']['Decimal'];
        } | null;
        landReduction: {
          class: string;
          change: components['schemas']['Decimal'];
        } | null;
        scoreGap: components['schemas']['Decimal'] | null;
        /** @description null when every search finished; else a Chinese sentence naming the figures whose search ran out of its bounded computation (their answers are null, which then does not mean "no change can") */
        unanswered: string | null;
      } | null;
    };
    Snapshot: {
      evaluationId: string;
      /** @enum {string} */
      phase: 'published' | 'final';
      results: components['schemas']['EnterpriseResult'][];
    };
    CalendarListing: {
      /** @constant */
      timeZone: 'Asia/Shanghai';
      /** @description every year the calendar decides, ascending */
      years: components['schemas']['CalendarYearEntry'][];
    };
    CalendarYearEntry: {
      year: number;
      /**
       * @description bundled: from the calendar shipped with mujun; entered: by the bureau (PUT)
       * @enum {string}
       */
      source: 'bundled' | 'entered';
      /** @description entered for a year the bundled calendar also has */
      replacesBundled: boolean;
      /** @description of an entered year: send it as If-Match to replace */
      version: number | null;
      enteredAt: string | null;
      /** @description the token id that entered it */
      enteredBy: string | null;
      arrangement: components['schemas']['CalendarYear'];
    };
    Objection: {
      id: string;
      /** @description 受理回执编号: YY, the year filed (Asia/Shanghai) and the filing sequence, e.g. YY2025-000123 */
      receiptNo: string;
      evaluationId: string;
      uscc: components['schemas']['Uscc'];
      name: string;
      town: string | null;
      reason: string;
      /**
       * Format: date-time
       * @description An ISO 8601 instant
       */
      filedAt: string;
      /** @enum {string} */
      filedBy: 'admin' | 'town' | 'enterprise';
      /**
       * @description decided once every item is upheld or rejected
       * @enum {string}
       */
      status: 'under_review' | 'decided';
      items: components['schemas']['ObjectionItem'][];
      evidence: components['schemas']['Evidence'][];
    };
    ObjectionItem: {
      id: string;
      field: components['schemas']['ContestableField'];
      header: string;
      kind: components['schemas']['ValueKind'];
      department: components['schemas']['Reviewer'];
      /** @description the value as graded when the objection was filed */
      currentValue: components['schemas']['ContestedValue'] | null;
      claimedValue: components['schemas']['ContestedValue'];
      /** @enum {string} */
      status: 'pending' | 'upheld' | 'rejected';
      correctedValue: components['schemas']['ContestedValue'] | null;
      decisionReason: string | null;
      decidedAt: string | null;
      /** @description send as If-Match: "<version>" to decide */
      version: number;
    };
    /**
     * @description how the field’s values are written: `figure` a decimal string; `flag` `true`/`false`; `specialized` `none`/`province`/`national`; `count` a whole number ≥ 0
     * @enum {string}
     */
    ValueKind: 'figure' | 'flag' | 'specialized' | 'count';
    /**
     * @description who reviews an item: the department that owns the figure, or `bureau` (admin)
     * @enum {string}
     */
    Reviewer: 'tax' | 'statistics' | 'natural-resources' | 'power' | 'ecology' | 'bureau';
    Evidence: {
      id: string;
      filename: string;
      /** @enum {string} */
      mediaType: 'application/pdf' | 'image/jpeg' | 'image/png';
      size: number;
      sha256: string;
    };
    ObjectionsPage: {
      data: components['schemas']['Objection'][];
      /** @description null on the last page */
      next_cursor: string | null;
    };
    ReviewItemsPage: {
      data: components['schemas']['ReviewItem'][];
      /** @description null on the last page */
      next_cursor: string | null;
    };
    ReviewItem: {
      id: string;
      field: components['schemas']['ContestableField'];
      header: string;
      kind: components['schemas']['ValueKind'];
      department: components['schemas']['Reviewer'];
      /** @description the value as graded when the objection was filed */
      currentValue: components['schemas']['ContestedValue'] | null;
      claimedValue: components['schemas']['ContestedValue'];
      /** @enum {string} */
      status: 'pending' | 'upheld' | 'rejected';
      correctedValue: components['schemas']['ContestedValue'] | null;
      decisionReason: string | null;
      decidedAt: string | null;
      /** @description send as If-Match: "<version>" to decide */
      version: number;
      objectionId: string;
      evaluationId: string;
      uscc: components['schemas']['Uscc'];
      name: string;
      /** @description the last day of the 公示 window (Asia/Shanghai) the objection was filed in: the bureau recomputes once it has passed and every item is decided */
      windowLastDay: string | null;
    };
    /** @description oldest first, from the audit trail */
    ItemHistory: {
      data: components['schemas']['ItemEvent'][];
    };
    ItemEvent: {
      /**
       * Format: date-time
       * @description An ISO 8601 instant
       */
      at: string;
      /** @enum {string} */
      kind: 'filed' | 'routed' | 'decided' | 'revised' | 'recomputed' | 'finalized';
      /** @enum {string} */
      by: 'admin' | 'department' | 'town' | 'enterprise' | 'system';
      /** @description what happened, in a Chinese sentence */
      text: string;
    };
    Recomputation: {
      evaluationId: string;
      /**
       * Format: date-time
       * @description An ISO 8601 instant
       */
      recomputedAt: string;
      /** @description upheld objection items applied */
      corrections: number;
      /** @description per cohort, the benchmarks that changed */
      benchmarks: {
        [key: string]: {
          [key: string]: {
            before: components['schemas']['Decimal'] | null;
            after: components['schemas']['Decimal'] | null;
          };
        };
      };
      /** @description every enterprise corrected, or whose class, rank or cohort changed; movers first */
      changes: {
        uscc: components['schemas']['Uscc'];
        name: string;
        town: string | null;
        cohortBefore: string | null;
        cohortAfter: string | null;
        classBefore: string | null;
        classAfter: string | null;
        scoreBefore: components['schemas']['Decimal'] | null;
        scoreAfter: components['schemas']['Decimal'] | null;
        rankBefore: number | null;
        rankAfter: number | null;
        movedClass: boolean;
        /** @description the upheld corrections to this enterprise */
        corrections: {
          field: string;
          header: string;
          /** @enum {string} */
          department: 'tax' | 'statistics' | 'natural-resources' | 'power' | 'ecology' | 'bureau';
          from: components['schemas']['ContestedValue'] | null;
          to: components['schemas']['ContestedValue'];
          objectionId: string;
          itemId: string;
        }[];
        /** @description why it changed, in a clerk’s words */
        why: string[];
      }[];
      /** @description how many other enterprises’ scores moved with their cohort’s benchmarks while class and rank stayed */
      scoreOnly: number;
      summary: components['schemas']['GradingSummary'];
    };
    SurchargeList: {
      evaluationId: string;
      /** @description 评价年度: the evaluation’s data year */
      year: number;
      scheme: {
        id: string;
        name: string;
      };
      /** @description 差别化电价 */
      label: string;
      /** @description 元/kWh */
      unit: string;
      priceDecimals: number;
      policyClasses: {
        id: string;
        label: string;
        tiers: string;
      }[];
      policySources: string[];
      /** @description the class whose consecutive years are counted (D) */
      worstClass: string;
      /**
       * Format: date
       * @description the finalization date in Asia/Shanghai
       */
      publishedOn: string;
      period: {
        /**
         * Format: date
         * @description A day in Asia/Shanghai, YYYY-MM-DD
         */
        start: string;
        /**
         * Format: date
         * @description A day in Asia/Shanghai, YYYY-MM-DD
         */
        end: string;
      };
      documentNumber: string;
      rows: components['schemas']['SurchargeRow'][];
      enterprises: {
        uscc: components['schemas']['Uscc'];
        name: string;
        industryCode: string | null;
        industry: string;
        town: string;
        class: string;
        /** @description years in its class in a row, this year included */
        consecutiveYears: number;
        accounts: string[];
        price: components['schemas']['Decimal'];
        policyPrice: components['schemas']['Decimal'];
        existingPrice: components['schemas']['Decimal'] | null;
        /**
         * @description which surcharge is executed: this policy’s, or the higher one already paid
         * @enum {string}
         */
        basis: 'policy' | 'existing';
        /** @description not surcharged under this policy last year */
        newlySurcharged: boolean;
      }[];
      newIndustries: {
        /** @description GB/T 4754 大类, e.g. C33; null when unspecified */
        code: string | null;
        label: string;
        enterprises: {
          uscc: components['schemas']['Uscc'];
          name: string;
          town: string;
          industryCode: string | null;
          class: string;
          price: components['schemas']['Decimal'];
        }[];
        prices: components['schemas']['Decimal'][];
      }[];
      /** @description against the list of the previous year’s final evaluation; null when there is none */
      diff: {
        /** @description 新增 */
        added: {
          uscc: components['schemas']['Uscc'];
          name: string;
          account: string;
          price: components['schemas']['Decimal'];
        }[];
        /** @description 移出 */
        removed: {
          uscc: components['schemas']['Uscc'];
          name: string;
          account: string;
          price: components['schemas']['Decimal'];
        }[];
        /** @description 加价变化 */
        changed: {
          uscc: components['schemas']['Uscc'];
          name: string;
          account: string;
          from: components['schemas']['Decimal'];
          to: components['schemas']['Decimal'];
        }[];
        unchanged: number;
      } | null;
      warnings: string[];
      /** @description where the class history and last year’s list came from */
      sources: {
        /** @description the earlier years’ final evaluations the class history was taken from, newest first */
        history: {
          year: number;
          evaluationId: string;
        }[];
        /** @description the previous year’s final evaluation, whose list the diff compares with */
        previous: {
          year: number;
          evaluationId: string;
        } | null;
      };
    };
    /** @description one power account (电力户号) of one surcharged enterprise */
    SurchargeRow: {
      uscc: components['schemas']['Uscc'];
      name: string;
      /** @description 电力户号; empty when the record names none (see noAccount) */
      account: string;
      noAccount: boolean;
      /** @description 行业: the industry name, else its code */
      industry: string;
      town: string;
      /** @description 评价年度 */
      year: number;
      /** @description 类别, the final class */
      class: string;
      /** @description 连续D类年数: years in the worst class in a row, this year included; 0 for others */
      consecutiveDYears: number;
      /** @description 加价标准 executed: the higher of the policy’s and the existing one */
      price: components['schemas']['Decimal'];
      policyPrice: components['schemas']['Decimal'];
      existingPrice: components['schemas']['Decimal'] | null;
      /**
       * @description which surcharge is executed: this policy’s, or the higher one already paid
       * @enum {string}
       */
      basis: 'policy' | 'existing';
      /**
       * Format: date
       * @description 执行起始日期
       */
      start: string;
      /**
       * Format: date
       * @description 执行截止日期
       */
      end: string;
      /** @description 依据文号 */
      documentNumber: string;
      /** @description 备注: no stacking, a missing power account */
      note: string;
    };
    Simulation: {
      evaluationId: string;
      current: {
        id: string;
        name: string;
      };
      proposed: {
        id: string;
        name: string;
      };
      year: number | null;
      classOrder: string[];
      matrix: {
        [key: string]: {
          [key: string]: number;
        };
      };
      totals: {
        enterprises: number;
        moved: number;
        up: number;
        down: number;
        changed: number;
        same: number;
      };
      byRule: {
        /** @enum {string} */
        rule: 'scope' | 'cohort' | 'band' | 'override';
        label: string;
        enterprises: number;
      }[];
      byTown: {
        group: string;
        enterprises: number;
        current: {
          [key: string]: number;
        };
        proposed: {
          [key: string]: number;
        };
        up: number;
        down: number;
        changed: number;
      }[];
      byIndustry: {
        group: string;
        enterprises: number;
        current: {
          [key: string]: number;
        };
        proposed: {
          [key: string]: number;
        };
        up: number;
        down: number;
        changed: number;
      }[];
      surcharges: {
        label: string;
        unit: string;
        priceDecimals: number;
        currentPolicy: string;
        proposedPolicy: string;
        current: {
          enterprises: number;
          accounts: number;
          amount: components['schemas']['Decimal'];
          withoutUse: number;
        };
        proposed: {
          enterprises: number;
          accounts: number;
          amount: components['schemas']['Decimal'];
          withoutUse: number;
        };
        newlySurcharged: {
          uscc: components['schemas']['Uscc'];
          name: string;
          town: string | null;
          accounts: string[];
          currentClass: string | null;
          proposedClass: string | null;
          currentPrice: components['schemas']['Decimal'];
          proposedPrice: components['schemas']['Decimal'];
          electricityKwh: components['schemas']['Decimal'] | null;
          currentAmount: components['schemas']['Decimal'] | null;
          proposedAmount: components['schemas']['Decimal'] | null;
          /** @description 元, signed decimal */
          change: string | null;
        }[];
        newlyTotals: {
          enterprises: number;
          accounts: number;
          amount: components['schemas']['Decimal'];
          withoutUse: number;
        };
        relieved: {
          uscc: components['schemas']['Uscc'];
          name: string;
          town: string | null;
          accounts: string[];
          currentClass: string | null;
          proposedClass: string | null;
          currentPrice: components['schemas']['Decimal'];
          proposedPrice: components['schemas']['Decimal'];
          electricityKwh: components['schemas']['Decimal'] | null;
          currentAmount: components['schemas']['Decimal'] | null;
          proposedAmount: components['schemas']['Decimal'] | null;
          /** @description 元, signed decimal */
          change: string | null;
        }[];
        relievedTotals: {
          enterprises: number;
          accounts: number;
          amount: components['schemas']['Decimal'];
          withoutUse: number;
        };
        changed: {
          uscc: components['schemas']['Uscc'];
          name: string;
          town: string | null;
          accounts: string[];
          currentClass: string | null;
          proposedClass: string | null;
          currentPrice: components['schemas']['Decimal'];
          proposedPrice: components['schemas']['Decimal'];
          electricityKwh: components['schemas']['Decimal'] | null;
          currentAmount: components['schemas']['Decimal'] | null;
          proposedAmount: components['schemas']['Decimal'] | null;
          /** @description 元, signed decimal */
          change: string | null;
        }[];
        notes: string[];
      } | null;
      enterprises: {
        uscc: components['schemas']['Uscc'];
        name: string;
        town: string | null;
        industryCode: string | null;
        current: {
          finalClass: string | null;
          totalScore: components['schemas']['Decimal'] | null;
          rank: number | null;
          /** @enum {string} */
          status: 'rated' | 'exempt' | 'out_of_scope';
          cohort: string | null;
          bandClass: string | null;
        };
        proposed: {
          finalClass: string | null;
          totalScore: components['schemas']['Decimal'] | null;
          rank: number | null;
          /** @enum {string} */
          status: 'rated' | 'exempt' | 'out_of_scope';
          cohort: string | null;
          bandClass: string | null;
        };
        /** @enum {string} */
        move: 'up' | 'down' | 'same' | 'changed';
        rules: ('scope' | 'cohort' | 'band' | 'override')[];
        reasons: string[];
      }[];
      warnings: string[];
    };
    Proposal: {
      id: string;
      name: string;
      note: string | null;
      schemeId: string;
      schemeName: string;
      /** Format: date-time */
      savedAt: string;
      /** @description as given: a preset id or the scheme document as JSON text */
      scheme: string;
    };
    Proposals: {
      data: components['schemas']['ProposalSummary'][];
    };
    ProposalSummary: {
      id: string;
      name: string;
      note: string | null;
      schemeId: string;
      schemeName: string;
      /** Format: date-time */
      savedAt: string;
    };
    EnterpriseHistory: {
      uscc: components['schemas']['Uscc'];
      name: string;
      years: {
        year: number;
        /** @enum {string} */
        source: 'evaluation' | 'imported';
        evaluationId: string | null;
        name: string;
        town: string | null;
        finalClass: string | null;
        totalScore: components['schemas']['Decimal'] | null;
        rank: number | null;
        rated: number | null;
        /** @description rank / rated × 100, 1 decimal: 前 x% */
        percentile: components['schemas']['Decimal'] | null;
        taxPerMu: components['schemas']['Decimal'] | null;
        indicators: {
          key: string;
          label: string;
          unit: string;
          value: components['schemas']['Decimal'] | null;
        }[];
      }[];
      /** @description consecutive years in class D ending with the latest year (as the 差别化电价 list counts) */
      streak: {
        class: string;
        years: number;
      };
    };
    HistoryOverview: {
      /** @enum {string} */
      by: 'town' | 'industry';
      years: {
        year: number;
        /** @enum {string} */
        source: 'evaluation' | 'imported';
        enterprises: number;
        classes: {
          [key: string]: number;
        };
        groups: {
          group: string;
          enterprises: number;
          classes: {
            [key: string]: number;
          };
        }[];
        /** @description enterprises in their 2nd or later consecutive D year */
        dStreaks: number;
      }[];
    };
    PastYears: {
      data: components['schemas']['PastYear'][];
    };
    PastYear: {
      year: number;
      enterprises: number;
      sourceFile: string;
      /**
       * Format: date-time
       * @description An ISO 8601 instant
       */
      importedAt: string;
    };
    PastYearImported: {
      year: number;
      enterprises: number;
      sourceFile: string;
      /**
       * Format: date-time
       * @description An ISO 8601 instant
       */
      importedAt: string;
      warnings: string[];
    };
    LedgerCreated: {
      created: number;
      existing: number;
      files: number;
    };
    Ledger: {
      evaluationId: string;
      year: number | null;
      /** @description null until the bureau creates the ledger */
      criteria: {
        threshold: components['schemas']['Decimal'];
        classD: boolean;
        /**
         * Format: date-time
         * @description An ISO 8601 instant
         */
        createdAt: string;
        /**
         * Format: date-time
         * @description An ISO 8601 instant
         */
        updatedAt: string;
      } | null;
      files: components['schemas']['LedgerFile'][];
      /** @description files per town and per measure (a file with two measures counts under each; 未指定 without one) */
      progress: {
        byTown: {
          group: string;
          files: number;
          pending: number;
          in_progress: number;
          completed: number;
          movedUp: number;
        }[];
        byMeasure: {
          group: string;
          files: number;
          pending: number;
          in_progress: number;
          completed: number;
          movedUp: number;
        }[];
      };
    };
    LedgerFile: {
      id: string;
      evaluationId: string;
      year: number | null;
      uscc: components['schemas']['Uscc'];
      name: string;
      town: string | null;
      industryCode: string | null;
      taxPerMu: components['schemas']['Decimal'] | null;
      finalClass: string | null;
      reasons: ('tax-per-mu' | 'class-d')[];
      measures: string[];
      responsible: string | null;
      deadline: string | null;
      /**
       * @description pending 未开始, in_progress 整改中, completed 已完成
       * @enum {string}
       */
      status: 'pending' | 'in_progress' | 'completed';
      outcome: string | null;
      version: number;
      /**
       * Format: date-time
       * @description An ISO 8601 instant
       */
      createdAt: string;
      /**
       * Format: date-time
       * @description An ISO 8601 instant
       */
      updatedAt: string;
      notes: {
        id: string;
        /**
         * Format: date-time
         * @description An ISO 8601 instant
         */
        at: string;
        author: string;
        authorRole: string;
        text: string;
        attachments: components['schemas']['Evidence'][];
      }[];
      nextYear: components['schemas']['LedgerNextYear'];
    };
    LedgerNextYear: {
      year: number | null;
      evaluationId: string | null;
      /**
       * @description pending: no later final evaluation yet; moved-up: no longer on the screening list; still-below: on it again; exited: not in the later evaluation; not-rated: in it but exempt or out of scope
       * @enum {string}
       */
      outcome: 'pending' | 'moved-up' | 'still-below' | 'exited' | 'not-rated';
      finalClass: string | null;
      taxPerMu: components['schemas']['Decimal'] | null;
    };
    AuditPage: {
      data: components['schemas']['AuditEntry'][];
      /** @description null on the last page */
      next_cursor: string | null;
    };
    AuditEntry: {
      seq: number;
      /**
       * Format: date-time
       * @description An ISO 8601 instant
       */
      at: string;
      actor: {
        id: string;
        /** @enum {string} */
        role: 'admin' | 'department' | 'town' | 'enterprise' | 'system';
      };
      entity: string;
      entityId: string;
      action: string;
      /** @description the state before, or null for a creation */
      before: unknown;
      after: unknown;
    };
    SelfCheck: {
      evaluation: {
        id: string;
        name: string;
        year: number | null;
        /** @enum {string} */
        state: 'published' | 'recomputed' | 'final';
        /**
         * @description which grading the benchmarks are of: the published one, or the final one once final
         * @enum {string}
         */
        grading: 'published' | 'final';
      };
      /** @description the evaluation’s scheme (评价办法) as JSON */
      scheme: {
        [key: string]: unknown;
      };
      cohorts: {
        [key: string]: {
          label: string;
          rated: number;
          benchmarks: {
            [key: string]: components['schemas']['Decimal'] | null;
          };
          /** @description the score an enterprise gets on an indicator that does not apply to it (the cohort mean) */
          missingScores: {
            [key: string]: components['schemas']['Decimal'] | null;
          };
        };
      };
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  health: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the process answers */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @constant */
            status: 'ok';
            /**
             * @description the running release, e.g. 0.1.0
             * @example 0.1.0
             */
            version: string;
          };
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  ready: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the store answers, at this build's schema */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @constant */
            status: 'ready';
            /** @description the store's schema version (its newest migration) */
            schema: number;
          };
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description problem */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getSession: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the caller */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Session'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  signIn: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['SignIn'];
      };
    };
    responses: {
      /** @description signed in */
      204: {
        headers: {
          /** @description mujun_session=…; Path=/; HttpOnly; SameSite=Strict[; Secure] */
          'Set-Cookie': string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description problem */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description problem */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  signOut: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description signed out here; the provider’s session to end next */
      200: {
        headers: {
          /** @description mujun_session=…; Path=/; HttpOnly; SameSite=Strict[; Secure] */
          'Set-Cookie': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SignedOut'];
        };
      };
      /** @description signed out */
      204: {
        headers: {
          /** @description mujun_session=…; Path=/; HttpOnly; SameSite=Strict[; Secure] */
          'Set-Cookie': string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  signOutEverywhere: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description every session ended */
      204: {
        headers: {
          /** @description mujun_session=…; Path=/; HttpOnly; SameSite=Strict[; Secure] */
          'Set-Cookie': string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  changePassword: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['PasswordChange'];
      };
    };
    responses: {
      /** @description changed; every session ended */
      204: {
        headers: {
          /** @description mujun_session=…; Path=/; HttpOnly; SameSite=Strict[; Secure] */
          'Set-Cookie': string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the request is well-formed but refused (see the problem type) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description problem */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description problem */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  activateAccount: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['Activation'];
      };
    };
    responses: {
      /** @description activated: sign in with the code and the new password */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the request is well-formed but refused (see the problem type) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description problem */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description problem */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  enrollTotp: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['SignIn'];
      };
    };
    responses: {
      /** @description the secret */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TotpEnrolment'];
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description problem */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description problem */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  confirmTotp: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['SignIn'];
      };
    };
    responses: {
      /** @description bound */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecoveryCodes'];
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not allowed in the current state (see the problem type) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description problem */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description problem */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  unlockAccount: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description a username or 统一社会信用代码 */
        account: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description not locked (any more) */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getSignInMethods: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the methods */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SignInMethods'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  startOidcSignIn: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description to the identity provider */
      303: {
        headers: {
          Location: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description problem */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  finishOidcSignIn: {
    parameters: {
      query?: {
        /** @description the authorization code */
        code?: string;
        state?: string;
        /** @description the issuer (RFC 9207), checked when the provider sends it */
        iss?: string;
        /** @description the provider’s refusal, e.g. access_denied */
        error?: string;
        error_description?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description signed in (to /app/), or refused (to /app/?sso=…) */
      303: {
        headers: {
          Location: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description problem */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  issueActivationCodes: {
    parameters: {
      query?: {
        /** @description only this town’s enterprises */
        town?: string;
        /** @description xlsx: the workbook alone; zip: the workbook and, per town, the 一企一单 sheets with each enterprise’s code printed on its own */
        format?: 'xlsx' | 'zip';
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the codes */
      201: {
        headers: {
          /** @description for a file format (csv, xlsx): attachment, with the file name */
          'Content-Disposition'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
          'application/zip': string;
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  reissueActivationCode: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        uscc: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the new code */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReissuedCode'];
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getActivationStatus: {
    parameters: {
      query?: {
        /** @description only this town’s enterprises */
        town?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description by town */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ActivationStatus'];
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  listStaffAccounts: {
    parameters: {
      query?: {
        /** @description page size, 1–100 (default 50) */
        limit?: string;
        /** @description the `next_cursor` of the previous page */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description a page of staff accounts */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StaffAccountList'];
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  createStaffAccount: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['NewStaffAccount'];
      };
    };
    responses: {
      /** @description created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreatedStaffAccount'];
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not allowed in the current state (see the problem type) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  disableStaffAccount: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description a username or 统一社会信用代码 */
        account: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description disabled */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not allowed in the current state (see the problem type) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  listApiTokens: {
    parameters: {
      query?: {
        /** @description page size, 1–100 (default 50) */
        limit?: string;
        /** @description the `next_cursor` of the previous page */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description a page of tokens */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiTokenList'];
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  createApiToken: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['NewApiToken'];
      };
    };
    responses: {
      /** @description created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreatedApiToken'];
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  revokeApiToken: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description revoked */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  listEvaluations: {
    parameters: {
      query?: {
        /** @description page size, 1–100 (default 50) */
        limit?: string;
        /** @description the `next_cursor` of the previous page */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description a page of evaluations */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EvaluationsPage'];
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  createEvaluation: {
    parameters: {
      query?: never;
      header?: {
        /** @description a unique value per request (1–255 visible ASCII); a retry reuses it */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': {
          /** @description CSV or XLSX files, one per department, merged by 统一社会信用代码 */
          data: string[];
          /** @description a preset id (reference, huangyan-2022) or a scheme JSON document; default reference */
          scheme?: string;
          /** @description e.g. 2025年度亩均效益评价 */
          name?: string;
          /** @description 评价年度, the data year graded, e.g. 2025. Needed for the 差别化电价 list, which also takes the class history from the final evaluations of earlier years */
          year?: string;
          /** @description the workbook sheet, default the first visible */
          sheet?: string;
          /**
           * @description CSV encoding; auto (default) detects
           * @enum {string}
           */
          encoding?: 'auto' | 'utf8' | 'gb18030' | 'gbk';
        };
      };
    };
    responses: {
      /** @description the draft evaluation */
      201: {
        headers: {
          Location: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Evaluation'];
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not allowed in the current state (see the problem type) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description a file or field over its limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description wrong content type, or evidence that is no PDF, JPEG or PNG */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the request is well-formed but refused (see the problem type) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getEvaluation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the evaluation */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Evaluation'];
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  listResults: {
    parameters: {
      query?: {
        /** @description a fragment of the enterprise’s name or of its 统一社会信用代码 */
        q?: string;
        /** @description cohort id, e.g. above (规上) or below (规下) */
        cohort?: string;
        /** @description final class, e.g. A, B, C, D or T */
        class?: string;
        /** @description 所属乡镇街道, exactly as in the data */
        town?: string;
        /** @description GB/T 4754 code or its prefix: 36 (大类), 367, 3670 or C3670 */
        industry?: string;
        /** @description rated (参评), exempt (暂不评价) or out_of_scope */
        status?: 'rated' | 'exempt' | 'out_of_scope';
        /** @description rank (default: each cohort by rank, then the unrated), total, name, code, or the key of one of the scheme’s indicators (e.g. taxPerMu) to sort by its value */
        sort?: string;
        /** @description asc (default) or desc */
        order?: 'asc' | 'desc';
        /** @description page size, 1–100 (default 50) */
        limit?: string;
        /** @description the `next_cursor` of the previous page */
        cursor?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description a page of results */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ResultsPage'];
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  listResultIndicators: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the indicators */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ResultIndicators'];
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  exportResults: {
    parameters: {
      query?: {
        /** @description a fragment of the enterprise’s name or of its 统一社会信用代码 */
        q?: string;
        /** @description cohort id, e.g. above (规上) or below (规下) */
        cohort?: string;
        /** @description final class, e.g. A, B, C, D or T */
        class?: string;
        /** @description 所属乡镇街道, exactly as in the data */
        town?: string;
        /** @description GB/T 4754 code or its prefix: 36 (大类), 367, 3670 or C3670 */
        industry?: string;
        /** @description rated (参评), exempt (暂不评价) or out_of_scope */
        status?: 'rated' | 'exempt' | 'out_of_scope';
        /** @description rank (default: each cohort by rank, then the unrated), total, name, code, or the key of one of the scheme’s indicators (e.g. taxPerMu) to sort by its value */
        sort?: string;
        /** @description asc (default) or desc */
        order?: 'asc' | 'desc';
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the workbook */
      200: {
        headers: {
          /** @description for a file format (csv, xlsx): attachment, with the file name */
          'Content-Disposition'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getEnterpriseResult: {
    parameters: {
      query?: never;
      header?: {
        /** @description an ETag already held: 304 when unchanged */
        'If-None-Match'?: string;
      };
      path: {
        id: string;
        uscc: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the result */
      200: {
        headers: {
          /** @description a strong ETag: the SHA-256 of the exact bytes */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EnterpriseResult'];
        };
      };
      /** @description not modified */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getNextClass: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        uscc: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the way up, or null */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NextClass'];
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getPublication: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the publication */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Publication'];
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  publishEvaluation: {
    parameters: {
      query?: never;
      header?: {
        /** @description a unique value per request (1–255 visible ASCII); a retry reuses it */
        'Idempotency-Key'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['PublishRequest'];
      };
    };
    responses: {
      /** @description the evaluation, published */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Evaluation'];
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not allowed in the current state (see the problem type) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description wrong content type, or evidence that is no PDF, JPEG or PNG */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the request is well-formed but refused (see the problem type) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  withdrawPublication: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the evaluation, a draft again */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Evaluation'];
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not allowed in the current state (see the problem type) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getPublishedSnapshot: {
    parameters: {
      query?: never;
      header?: {
        /** @description an ETag already held: 304 when unchanged */
        'If-None-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description every result as published */
      200: {
        headers: {
          /** @description a strong ETag: the SHA-256 of the exact bytes */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Snapshot'];
        };
      };
      /** @description not modified */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getFinalSnapshot: {
    parameters: {
      query?: never;
      header?: {
        /** @description an ETag already held: 304 when unchanged */
        'If-None-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description every result as finalized */
      200: {
        headers: {
          /** @description a strong ETag: the SHA-256 of the exact bytes */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Snapshot'];
        };
      };
      /** @description not modified */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getCalendar: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the calendar */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CalendarListing'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  putCalendarYear: {
    parameters: {
      query?: never;
      header?: {
        /** @description to replace an entered year: its version, quoted ("1"); absent to enter a new one */
        'If-Match'?: string;
      };
      path: {
        /** @description the year, e.g. 2027 */
        year: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['CalendarYear'];
      };
    };
    responses: {
      /** @description the entered year, replaced */
      200: {
        headers: {
          /** @description a strong ETag: the SHA-256 of the exact bytes */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CalendarYearEntry'];
        };
      };
      /** @description the entered year */
      201: {
        headers: {
          /** @description a strong ETag: the SHA-256 of the exact bytes */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CalendarYearEntry'];
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not allowed in the current state (see the problem type) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description If-Match names a version that is no longer current */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description wrong content type, or evidence that is no PDF, JPEG or PNG */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the request is well-formed but refused (see the problem type) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description If-Match is required */
      428: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  listObjections: {
    parameters: {
      query?: {
        /** @description page size, 1–100 (default 50) */
        limit?: string;
        /** @description the `next_cursor` of the previous page */
        cursor?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description a page of objections */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ObjectionsPage'];
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  fileObjection: {
    parameters: {
      query?: never;
      header: {
        /** @description required: a unique value per filing (1–255 visible ASCII); a retry reuses it */
        'Idempotency-Key': string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': {
          objection: components['schemas']['NewObjection'];
          /** @description 1–10 files, PDF, JPEG or PNG (told by content), at most 10 MB each */
          evidence: string[];
        };
      };
    };
    responses: {
      /** @description the objection, under review */
      201: {
        headers: {
          Location: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Objection'];
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not allowed in the current state (see the problem type) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description a file or field over its limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description wrong content type, or evidence that is no PDF, JPEG or PNG */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the request is well-formed but refused (see the problem type) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getObjection: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the objection */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Objection'];
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getEvidence: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        evidenceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the file, with its media type as told by its content, as an attachment named with the extension of that type; sandboxed (CSP) and never sniffed by the browser */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/octet-stream': string;
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getObjectionReceipt: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the receipt, printable */
      200: {
        headers: {
          /** @description for a file format (csv, xlsx): attachment, with the file name */
          'Content-Disposition'?: string;
          [name: string]: unknown;
        };
        content: {
          'text/html': string;
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  listReviewItems: {
    parameters: {
      query?: {
        status?: 'pending' | 'decided';
        evaluation?: string;
        /** @description page size, 1–100 (default 50) */
        limit?: string;
        /** @description the `next_cursor` of the previous page */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description a page of items */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReviewItemsPage'];
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  decideObjectionItem: {
    parameters: {
      query?: never;
      header: {
        /** @description the item version read, quoted: "1" */
        'If-Match': string;
      };
      path: {
        id: string;
        itemId: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['Decision'];
      };
    };
    responses: {
      /** @description the decided item */
      200: {
        headers: {
          /** @description a strong ETag: the SHA-256 of the exact bytes */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ObjectionItem'];
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not allowed in the current state (see the problem type) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description If-Match names a version that is no longer current */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description wrong content type, or evidence that is no PDF, JPEG or PNG */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the request is well-formed but refused (see the problem type) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description If-Match is required */
      428: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getObjectionItemHistory: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        itemId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the item’s events, oldest first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ItemHistory'];
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getRecomputation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the diff */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Recomputation'];
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  recomputeEvaluation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the diff */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Recomputation'];
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not allowed in the current state (see the problem type) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  finalizeEvaluation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the evaluation, final */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Evaluation'];
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not allowed in the current state (see the problem type) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getResultWorkbook: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the workbook */
      200: {
        headers: {
          /** @description for a file format (csv, xlsx): attachment, with the file name */
          'Content-Disposition'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getPublicationList: {
    parameters: {
      query?: {
        /** @description xlsx (default): the list workbook, one sheet per cohort by class and the appendices; html: the printable 公示 page */
        format?: 'xlsx' | 'html';
        /** @description the order within a class (排名不分先后): name (default), in 拼音 order, or 统一社会信用代码 */
        order?: 'name' | 'code';
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the list */
      200: {
        headers: {
          /** @description for a file format (csv, xlsx): attachment, with the file name */
          'Content-Disposition'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
          'text/html': string;
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not allowed in the current state (see the problem type) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getConfirmationSheets: {
    parameters: {
      query?: {
        /** @description every enterprise of this town in one printable document (a town: its own, and the default) */
        town?: string;
        /** @description one enterprise’s sheet (an enterprise: its own, and the default) */
        uscc?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the sheets, one printable page */
      200: {
        headers: {
          /** @description for a file format (csv, xlsx): attachment, with the file name */
          'Content-Disposition'?: string;
          [name: string]: unknown;
        };
        content: {
          'text/html': string;
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getSummaryReport: {
    parameters: {
      query?: {
        /** @description xlsx (default): the summary workbook; html: the page with its charts */
        format?: 'xlsx' | 'html';
        /** @description the 亩均税收 line drawn on the distribution chart, 万元/亩; default 1 */
        lowThreshold?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the summary */
      200: {
        headers: {
          /** @description for a file format (csv, xlsx): attachment, with the file name */
          'Content-Disposition'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
          'text/html': string;
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getLowEfficiencyList: {
    parameters: {
      query?: {
        /** @description enterprises under this 亩均税收, 万元/亩; default 1 (the reference method) */
        threshold?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the list */
      200: {
        headers: {
          /** @description for a file format (csv, xlsx): attachment, with the file name */
          'Content-Disposition'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getLandNotice: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the notice */
      200: {
        headers: {
          /** @description for a file format (csv, xlsx): attachment, with the file name */
          'Content-Disposition'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getSurcharges: {
    parameters: {
      query: {
        /** @description 依据文号, the decision the list executes, e.g. 黄经信〔2026〕12号 (the 依据文号 column) */
        docNo: string;
        /** @description json (default): the list as data; csv: the list for the grid company (UTF-8 with BOM, the §10 headers and 备注); xlsx: the same with numeric cells, the newly surcharged industries, the diff and notes; html: the publication page */
        format?: 'json' | 'csv' | 'xlsx' | 'html';
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the list */
      200: {
        headers: {
          /** @description for a file format (csv, xlsx): attachment, with the file name */
          'Content-Disposition'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SurchargeList'];
          'text/csv': string;
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
          'text/html': string;
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not allowed in the current state (see the problem type) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postSimulation: {
    parameters: {
      query?: {
        /** @description json (default): the comparison as data; xlsx: the workbook (概况, 类别变动矩阵, 变动企业, 乡镇分布, 行业分布, 差别化电价影响, 全部企业); html: the printable page for the 起草说明 */
        format?: 'json' | 'xlsx' | 'html';
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['SimulationRequest'];
      };
    };
    responses: {
      /** @description the comparison */
      200: {
        headers: {
          /** @description for a file format (csv, xlsx): attachment, with the file name */
          'Content-Disposition'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Simulation'];
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
          'text/html': string;
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description wrong content type, or evidence that is no PDF, JPEG or PNG */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the request is well-formed but refused (see the problem type) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  listProposals: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the proposals, without their schemes */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Proposals'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  saveProposal: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['NewProposal'];
      };
    };
    responses: {
      /** @description the proposal as saved */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Proposal'];
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description wrong content type, or evidence that is no PDF, JPEG or PNG */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the request is well-formed but refused (see the problem type) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getProposal: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        proposalId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the proposal */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Proposal'];
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getEnterpriseHistory: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        uscc: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the years, oldest first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EnterpriseHistory'];
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getHistoryOverview: {
    parameters: {
      query?: {
        /** @description town (default): 所属乡镇街道; industry: GB/T 4754 大类 */
        by?: 'town' | 'industry';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the years */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HistoryOverview'];
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  listPastYears: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the imported years, ascending */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PastYears'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getPastYearTemplate: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the template */
      200: {
        headers: {
          /** @description for a file format (csv, xlsx): attachment, with the file name */
          'Content-Disposition'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  putPastYear: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        year: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': {
          /**
           * Format: binary
           * @description the year’s results, CSV or XLSX
           */
          data: string;
          /** @description a workbook’s sheet; default the first */
          sheet?: string;
        };
      };
    };
    responses: {
      /** @description the year as stored */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PastYearImported'];
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description a file or field over its limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description wrong content type, or evidence that is no PDF, JPEG or PNG */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the request is well-formed but refused (see the problem type) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getLedger: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the ledger */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Ledger'];
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  createLedger: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['CreateLedger'];
      };
    };
    responses: {
      /** @description how many files were opened */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LedgerCreated'];
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not allowed in the current state (see the problem type) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description wrong content type, or evidence that is no PDF, JPEG or PNG */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getLedgerWorkbook: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the workbook */
      200: {
        headers: {
          /** @description for a file format (csv, xlsx): attachment, with the file name */
          'Content-Disposition'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getLedgerFile: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        fileId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the file */
      200: {
        headers: {
          /** @description a strong ETag: the SHA-256 of the exact bytes */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LedgerFile'];
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  putLedgerFile: {
    parameters: {
      query?: never;
      header: {
        /** @description the item version read, quoted: "1" */
        'If-Match': string;
      };
      path: {
        fileId: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['LedgerEdit'];
      };
    };
    responses: {
      /** @description the file */
      200: {
        headers: {
          /** @description a strong ETag: the SHA-256 of the exact bytes */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LedgerFile'];
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description If-Match names a version that is no longer current */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description wrong content type, or evidence that is no PDF, JPEG or PNG */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description If-Match is required */
      428: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postLedgerNote: {
    parameters: {
      query?: never;
      header: {
        /** @description the item version read, quoted: "1" */
        'If-Match': string;
      };
      path: {
        fileId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': {
          /** @description the progress note (1–2000 字) */
          note: string;
          /** @description 0–5 files, PDF, JPEG or PNG by content, ≤ 10 MB each */
          attachment?: string[];
        };
      };
    };
    responses: {
      /** @description the file with the note */
      201: {
        headers: {
          /** @description a strong ETag: the SHA-256 of the exact bytes */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LedgerFile'];
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description If-Match names a version that is no longer current */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description a file or field over its limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description wrong content type, or evidence that is no PDF, JPEG or PNG */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description If-Match is required */
      428: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getLedgerAttachment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        fileId: string;
        attachmentId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the file, typed by its content, as an attachment; sandboxed (CSP) and never sniffed by the browser */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/octet-stream': string;
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  listAudit: {
    parameters: {
      query?: {
        entity?: string;
        entityId?: string;
        /** @description page size, 1–100 (default 50) */
        limit?: string;
        /** @description the `next_cursor` of the previous page */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description a page of entries */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuditPage'];
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getSelfCheck: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the method and the published benchmarks */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SelfCheck'];
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  openapi: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the document */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': string;
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  reference: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description HTML */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/html': string;
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
}
