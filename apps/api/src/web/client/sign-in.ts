import { ApiError, getJson, postNoContent, problemSlug, sendJson } from './api.js';
import { readableDetail } from './problem-text.js';
import type { Schemas } from './api.js';
import { h, show, uid } from './dom.js';

/**
 * Sign-in, activation, password change and binding an authenticator: the pages before (or beside)
 * a session. The session itself is an HttpOnly cookie the server sets; nothing here stores a secret.
 */

/** The complexity rule, as the server checks it (apps/api/src/accounts/passwords.ts). */
export const PASSWORD_RULE =
  '密码至少 8 位，须包含大写字母、小写字母、数字、符号四类中的至少三类，且不得包含账号名（用户名或统一社会信用代码）。';

/** Our own problems carry their reason in Chinese: show it (the lock's minutes, the rule broken). */
function reason(error: unknown): string {
  if (error instanceof ApiError) {
    return readableDetail(error.problem?.detail) ?? error.message;
  }
  return '无法连接服务器，请检查网络后重试。';
}

function field(
  label: string,
  attrs: Readonly<Record<string, string | boolean>>,
  hint?: string,
): { row: HTMLElement; input: HTMLInputElement } {
  const id = uid(String(attrs['name'] ?? 'field'));
  const hintId = hint === undefined ? undefined : `${id}-hint`;
  const input = h('input', { id, ...attrs, ...(hintId === undefined ? {} : { 'aria-describedby': hintId }) });
  const row = h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    input,
    hint === undefined ? null : h('p', { class: 'hint', id: hintId }, hint),
  );
  return { row, input };
}

/** Why single sign-on sent the person back without a session (the callback's `?sso=`), in Chinese. */
export const SSO_REFUSALS: Readonly<Record<string, string>> = {
  expired: '统一身份认证登录已过期或已使用，请重新点击登录按钮。',
  'state-mismatch': '统一身份认证的应答与本次登录不符，已拒绝。请重新点击登录按钮。',
  denied: '统一身份认证平台未同意登录（可能已取消）。',
  failed: '统一身份认证的应答未通过校验，已拒绝。请稍后重试，或使用账号密码登录。',
  'no-account':
    '统一身份认证已通过，但本系统没有对应的账号（或账号已停用）。企业请先由乡镇街道发放激活码；工作人员请联系经信局开通账号。',
  locked:
    '该账号因多次登录失败已被锁定，统一身份认证登录同样不可用。请稍后再试，或请所在乡镇街道或经信局解除锁定。',
  admin: '管理员账号须使用账号、密码和动态口令登录，不能使用统一身份认证。',
};

const FORGOT =
  '忘记密码：企业请向所在乡镇街道（或经信局）索取新的激活码，用激活码重新设置密码；工作人员请联系经信局系统管理员重置密码。';

export interface SignInOptions {
  readonly message?: string;
  /** Called once signed in. */
  readonly done: () => void;
}

