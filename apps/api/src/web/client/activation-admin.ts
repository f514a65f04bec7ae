import { ApiError, getJson, postNoContent, problemMessage, sendJson } from './api.js';
import { readableDetail } from './problem-text.js';
import type { Evaluation, Problem, Schemas, Session } from './api.js';
import { h, show } from './dom.js';
import type { Child } from './dom.js';
import { evaluationTitle, instant } from './format.js';

/**
 * Who has activated an enterprise account, for a town (its own enterprises) and for the bureau (every
 * town, a summary row each, and one town's enterprises at a time): counts per status, a new activation
 * code for one enterprise (confirmed first, shown once), unlocking an enterprise that failed sign-ins
 * locked, and for the bureau the workbook of codes for every enterprise not yet activated.
 * Route: `#/evaluations/<id>/activation[/<town>]` (`~` is the enterprises with no town on record).
 */

type Status = Schemas['ActivationStatus'];
type TownStatus = Status['towns'][number];
type EnterpriseStatus = TownStatus['enterprises'][number];

const NO_TOWN = '未注明乡镇街道';
const NO_TOWN_KEY = '~';

const STATUS_TEXT: Readonly<Record<EnterpriseStatus['status'], string>> = {
  activated: '已激活',
  'not-yet': '未激活',
  locked: '已锁定',
};

const townName = (town: string | null): string => town ?? NO_TOWN;
const townKey = (town: string | null): string => town ?? NO_TOWN_KEY;

/** A table whose every cell carries its column's name, so on a phone each row reads as a labelled card. */
export function labelledTable(
  caption: string,
  headers: readonly string[],
  rows: readonly (readonly (Child | readonly Child[])[])[],
  attrs: Readonly<Record<string, string>> = {},
): HTMLElement {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { ...attrs, class: 'cards-on-phone' },
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, ...headers.map((text) => h('th', { scope: 'col' }, text)))),
      h(
        'tbody',
        {},
        ...rows.map((cells) =>
          h('tr', {}, ...cells.map((cell, i) => h('td', { 'data-label': headers[i] ?? '' }, cell))),
        ),
      ),
    ),
  );
}

export function alertBox(): HTMLElement {
  return h('div', { class: 'error', role: 'alert', tabindex: '-1', 'data-error-box': 'activation' });
}

export function showError(box: HTMLElement, error: unknown): void {
  const message = error instanceof ApiError ? error.message : '操作失败，请稍后重试。';
  const detail = error instanceof ApiError ? readableDetail(error.problem?.detail) : undefined;
  box.replaceChildren(h('p', {}, message), detail === undefined ? '' : h('p', {}, detail));
  box.focus();
}

/**
 * An inline confirmation in `panel`: the question, 确认 and 取消. Resolves true on 确认. Inline rather
 * than window.confirm, so that it reads the same on a phone and a screen reader announces it.
 */
export function confirmIn(panel: HTMLElement, question: string, yes: string): Promise<boolean> {
  return new Promise((resolve) => {
    const ok = h('button', { type: 'button', 'data-confirm': 'yes' }, yes);
    const cancel = h('button', { type: 'button', class: 'secondary', 'data-confirm': 'no' }, '取消');
    show(
      panel,
      h(
        'div',
        { class: 'ask', role: 'alertdialog', 'aria-label': '请确认' },
        h('p', {}, question),
        ok,
        ' ',
        cancel,
      ),
    );
    ok.addEventListener('click', () => {
      panel.replaceChildren();
      resolve(true);
    });
    cancel.addEventListener('click', () => {
      panel.replaceChildren();
      resolve(false);
    });
    ok.focus();
  });
}

/** The bureau's workbook of codes: a POST answered with an XLSX, saved through a temporary link. */
async function postDownload(path: string, filename: string): Promise<void> {
  const response = await fetch(path, {
    method: 'POST',
    cache: 'no-store',
    credentials: 'same-origin',
    headers: { Accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, application/zip' },
  });
  if (!response.ok) {
    let problem: Problem | undefined;
    try {
      problem = (await response.json()) as Problem;
    } catch {
      problem = undefined;
    }
    throw new ApiError(response.status, problem, problemMessage(response.status, problem));
  }
  const url = URL.createObjectURL(await response.blob());
  const link = h('a', { href: url, download: filename });
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 10_000);
}

