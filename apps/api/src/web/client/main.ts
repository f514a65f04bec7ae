import { all, ApiError, getJson, postSignOut } from './api.js';
import type { EnterpriseResult, Evaluation, Objection, Publication, ResultSummary, Session } from './api.js';
import { focusHeading, h, show } from './dom.js';
import { day, deadline, evaluationTitle, stateLabel, windowPhase } from './format.js';
import { objectionForm, objectionsView } from './objections.js';
import { nextClassView, resultView, windowView } from './result-view.js';
import { accountsAdminPage } from './accounts-admin.js';
import { activationAdminPage } from './activation-admin.js';
import { activationPage, passwordPage, signInPage, SSO_REFUSALS } from './sign-in.js';
import { resultsList } from './results-list.js';
import { staffPage } from './staff.js';
import { publicationDownloads } from './downloads.js';
import { calendarPage } from './calendar.js';
import { simulationPage } from './simulation.js';
import { historyPage, historySection } from './history.js';
import { ledgerFilePage, ledgerPage } from './ledger.js';

/**
 * The pages' entry: sign in with an account and password (a session cookie), then the caller's side
 * by its role. Navigation is by the
 * URL's hash (`#/evaluations/<id>/enterprises/<uscc>`), so the back button and bookmarks work; what a
 * page shows is always what the API answers for the token, so a typed-in code of another enterprise
 * shows "not found", never its data.
 */

let main = document.getElementById('main') as HTMLElement;
const who = document.getElementById('who') as HTMLElement;
let session: Session | null = null;

const ROLE_LABELS: Readonly<Record<Session['role'], string>> = {
  admin: '经信局',
  department: '部门',
  town: '乡镇街道',
  enterprise: '企业',
};

function signIn(message?: string): void {
  who.replaceChildren();
  session = null;
  const view = freshMain();
  if (location.hash.startsWith('#/activate')) {
    activationPage(view, () => void start());
    return;
  }
  // Back from single sign-on without a session: say why, once (the address loses its ?sso=).
  const refused = new URLSearchParams(location.search).get('sso');
  if (refused !== null) history.replaceState(null, '', `${location.pathname}${location.hash}`);
  const said = message ?? (refused === null ? undefined : (SSO_REFUSALS[refused] ?? SSO_REFUSALS['failed']));
  signInPage(view, { ...(said === undefined ? {} : { message: said }), done: () => void start() });
}

function signOut(): void {
  void postSignOut()
    .catch(() => null)
    .then((endSession) => {
      session = null;
      // Signed in by single sign-on: the provider ends its own session too, then sends the browser back.
      if (endSession !== null) {
        location.assign(endSession);
        return;
      }
      history.replaceState(null, '', '#/');
      signIn('您已退出登录。');
    });
}

/** 名称（代码）, or the code alone before any evaluation has listed the enterprise. */
function enterpriseLabel(current: Session): string {
  const code = current.uscc ?? '';
  return current.name === undefined ? code : `${current.name}（${code}）`;
}

function whoView(current: Session): void {
  const scope =
    current.role === 'department'
      ? (current.departmentLabel ?? current.department ?? '')
      : current.role === 'town'
        ? (current.town ?? '')
        : current.role === 'enterprise'
          ? enterpriseLabel(current)
          : '';
  const button = h('button', { type: 'button', class: 'link' }, '退出登录');
  button.addEventListener('click', signOut);
  const password = h('a', { href: '#/password', class: 'link' }, '修改密码');
  show(
    who,
    h(
      'span',
      { 'data-role': current.role },
      `${ROLE_LABELS[current.role]}${scope === '' ? '' : `：${scope}`}`,
    ),
    ' ',
    password,
    ' ',
    button,
  );
}

async function start(): Promise<void> {
  try {
    session = await getJson<Session>('/v1/session');
  } catch (error) {
    signIn(error instanceof ApiError && error.status === 401 ? undefined : '无法连接服务器。');
    return;
  }
  whoView(session);
  await route();
}

