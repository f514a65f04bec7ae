import { all, postNoContent, sendJson } from './api.js';
import type { Schemas } from './api.js';
import { alertBox, confirmIn, labelledTable, showError } from './activation-admin.js';
import { h, show, uid } from './dom.js';
import { instant } from './format.js';

/**
 * The bureau's staff accounts and API tokens (`#/accounts`): a town or department account made with a
 * temporary password shown once; disabling one after confirming; a token for a machine client shown
 * once; revoking one after confirming.
 */

type StaffAccount = Schemas['StaffAccount'];
type ApiToken = Schemas['ApiToken'];

const ROLE_TEXT: Readonly<Record<string, string>> = {
  admin: '经信局管理员',
  department: '部门',
  town: '乡镇街道',
  enterprise: '企业',
};
const DEPARTMENT_TEXT: Readonly<Record<string, string>> = {
  tax: '税务',
  statistics: '统计',
  'natural-resources': '自然资源',
  power: '电力',
  ecology: '生态环境',
};

function scope(row: { department: string | null; town: string | null; uscc?: string | null }): string {
  if (row.department !== null) return DEPARTMENT_TEXT[row.department] ?? row.department;
  return row.town ?? row.uscc ?? '全县（市、区）';
}

function field(label: string, input: HTMLElement & { id: string }): HTMLElement {
  return h('div', { class: 'field' }, h('label', { for: input.id }, label), input);
}

function select(options: Readonly<Record<string, string>>): HTMLSelectElement {
  return h(
    'select',
    { id: uid('select') },
    ...Object.entries(options).map(([value, text]) => h('option', { value }, text)),
  );
}

/** A secret shown once in `panel`, with what to do with it. */
function once(panel: HTMLElement, lead: string, secret: string, hint: string): void {
  show(
    panel,
    h(
      'div',
      { class: 'issued', role: 'status' },
      h('p', {}, lead),
      h('p', { class: 'code', 'data-secret': secret }, secret),
      h('p', { class: 'hint' }, hint),
    ),
  );
}