function counts(activated: number, notYet: number, locked: number): HTMLElement {
  return h(
    'ul',
    { class: 'counts', 'data-counts': 'activation' },
    h('li', { 'data-count': 'activated' }, `已激活 ${activated} 家`),
    h('li', { 'data-count': 'not-yet' }, `未激活 ${notYet} 家`),
    h('li', { 'data-count': 'locked' }, `已锁定 ${locked} 家`),
  );
}

export async function activationAdminPage(
  main: HTMLElement,
  current: Session,
  id: string,
  selected?: string,
): Promise<void> {
  const base = `/v1/evaluations/${encodeURIComponent(id)}`;
  const [evaluation, status] = await Promise.all([
    getJson<Evaluation>(base),
    getJson<Status>(`${base}/activation-status`),
  ]);
  const bureau = current.role === 'admin';
  const error = alertBox();
  const panel = h('div', { 'aria-live': 'polite', 'data-panel': 'activation' });
  const reload = () => activationAdminPage(main, current, id, selected);
  const total = (key: 'activated' | 'notYet' | 'locked') =>
    status.towns.reduce((sum, town) => sum + town[key], 0);

  const enterpriseTable = (town: TownStatus): HTMLElement =>
    labelledTable(
      `${townName(town.town)}企业（${town.enterprises.length} 家）`,
      ['企业名称', '统一社会信用代码', '状态', '激活码有效期至', '操作'],
      town.enterprises.map((enterprise) => {
        // No live code (none issued yet, or it was used or ran out): nothing is replaced, and 重新 misled.
        const reissue = h(
          'button',
          { type: 'button', class: 'secondary' },
          enterprise.codeExpiresAt === null ? '发放激活码' : '重新发放激活码',
        );
        reissue.addEventListener('click', () => {
          void reissueCode(enterprise);
        });
        const unlock =
          enterprise.status === 'locked' ? h('button', { type: 'button', class: 'secondary' }, '解锁') : null;
        unlock?.addEventListener('click', () => {
          postNoContent(`/v1/accounts/${encodeURIComponent(enterprise.uscc)}/unlock`)
            .then(() => reload())
            .then(() => {
              const note = main.querySelector('[data-panel="activation"]');
              note?.replaceChildren(
                h('p', { class: 'status', role: 'status' }, `已解锁：${enterprise.name}`),
              );
            })
            .catch((failure: unknown) => {
              showError(error, failure);
            });
        });
        return [
          enterprise.name,
          enterprise.uscc,
          h('span', { class: 'badge', 'data-status': enterprise.status }, STATUS_TEXT[enterprise.status]),
          enterprise.codeExpiresAt === null ? '—' : instant(enterprise.codeExpiresAt),
          h('span', { class: 'actions' }, reissue, unlock === null ? '' : ' ', unlock),
        ];
      }),
      { 'data-table': 'activation-enterprises' },
    );

  async function reissueCode(enterprise: EnterpriseStatus): Promise<void> {
    error.replaceChildren();
    const live = enterprise.codeExpiresAt !== null;
    const yes = await confirmIn(
      panel,
      live
        ? `将为「${enterprise.name}」重新生成激活码，原激活码立即失效。确定吗？`
        : `将为「${enterprise.name}」生成激活码。确定吗？`,
      live ? '确认重新发放' : '确认发放',
    );
    if (!yes) return;
    try {
      const issued = await sendJson<Schemas['ReissuedCode']>(
        'POST',
        `${base}/enterprises/${encodeURIComponent(enterprise.uscc)}/activation-code`,
        {},
      );
      // The table again (the code's expiry shows), then the code, once, in the new page's panel.
      await reload();
      const fresh = main.querySelector<HTMLElement>('[data-panel="activation"]') ?? panel;
      show(
        fresh,
        h(
          'div',
          { class: 'issued', role: 'status', tabindex: '-1', 'data-issued': '' },
          h('p', {}, `「${issued.name}」的新激活码：`),
          h('p', { class: 'code', 'data-code': issued.code }, issued.code),
          h(
            'p',
            { class: 'hint' },
            `有效期至 ${instant(issued.expiresAt)}。激活码只显示这一次，请当面或书面交给企业；企业用统一社会信用代码和激活码设置密码。`,
          ),
        ),
      );
      // The keyboard goes to the code (the button pressed was redrawn away), which also brings it into view.
      fresh.querySelector<HTMLElement>('[data-issued]')?.focus();
    } catch (failure) {
      showError(error, failure);
    }
  }

  const title = h(
    'h2',
    {},
    bureau ? '企业账号激活情况（全部乡镇街道）' : `${current.town ?? ''} · 企业账号激活情况`,
  );
  const back = h('p', {}, h('a', { href: `#/evaluations/${encodeURIComponent(id)}` }, '← 返回评价'));
  const heading = [
    back,
    title,
    h('p', { class: 'hint' }, evaluationTitle(evaluation)),
    counts(total('activated'), total('notYet'), total('locked')),
    error,
    panel,
  ];

  if (!bureau) {
    show(
      main,
      ...heading,
      status.towns.length === 0
        ? h('p', {}, '本乡镇街道在此次评价中没有企业。')
        : status.towns.map(enterpriseTable),
    );
    return;
  }

  // The codes exist in plain text only in the answer that issues them: the letters that print them must
  // come in the same download, or not at all.
  const withLetters = h('input', { type: 'checkbox', id: 'with-letters', 'data-with-letters': '' });
  const lettersChoice = h(
    'p',
    { class: 'check' },
    withLetters,
    ' ',
    h('label', { for: 'with-letters' }, '同时生成印有激活码的一企一单（与激活码表格一起下载为 ZIP）'),
  );

  const bulk = (town: TownStatus | null) => {
    const notYet = town === null ? total('notYet') : town.notYet;
    const locked = town === null ? total('locked') : town.locked;
    const button = h(
      'button',
      {
        type: 'button',
        'data-bulk': town === null ? 'all' : townKey(town.town),
        'aria-label': town === null ? undefined : `为${townName(town.town)}未激活企业生成激活码`,
      },
      town === null ? '为全部未激活企业生成激活码' : '生成激活码',
    );
    button.addEventListener('click', () => {
      void (async () => {
        error.replaceChildren();
        const yes = await confirmIn(
          panel,
          `将为 ${notYet} 家未激活企业生成激活码，旧激活码失效。` +
            (locked > 0 ? '已锁定而尚未激活的企业也一并生成。' : '') +
            '激活码只在下载的表格中出现一次。',
          '确认生成并下载',
        );
        if (!yes) return;
        button.disabled = true;
        try {
          const zip = withLetters.checked;
          const query = new URLSearchParams({ format: zip ? 'zip' : 'xlsx' });
          if (town?.town != null) query.set('town', town.town);
          const suffix = town?.town == null ? '' : `-${town.town}`;
          await postDownload(
            `${base}/activation-codes?${query.toString()}`,
            zip ? `企业激活码与一企一单${suffix}.zip` : `企业激活码${suffix}.xlsx`,
          );
          // The page again, so every live code's expiry shows; the note goes in the new page's panel.
          await reload();
          show(
            main.querySelector<HTMLElement>('[data-panel="activation"]') ?? panel,
            h('p', { class: 'status', role: 'status' }, '激活码表格已下载，请分发给各乡镇街道。'),
          );
        } catch (failure) {
          showError(error, failure);
        } finally {
          button.disabled = false;
        }
      })();
    });
    return button;
  };

  const summary = labelledTable(
    `各乡镇街道（${status.towns.length} 个）`,
    ['乡镇街道', '已激活', '未激活', '已锁定', '操作'],
    status.towns.map((town) => [
      h(
        'a',
        {
          href: `#/evaluations/${encodeURIComponent(id)}/activation/${encodeURIComponent(townKey(town.town))}`,
          'aria-current': selected === townKey(town.town) ? 'page' : undefined,
        },
        townName(town.town),
      ),
      String(town.activated),
      String(town.notYet),
      String(town.locked),
      // `?town=` cannot name "no town": those enterprises get codes with the whole county's.
      town.town === null ? '—' : bulk(town),
    ]),
    { 'data-table': 'activation-towns' },
  );
  const chosen = status.towns.find((town) => townKey(town.town) === selected);
  show(
    main,
    ...heading,
    lettersChoice,
    h('p', {}, bulk(null)),
    summary,
    chosen === undefined
      ? h(
          'p',
          { class: 'hint' },
          '点击乡镇街道名称，查看该乡镇街道各企业的激活情况，可重新发放激活码或解锁。',
        )
      : enterpriseTable(chosen),
  );
}