function failure(error: unknown): HTMLElement {
  return h(
    'div',
    {
      class: 'error',
      role: 'alert',
      'data-error': error instanceof ApiError ? String(error.status) : 'unknown',
    },
    error instanceof ApiError ? error.message : '页面加载失败，请刷新重试。',
  );
}

/**
 * Each navigation renders into a <main> of its own. A page still loading for an earlier address
 * (the home page's lists, say, when the clerk follows a link before they arrive) then finishes into
 * the detached element, never over the page asked for since.
 */
function freshMain(): HTMLElement {
  const next = main.cloneNode(false) as HTMLElement;
  main.replaceWith(next);
  main = next;
  return next;
}

async function route(): Promise<void> {
  if (session === null) {
    // Not signed in: the hash chooses between sign-in and activation.
    signIn();
    return;
  }
  const parts = location.hash
    .replace(/^#\/?/, '')
    .split('/')
    .filter((part) => part !== '')
    .map(decodeURIComponent);
  const view = freshMain();
  show(view, h('p', { role: 'status' }, '正在加载…'));
  try {
    if (parts[0] === 'password') {
      passwordPage(view, { done: () => void start() });
      return;
    } else if (parts[0] === 'accounts' && session.role === 'admin') await accountsAdminPage(view);
    else if (
      parts[0] === 'evaluations' &&
      parts[1] !== undefined &&
      parts[2] === 'activation' &&
      (session.role === 'admin' || session.role === 'town')
    )
      await activationAdminPage(view, session, parts[1], parts[3]);
    else if (
      parts[0] === 'evaluations' &&
      parts[1] !== undefined &&
      parts[2] === 'simulation' &&
      session.role === 'admin'
    )
      await simulationPage(view, parts[1]);
    else if (
      parts[0] === 'evaluations' &&
      parts[1] !== undefined &&
      parts[2] === 'ledger' &&
      (session.role === 'admin' || session.role === 'town')
    )
      await ledgerPage(view, session, parts[1]);
    else if (
      parts[0] === 'ledger' &&
      parts[1] !== undefined &&
      (session.role === 'admin' || session.role === 'town')
    )
      await ledgerFilePage(view, session, parts[1]);
    else if (parts[0] === 'calendar' && session.role === 'admin') await calendarPage(view);
    else if (parts[0] === 'history' && session.role === 'admin') await historyPage(view);
    // Past every branch that opens a restricted page for the roles allowed it: whoever is left is not.
    else if (restrictedPage(parts) !== undefined) notForRole(view, session, restrictedPage(parts) ?? '');
    else if (
      parts[0] === 'evaluations' &&
      parts[1] !== undefined &&
      parts[2] === 'enterprises' &&
      parts[3] !== undefined
    )
      await enterprisePage(view, session, parts[1], parts[3]);
    else if (parts[0] === 'evaluations' && parts[1] !== undefined)
      await evaluationPage(view, session, parts[1]);
    else await homePage(view, session);
  } catch (error) {
    if (!view.isConnected) return;
    if (error instanceof ApiError && error.status === 401) {
      signIn(error.message);
      return;
    }
    show(view, h('h2', {}, '出错了'), failure(error), h('p', {}, h('a', { href: '#/' }, '返回首页')));
  }
  if (view.isConnected) focusHeading(view);
}

/**
 * The pages kept to some roles, by the address's first parts: a link or bookmark that another role
 * opens says so, rather than quietly showing that role's home page under the address it asked for.
 */
function restrictedPage(parts: readonly string[]): string | undefined {
  if (parts[0] === 'accounts') return '账号与接口令牌';
  if (parts[0] === 'calendar') return '节假日安排';
  if (parts[0] === 'history') return '历年对比与往年导入';
  if (parts[0] === 'ledger') return '一企一档整改台账';
  if (parts[0] !== 'evaluations' || parts[1] === undefined) return undefined;
  if (parts[2] === 'activation') return '企业账号激活情况';
  if (parts[2] === 'simulation') return '评价办法修订模拟测算';
  if (parts[2] === 'ledger') return '一企一档整改台账';
  return undefined;
}

function notForRole(view: HTMLElement, current: Session, page: string): void {
  show(
    view,
    h('h2', {}, '无权访问此页面'),
    h(
      'div',
      { class: 'error', role: 'alert', 'data-error': 'role' },
      `“${page}”页面不对${ROLE_LABELS[current.role]}账号开放。如需使用，请联系县经信局。`,
    ),
    h('p', {}, h('a', { href: '#/' }, '返回首页')),
  );
}

const evaluationLink = (evaluation: Evaluation, current: Session): string =>
  current.role === 'enterprise'
    ? `#/evaluations/${encodeURIComponent(evaluation.id)}/enterprises/${encodeURIComponent(current.uscc ?? '')}`
    : `#/evaluations/${encodeURIComponent(evaluation.id)}`;

async function homePage(view: HTMLElement, current: Session): Promise<void> {
  if (current.role === 'department') {
    await staffPage(view, current);
    return;
  }
  const evaluations = await all<Evaluation>('/v1/evaluations');
  const list =
    evaluations.length === 0
      ? h('p', {}, current.role === 'admin' ? '还没有评价，请先上传数据。' : '暂无已公示的评价结果。')
      : h(
          'ul',
          { class: 'cards', 'data-list': 'evaluations' },
          ...evaluations.map((evaluation) =>
            h(
              'li',
              {},
              h('a', { href: evaluationLink(evaluation, current) }, evaluationTitle(evaluation)),
              h('span', { class: 'badge' }, stateLabel(evaluation)),
            ),
          ),
        );
  if (current.role === 'admin') {
    await staffPage(view, current, list);
    return;
  }
  show(view, h('h2', {}, current.role === 'enterprise' ? '我的评价结果' : '评价结果'), list);
}

async function evaluationPage(view: HTMLElement, current: Session, id: string): Promise<void> {
  if (current.role === 'enterprise') {
    location.hash = `#/evaluations/${encodeURIComponent(id)}/enterprises/${encodeURIComponent(current.uscc ?? '')}`;
    return;
  }
  if (current.role !== 'town') {
    await staffPage(view, current, null, id);
    return;
  }
  const evaluation = await getJson<Evaluation>(`/v1/evaluations/${encodeURIComponent(id)}`);
  const [results, objections] = await Promise.all([
    all<ResultSummary>(`/v1/evaluations/${encodeURIComponent(id)}/results`),
    all<Objection>(`/v1/evaluations/${encodeURIComponent(id)}/objections`),
  ]);
  const objectionsBox = h('div', {}, objectionsView(objections, '本乡镇街道企业的异议'));
  const refresh = async () => {
    objectionsBox.replaceChildren(
      objectionsView(
        await all<Objection>(`/v1/evaluations/${encodeURIComponent(id)}/objections`),
        '本乡镇街道企业的异议',
      ),
    );
  };
  show(
    view,
    h('h2', {}, `${current.town ?? ''} · 企业评价结果`),
    windowView(evaluation, evaluation.publication),
    h(
      'p',
      { class: 'actions' },
      h('a', { href: `#/evaluations/${encodeURIComponent(id)}/activation` }, '企业账号激活情况'),
      h(
        'a',
        { href: `#/evaluations/${encodeURIComponent(id)}/ledger`, 'data-link': 'ledger' },
        '一企一档整改台账',
      ),
    ),
    resultsList(evaluation, 'town'),
    publicationDownloads(evaluation, current),
    objectionsBox,
    evaluation.state === 'published'
      ? objectionForm(current, id, results, () => {
          void refresh();
        })
      : null,
  );
}

async function enterprisePage(view: HTMLElement, current: Session, id: string, uscc: string): Promise<void> {
  const base = `/v1/evaluations/${encodeURIComponent(id)}`;
  let result: EnterpriseResult;
  try {
    result = await getJson<EnterpriseResult>(`${base}/enterprises/${encodeURIComponent(uscc)}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      show(
        view,
        h('h2', {}, '未找到评价结果'),
        h(
          'div',
          { class: 'error', role: 'alert', 'data-error': '404' },
          '未找到该企业的评价结果，或您无权查看。',
        ),
        h('p', {}, h('a', { href: '#/' }, '返回首页')),
      );
      return;
    }
    throw error;
  }
  const evaluation = await getJson<Evaluation>(base);
  const publication: Publication | null = evaluation.publication;
  const mine = async () =>
    (await all<Objection>(`${base}/objections`)).filter((objection) => objection.uscc === result.uscc);
  const objectionsBox = h(
    'section',
    { 'aria-label': '异议' },
    objectionsView(await mine(), '本企业的异议及办理情况'),
  );
  const phase = windowPhase(evaluation);
  const canFile =
    evaluation.state === 'published' &&
    phase === 'open' &&
    (current.role === 'enterprise' || current.role === 'town' || current.role === 'admin');
  show(
    view,
    h(
      'p',
      {},
      h(
        'a',
        { href: current.role === 'enterprise' ? '#/' : `#/evaluations/${encodeURIComponent(id)}` },
        '← 返回',
      ),
    ),
    h('h2', {}, `${evaluation.year === null ? '' : `${evaluation.year} 年度`}亩均效益评价结果`),
    windowView(evaluation, publication),
    resultView(result),
    nextClassView(result, () =>
      getJson(
        `/v1/evaluations/${encodeURIComponent(id)}/enterprises/${encodeURIComponent(result.uscc)}/next-class`,
      ),
    ),
    await historySection(result.uscc),
    publicationDownloads(evaluation, current, { uscc: result.uscc, name: result.name }),
    objectionsBox,
    canFile
      ? objectionForm(
          current.role === 'enterprise' ? current : { ...current, role: current.role },
          id,
          current.role === 'enterprise' ? null : [{ uscc: result.uscc, name: result.name }],
          () => {
            void mine().then((list) => {
              objectionsBox.replaceChildren(objectionsView(list, '本企业的异议及办理情况'));
            });
          },
        )
      : filingClosed(evaluation),
  );
}