export async function accountsAdminPage(main: HTMLElement): Promise<void> {
  const [accounts, tokens] = await Promise.all([
    all<StaffAccount>('/v1/accounts'),
    all<ApiToken>('/v1/tokens'),
  ]);
  const error = alertBox();
  const panel = h('div', { 'aria-live': 'polite', 'data-panel': 'accounts' });
  /** The page again, then `after` in the new page's panel (the secret, shown once). */
  const reload = async (after?: (fresh: HTMLElement) => void) => {
    await accountsAdminPage(main);
    const fresh = main.querySelector<HTMLElement>('[data-panel="accounts"]');
    if (after !== undefined && fresh !== null) after(fresh);
  };

  const accountRows = accounts.map((account) => {
    let action: HTMLElement | string = '—';
    if (account.disabledAt === null) {
      const disable = h('button', { type: 'button', class: 'secondary' }, '停用');
      disable.addEventListener('click', () => {
        void (async () => {
          const yes = await confirmIn(
            panel,
            `将停用账号「${account.name}」：该账号不能再登录，已登录的会话立即失效。确定吗？`,
            '确认停用',
          );
          if (!yes) return;
          try {
            await postNoContent(`/v1/accounts/${encodeURIComponent(account.name)}/disable`);
            await reload((fresh) => {
              show(fresh, h('p', { class: 'status', role: 'status' }, `已停用：${account.name}`));
            });
          } catch (failure) {
            showError(error, failure);
          }
        })();
      });
      action = disable;
    }
    return [
      account.name,
      ROLE_TEXT[account.role] ?? account.role,
      scope(account),
      account.disabledAt !== null
        ? `已停用（${instant(account.disabledAt)}）`
        : account.mustChange
          ? '待修改临时密码'
          : '正常',
      account.totp ? '已绑定' : '未绑定',
      action,
    ];
  });

  // 新建账号
  const role = select({ town: '乡镇街道', department: '部门', admin: '经信局管理员' });
  const username = h('input', { id: uid('username'), type: 'text', autocomplete: 'off' });
  const department = select(DEPARTMENT_TEXT);
  const town = h('input', { id: uid('town'), type: 'text' });
  const departmentField = field('所属部门', department);
  const townField = field('乡镇街道名称', town);
  const fit = () => {
    departmentField.hidden = role.value !== 'department';
    townField.hidden = role.value !== 'town';
  };
  role.addEventListener('change', fit);
  fit();
  const accountForm = h(
    'form',
    { 'aria-label': '新建账号', 'data-form': 'new-account' },
    h('h3', {}, '新建账号'),
    field('角色', role),
    field('用户名（3–32 位小写字母、数字，以字母开头）', username),
    departmentField,
    townField,
    h('button', { type: 'submit' }, '新建账号'),
  );
  accountForm.addEventListener('submit', (event) => {
    event.preventDefault();
    error.replaceChildren();
    const body = {
      role: role.value,
      username: username.value.trim(),
      ...(role.value === 'department' ? { department: department.value } : {}),
      ...(role.value === 'town' && town.value.trim() !== '' ? { town: town.value.trim() } : {}),
    };
    sendJson<Schemas['CreatedStaffAccount']>('POST', '/v1/accounts', body)
      .then((created) =>
        reload((fresh) => {
          once(
            fresh,
            `账号「${created.name}」已创建，临时密码：`,
            created.temporaryPassword,
            '临时密码只显示这一次，请当面或通过安全渠道交给使用人；首次登录须修改密码。',
          );
        }),
      )
      .catch((failure: unknown) => {
        showError(error, failure);
      });
  });

  const tokenRows = tokens.map((token) => {
    let action: HTMLElement | string = '—';
    if (token.revokedAt === null) {
      const revoke = h('button', { type: 'button', class: 'secondary' }, '吊销');
      revoke.addEventListener('click', () => {
        void (async () => {
          const yes = await confirmIn(
            panel,
            `将吊销令牌「${token.label === '' ? token.id : token.label}」：使用它的系统立即无法访问。确定吗？`,
            '确认吊销',
          );
          if (!yes) return;
          try {
            await postNoContent(`/v1/tokens/${encodeURIComponent(token.id)}/revoke`);
            await reload((fresh) => {
              show(fresh, h('p', { class: 'status', role: 'status' }, '令牌已吊销。'));
            });
          } catch (failure) {
            showError(error, failure);
          }
        })();
      });
      action = revoke;
    }
    return [
      token.id,
      token.label === '' ? '—' : token.label,
      ROLE_TEXT[token.role] ?? token.role,
      scope(token),
      instant(token.createdAt),
      token.revokedAt === null ? '有效' : `已吊销（${instant(token.revokedAt)}）`,
      action,
    ];
  });

  // 新建接口令牌
  const tokenRole = select({
    town: '乡镇街道',
    department: '部门',
    enterprise: '企业',
    admin: '经信局管理员',
  });
  const tokenDepartment = select(DEPARTMENT_TEXT);
  const tokenTown = h('input', { id: uid('token-town'), type: 'text' });
  const tokenUscc = h('input', { id: uid('token-uscc'), type: 'text', maxlength: '18' });
  const label = h('input', { id: uid('token-label'), type: 'text', maxlength: '100' });
  const fields = {
    department: field('所属部门', tokenDepartment),
    town: field('乡镇街道名称', tokenTown),
    enterprise: field('统一社会信用代码', tokenUscc),
  };
  const fitToken = () => {
    fields.department.hidden = tokenRole.value !== 'department';
    fields.town.hidden = tokenRole.value !== 'town';
    fields.enterprise.hidden = tokenRole.value !== 'enterprise';
  };
  tokenRole.addEventListener('change', fitToken);
  fitToken();
  const tokenForm = h(
    'form',
    { 'aria-label': '新建接口令牌', 'data-form': 'new-token' },
    h('h3', {}, '新建接口令牌'),
    field('角色', tokenRole),
    fields.department,
    fields.town,
    fields.enterprise,
    field('用途说明', label),
    h('button', { type: 'submit' }, '新建令牌'),
  );
  tokenForm.addEventListener('submit', (event) => {
    event.preventDefault();
    error.replaceChildren();
    const body = {
      role: tokenRole.value,
      ...(tokenRole.value === 'department' ? { department: tokenDepartment.value } : {}),
      ...(tokenRole.value === 'town' && tokenTown.value.trim() !== ''
        ? { town: tokenTown.value.trim() }
        : {}),
      ...(tokenRole.value === 'enterprise' && tokenUscc.value.trim() !== ''
        ? { uscc: tokenUscc.value.trim() }
        : {}),
      ...(label.value.trim() === '' ? {} : { label: label.value.trim() }),
    };
    sendJson<Schemas['CreatedApiToken']>('POST', '/v1/tokens', body)
      .then((created) =>
        reload((fresh) => {
          once(
            fresh,
            `令牌 ${created.id} 已创建：`,
            created.token,
            '令牌只显示这一次，请复制到对接系统的配置中；系统中只保存其摘要，遗失后只能吊销并新建。',
          );
        }),
      )
      .catch((failure: unknown) => {
        showError(error, failure);
      });
  });

  show(
    main,
    h('p', {}, h('a', { href: '#/' }, '← 评价管理')),
    h('h2', {}, '账号与接口令牌'),
    error,
    panel,
    labelledTable(
      `工作人员账号（${accounts.length} 个）`,
      ['用户名', '角色', '所属范围', '状态', '动态口令', '操作'],
      accountRows,
      { 'data-table': 'staff-accounts' },
    ),
    accountForm,
    labelledTable(
      `接口令牌（${tokens.length} 个）`,
      ['编号', '用途说明', '角色', '所属范围', '创建时间', '状态', '操作'],
      tokenRows,
      { 'data-table': 'api-tokens' },
    ),
    tokenForm,
  );
}