/** The sign-in form: account (username or 统一社会信用代码), password, and 动态口令 when asked for. */
export function signInPage(main: HTMLElement, options: SignInOptions): void {
  const error = h('div', { class: 'error', role: 'alert', id: 'signin-error' }, options.message ?? '');
  const account = field(
    '账号',
    {
      name: 'account',
      required: true,
      autocomplete: 'username',
      spellcheck: 'false',
      autocapitalize: 'off',
    },
    '工作人员填用户名，企业填统一社会信用代码。',
  );
  const password = field('密码', {
    name: 'password',
    type: 'password',
    required: true,
    autocomplete: 'current-password',
  });
  const otp = field(
    '动态口令',
    {
      name: 'otp',
      inputmode: 'numeric',
      autocomplete: 'one-time-code',
      spellcheck: 'false',
    },
    '手机验证器应用显示的 6 位数字；手机丢失时可填一个恢复码（如 4KX7M-QH2RT）。',
  );
  otp.row.hidden = true;
  const button = h('button', { type: 'submit' }, '登录');
  // Single sign-on, when the server has it configured: a plain link, since the browser goes to the
  // identity provider and comes back signed in (or with ?sso=reason).
  const sso = h('div', { class: 'sso', hidden: true });
  void getJson<Schemas['SignInMethods']>('/v1/auth/methods')
    .then((methods) => {
      if (methods.sso === null) return;
      show(
        sso,
        h('p', { class: 'hint' }, '或'),
        h('a', { href: methods.sso.start, class: 'button', 'data-sso': '' }, methods.sso.label),
      );
      sso.hidden = false;
    })
    .catch(() => undefined);
  const form = h(
    'form',
    { class: 'signin', 'data-page': 'sign-in' },
    h('h2', {}, '登录'),
    account.row,
    password.row,
    otp.row,
    error,
    button,
    sso,
    h('p', { class: 'hint' }, h('a', { href: '#/activate' }, '企业首次使用：用激活码激活账号')),
    h('details', { class: 'hint' }, h('summary', {}, '忘记密码'), h('p', {}, FORGOT)),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const body = {
      account: account.input.value.trim(),
      password: password.input.value,
      ...(otp.row.hidden || otp.input.value.trim() === '' ? {} : { otp: otp.input.value.trim() }),
    };
    if (body.account === '' || body.password === '') {
      error.textContent = '请填写账号和密码。';
      return;
    }
    button.disabled = true;
    error.textContent = '';
    void postNoContent('/v1/auth/sign-in', body)
      .then(() => {
        options.done();
      })
      .catch((failure: unknown) => {
        button.disabled = false;
        const slug = problemSlug(failure);
        if (slug === 'otp-required' || slug === 'otp-invalid') {
          otp.row.hidden = false;
          otp.input.required = true;
          otp.input.focus();
        } else if (slug === 'password-change-required') {
          passwordPage(main, {
            account: body.account,
            current: body.password,
            message: reason(failure),
            done: options.done,
          });
          return;
        } else if (slug === 'totp-enrolment-required') {
          totpEnrolmentPage(main, body.account, body.password, options.done);
          return;
        }
        error.textContent = reason(failure);
      });
  });
  show(main, form);
  account.input.focus();
}

/** Activation: 统一社会信用代码, the code from the town office, the new password twice. */
export function activationPage(main: HTMLElement, done: () => void): void {
  const error = h('div', { class: 'error', role: 'alert' });
  const uscc = field('统一社会信用代码', {
    name: 'uscc',
    required: true,
    maxlength: '18',
    spellcheck: 'false',
    autocomplete: 'username',
  });
  const code = field(
    '激活码',
    { name: 'code', required: true, spellcheck: 'false', autocomplete: 'one-time-code' },
    '乡镇街道发放的激活码，形如 4KX7M-QH2RT，不区分大小写。',
  );
  const first = field(
    '设置密码',
    { name: 'password', type: 'password', required: true, autocomplete: 'new-password' },
    PASSWORD_RULE,
  );
  const second = field('再次输入密码', {
    name: 'password2',
    type: 'password',
    required: true,
    autocomplete: 'new-password',
  });
  const button = h('button', { type: 'submit' }, '激活');
  const form = h(
    'form',
    { class: 'signin', 'data-page': 'activate' },
    h('h2', {}, '激活企业账号'),
    h('p', {}, '首次使用时，用乡镇街道发放的激活码设置本企业的登录密码。激活码只能使用一次。'),
    uscc.row,
    code.row,
    first.row,
    second.row,
    error,
    button,
    h('p', { class: 'hint' }, h('a', { href: '#/' }, '返回登录')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (first.input.value !== second.input.value) {
      error.textContent = '两次输入的密码不一致。';
      second.input.focus();
      return;
    }
    button.disabled = true;
    const body = {
      uscc: uscc.input.value.trim().toUpperCase(),
      code: code.input.value.trim(),
      password: first.input.value,
    };
    void postNoContent('/v1/auth/activate', body)
      .then(() => {
        history.replaceState(null, '', '#/');
        signInPage(main, { message: '', done });
        const notice = main.querySelector('#signin-error');
        if (notice !== null) {
          notice.setAttribute('role', 'status');
          notice.className = 'notice';
          notice.textContent = '账号已激活，请用统一社会信用代码和新密码登录。';
        }
      })
      .catch((failure: unknown) => {
        button.disabled = false;
        error.textContent = reason(failure);
      });
  });
  show(main, form);
  uscc.input.focus();
}