/** In place of the objection form when none can be filed: why, and what the enterprise can still do. */
function filingClosed(evaluation: Evaluation): HTMLElement | null {
  const window = evaluation.publication?.window;
  if (window === undefined) return null;
  const phase = windowPhase(evaluation);
  const lines =
    evaluation.state === 'published' && phase === 'before'
      ? [`公示期自 ${day(window.firstDay)}开始，届时可在本页在线提出异议。`]
      : [
          `公示期已于 ${deadline(window.lastDay)} 结束，异议受理已截止，不能再提出新的异议。`,
          '已提出的异议及各事项的办理结果见上方“异议及办理情况”。',
          evaluation.state === 'final'
            ? '评价结果已定稿。对结果仍有疑问的，可向县经信局咨询。'
            : '经信局将根据各部门的审核结果复核重算，结果定稿后在本页公布。对结果仍有疑问的，可向县经信局咨询。',
        ];
  return h(
    'section',
    { class: 'window closed', 'aria-labelledby': 'filing-closed', 'data-field': 'filing-closed' },
    h('h3', { id: 'filing-closed' }, phase === 'before' ? '异议尚未开始受理' : '异议受理已截止'),
    ...lines.map((line) => h('p', {}, line)),
  );
}

// The skip link moves the keyboard to the page's content. Followed as a link, its #main would be
// read as an address (and lead home).
document.querySelector('a.skip')?.addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});
window.addEventListener('hashchange', () => {
  void route();
});
void start();