/** Changing a password: a temporary one before first sign-in, or one's own while signed in. */
export function passwordPage(
  main: HTMLElement,
  options: {
    readonly account?: string;
    readonly current?: string;
    readonly message?: string;
    readonly done: () => void;
  },
): void {
  const error = h('div', { class: 'error', role: 'alert' }, options.message ?? '');
  const signedIn = options.account === undefined;
  const current = field(signedIn ? '当前密码' : '临时密码', {
    name: 'current',
    type: 'password',
    required: true,
    autocomplete: 'current-password',
  });
  if (options.current !== undefined) current.input.value = options.current;
  const first = field(
    '新密码',
    { name: 'new', type: 'password', required: true, autocomplete: 'new-password' },
    PASSWORD_RULE,
  );
  const second = field('再次输入新密码', {
    name: 'new2',
    type: 'password',
    required: true,
    autocomplete: 'new-password',
  });
  const button = h('button', { type: 'submit' }, '修改密码');
  const form = h(
    'form',
    { class: 'signin', 'data-page': 'password' },
    h('h2', {}, '修改密码'),
    signedIn ? h('p', {}, '修改后所有设备上的登录都将退出，请用新密码重新登录。') : null,
    current.row,
    first.row,
    second.row,
    error,
    button,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (first.input.value !== second.input.value) {
      error.textContent = '两次输入的新密码不一致。';
      return;
    }
    button.disabled = true;
    void postNoContent('/v1/auth/password', {
      ...(options.account === undefined ? {} : { account: options.account }),
      currentPassword: current.input.value,
      newPassword: first.input.value,
    })
      .then(() => {
        history.replaceState(null, '', '#/');
        signInPage(main, { done: options.done });
        const notice = main.querySelector('#signin-error');
        if (notice !== null) notice.textContent = '密码已修改，请用新密码登录。';
      })
      .catch((failure: unknown) => {
        button.disabled = false;
        error.textContent = reason(failure);
      });
  });
  show(main, form);
  (options.current === undefined ? current.input : first.input).focus();
}

/**
 * Binding an authenticator app, for an administrator at first sign-in: the secret (to type in, or
 * the otpauth link), the first code to confirm it, then the recovery codes, shown once.
 */
export function totpEnrolmentPage(
  main: HTMLElement,
  account: string,
  password: string,
  done: () => void,
): void {
  const error = h('div', { class: 'error', role: 'alert' });
  show(main, h('p', { role: 'status' }, '正在生成动态口令密钥…'));
  void sendJson<{ secret: string; otpauthUri: string }>('POST', '/v1/auth/totp/enroll', { account, password })
    .then((enrolment) => {
      const otp = field('验证器显示的 6 位动态口令', {
        name: 'otp',
        required: true,
        inputmode: 'numeric',
        autocomplete: 'one-time-code',
      });
      const button = h('button', { type: 'submit' }, '确认绑定');
      const form = h(
        'form',
        { class: 'signin', 'data-page': 'totp-enrol' },
        h('h2', {}, '绑定动态口令'),
        h(
          'p',
          {},
          '管理员账号须使用动态口令（双因素认证）。请在手机验证器应用（如 Microsoft Authenticator、Google Authenticator）中添加账号，输入下面的密钥（基于时间）：',
        ),
        h(
          'p',
          {},
          h(
            'code',
            { 'data-totp-secret': enrolment.secret },
            enrolment.secret.replace(/(.{4})/g, '$1 ').trim(),
          ),
        ),
        h('p', { class: 'hint' }, h('a', { href: enrolment.otpauthUri }, '在本机的验证器应用中打开')),
        otp.row,
        error,
        button,
      );
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        button.disabled = true;
        void sendJson<{ recoveryCodes: string[] }>('POST', '/v1/auth/totp/confirm', {
          account,
          password,
          otp: otp.input.value.trim(),
        })
          .then(({ recoveryCodes }) => {
            const next = h('button', { type: 'button' }, '继续登录');
            next.addEventListener('click', () => {
              signInPage(main, { done });
            });
            show(
              main,
              h(
                'section',
                { class: 'signin', 'data-page': 'recovery-codes' },
                h('h2', {}, '动态口令已绑定'),
                h(
                  'p',
                  {},
                  '请抄下或打印以下恢复码并妥善保管。手机丢失时，每个恢复码可代替动态口令使用一次。恢复码只显示这一次。',
                ),
                h(
                  'ul',
                  { 'data-list': 'recovery-codes' },
                  ...recoveryCodes.map((code) => h('li', {}, h('code', {}, code))),
                ),
                next,
              ),
            );
          })
          .catch((failure: unknown) => {
            button.disabled = false;
            error.textContent = reason(failure);
          });
      });
      show(main, form);
      otp.input.focus();
    })
    .catch((failure: unknown) => {
      show(
        main,
        h('div', { class: 'error', role: 'alert' }, reason(failure)),
        h('p', {}, h('a', { href: '#/' }, '返回登录')),
      );
    });
}
