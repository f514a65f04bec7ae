import { ApiError, getJson, postDownload, sendJson } from './api.js';
import type { Evaluation, Schemas } from './api.js';
import { h, show, svg, table, uid } from './dom.js';
import { evaluationTitle, figure } from './format.js';

/**
 * 评价办法修订模拟测算 (the bureau, `#/evaluations/<id>/simulation`): pick a preset or upload a proposed
 * scheme (JSON), and see the evaluation's data under both methods: the summary, a chart of the class
 * shares, the movement matrix, who moves and why, towns and industries, and the 差别化电价 impact; the
 * workbook and the printable page are downloads of the same report. Every name is a text node.
 */

type Simulation = Schemas['Simulation'];
type Group = Simulation['byTown'][number];
type ImpactRow = NonNullable<Simulation['surcharges']>['newlySurcharged'][number];
type Proposals = Schemas['Proposals'];
type Proposal = Schemas['Proposal'];

const SAVED = 'proposal:';

const PRESETS: readonly (readonly [string, string])[] = [
  ['reference', '参考评价办法（reference）'],
  ['shandong-2022', '参考办法＋山东差别化电价（shandong-2022）'],
  ['huangyan-2022', '黄岩 2022 年办法（huangyan-2022）'],
];
const UPLOAD = '__upload__';
const MOVES: Readonly<Record<string, string>> = { up: '上升', down: '下降', changed: '变化', same: '不变' };
const FILLS = ['#1b6e3a', '#2563a8', '#9a5b00', '#b3261e', '#6b3fa0', '#00707a', '#5f6670'];

function countsOf(simulation: Simulation, side: 'current' | 'proposed'): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of simulation.enterprises) {
    const id = e[side].finalClass ?? '—';
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/** Two 100% bars (现行, 拟议), a segment per class; the table below carries the same counts as text. */
function shareChart(simulation: Simulation): SVGSVGElement {
  const order = simulation.classOrder;
  const width = 640;
  const left = 80;
  const bar = width - left - 10;
  const root = svg('svg', {
    viewBox: `0 0 ${String(width)} 110`,
    role: 'img',
    class: 'bars simulation-chart',
    'aria-labelledby': 'simulation-chart-title',
  });
  const sides = [
    ['现行办法', countsOf(simulation, 'current')],
    ['拟议办法', countsOf(simulation, 'proposed')],
  ] as const;
  root.appendChild(
    svg(
      'title',
      { id: 'simulation-chart-title' },
      `类别构成：${sides
        .map(
          ([label, counts]) =>
            `${label} ${order.map((id) => `${id} ${String(counts.get(id) ?? 0)} 家`).join('、')}`,
        )
        .join('；')}`,
    ),
  );
  const total = simulation.totals.enterprises || 1;
  sides.forEach(([label, counts], row) => {
    const y = 8 + row * 36;
    root.appendChild(svg('text', { x: '0', y: String(y + 19) }, label));
    let x = left;
    order.forEach((id, i) => {
      const count = counts.get(id) ?? 0;
      if (count === 0) return;
      const w = (count / total) * bar;
      root.appendChild(
        svg('rect', {
          x: x.toFixed(1),
          y: String(y),
          width: w.toFixed(1),
          height: '28',
          fill: FILLS[i % FILLS.length] ?? '#5f6670',
          stroke: '#fff',
        }),
      );
      if (w >= 30) {
        root.appendChild(
          svg(
            'text',
            { x: (x + w / 2).toFixed(1), y: String(y + 19), 'text-anchor': 'middle', fill: '#fff' },
            `${id} ${String(count)}`,
          ),
        );
      }
      x += w;
    });
  });
  root.appendChild(svg('text', { x: '0', y: '100' }, '图中数字为企业数；明细见下表。'));
  return root;
}

function groupTable(
  caption: string,
  header: string,
  groups: readonly Group[],
  order: readonly string[],
): HTMLElement {
  return table(
    caption,
    [
      header,
      '企业数',
      ...order.map((id) => `现行 ${id}`),
      ...order.map((id) => `拟议 ${id}`),
      '上升',
      '下降',
    ],
    groups.map((g) => [
      g.group,
      String(g.enterprises),
      ...order.map((id) => String(g.current[id] ?? 0)),
      ...order.map((id) => String(g.proposed[id] ?? 0)),
      String(g.up),
      String(g.down),
    ]),
    { 'data-table': header },
  );
}

function impactTable(caption: string, rows: readonly ImpactRow[], unit: string): HTMLElement {
  if (rows.length === 0) return h('p', {}, `${caption}：无。`);
  return table(
    `${caption}（${String(rows.length)} 家）`,
    [
      '企业名称',
      '统一社会信用代码',
      '所属乡镇街道',
      '电力户号',
      '类别',
      `加价(${unit})`,
      '用电量(千瓦时)',
      '加价金额(元)',
    ],
    rows.map((r) => [
      r.name,
      r.uscc,
      r.town ?? '',
      r.accounts.length === 0 ? '（未提供）' : r.accounts.join('、'),
      `${r.currentClass ?? '—'} → ${r.proposedClass ?? '—'}`,
      `${r.currentPrice} → ${r.proposedPrice}`,
      r.electricityKwh === null ? '—' : figure(r.electricityKwh),
      r.currentAmount === null || r.proposedAmount === null
        ? '—'
        : `${figure(r.currentAmount)} → ${figure(r.proposedAmount)}`,
    ]),
    { 'data-table': caption },
  );
}

function report(simulation: Simulation): HTMLElement {
  const order = simulation.classOrder;
  const { totals } = simulation;
  const movers = simulation.enterprises.filter((e) => e.move !== 'same');
  const impact = simulation.surcharges;
  return h(
    'section',
    { 'aria-label': '测算结果', 'data-section': 'simulation-report' },
    h('h3', {}, `${simulation.current.name} → ${simulation.proposed.name}`),
    h(
      'p',
      { 'data-summary': 'totals' },
      `参加测算 ${String(totals.enterprises)} 家，类别变动 ${String(totals.moved)} 家：上升 ${String(totals.up)} 家，下降 ${String(totals.down)} 家，其他变化 ${String(totals.changed)} 家；不变 ${String(totals.same)} 家。`,
    ),
    simulation.byRule.length === 0
      ? null
      : h(
          'ul',
          {},
          ...simulation.byRule.map((r) => h('li', {}, `涉及${r.label}：${String(r.enterprises)} 家`)),
        ),
    shareChart(simulation),
    ...simulation.warnings.map((w) => h('p', { class: 'hint' }, w)),
    h('h3', {}, '类别变动矩阵'),
    table(
      '行为现行办法类别，列为拟议办法类别',
      ['现行 \\ 拟议', ...order],
      order.map((from) => [from, ...order.map((to) => String(simulation.matrix[from]?.[to] ?? 0))]),
      { 'data-table': 'matrix' },
    ),
    h('h3', {}, '类别变动企业及原因'),
    movers.length === 0
      ? h('p', {}, '没有企业的类别发生变动。')
      : table(
          `类别变动企业（${String(movers.length)} 家）`,
          ['企业名称', '统一社会信用代码', '所属乡镇街道', '现行', '拟议', '变动', '原因'],
          movers.map((e) => [
            e.name,
            e.uscc,
            e.town ?? '',
            `${e.current.finalClass ?? '—'}（${e.current.totalScore ?? '—'} 分）`,
            `${e.proposed.finalClass ?? '—'}（${e.proposed.totalScore ?? '—'} 分）`,
            MOVES[e.move] ?? e.move,
            h('ul', { class: 'plain' }, ...e.reasons.map((r) => h('li', {}, r))),
          ]),
          { 'data-table': 'movers' },
        ),
    h('h3', {}, '按乡镇街道和行业分布'),
    groupTable('按乡镇街道', '所属乡镇街道', simulation.byTown, order),
    groupTable('按行业（GB/T 4754 大类）', '行业', simulation.byIndustry, order),
    h('h3', {}, '差别化电价影响'),
    impact === null
      ? h('p', {}, '两种办法均未设差别化电价标准，不测算。')
      : h(
          'div',
          { 'data-section': 'surcharge-impact' },
          h(
            'p',
            {},
            `现行办法加价 ${String(impact.current.enterprises)} 家、${String(impact.current.accounts)} 个电力户号，按数据年度用电量测算 ${figure(impact.current.amount)} 元；` +
              `拟议办法加价 ${String(impact.proposed.enterprises)} 家、${String(impact.proposed.accounts)} 个户号，${figure(impact.proposed.amount)} 元。` +
              `新增加价 ${String(impact.newlyTotals.enterprises)} 家（${String(impact.newlyTotals.accounts)} 户），不再加价 ${String(impact.relievedTotals.enterprises)} 家（${String(impact.relievedTotals.accounts)} 户）。`,
          ),
          ...impact.notes.map((n) => h('p', { class: 'hint' }, n)),
          impactTable('新增加价', impact.newlySurcharged, impact.unit),
          impactTable('不再加价', impact.relieved, impact.unit),
          impactTable('加价标准变化', impact.changed, impact.unit),
        ),
  );
}

export async function simulationPage(main: HTMLElement, id: string): Promise<void> {
  const base = `/v1/evaluations/${encodeURIComponent(id)}`;
  const [evaluation, saved] = await Promise.all([
    getJson<Evaluation>(base),
    getJson<Proposals>('/v1/proposals'),
  ]);
  const choice = h(
    'select',
    { id: uid('proposed'), name: 'proposed' },
    ...PRESETS.map(([value, label]) => h('option', { value }, label)),
    ...saved.data.map((p) =>
      h('option', { value: `${SAVED}${p.id}` }, `已保存：${p.name}${p.note === null ? '' : `（${p.note}）`}`),
    ),
    h('option', { value: UPLOAD }, '上传评价办法文件（JSON）'),
  );
  const file = h('input', { id: uid('scheme-file'), type: 'file', accept: '.json,application/json' });
  const fileField = h(
    'div',
    { class: 'field', hidden: true },
    h('label', { for: file.id }, '拟议评价办法文件（JSON）'),
    file,
    h('p', { class: 'hint' }, '可写 "extends": "reference"，只列出要修改的部分。'),
  );
  choice.addEventListener('change', () => {
    fileField.hidden = choice.value !== UPLOAD;
  });
  const error = h('div', { class: 'error', role: 'alert', tabindex: '-1', 'data-error': 'simulation' });
  const status = h('p', { role: 'status', class: 'status' });
  const output = h('div', {});
  const downloads = h('div', { class: 'actions', hidden: true });
  let scheme: string | null = null;

  const fail = (failure: unknown) => {
    const message = failure instanceof ApiError ? failure.message : '测算失败，请稍后重试。';
    const detail = failure instanceof ApiError ? failure.problem?.detail : undefined;
    const errors = failure instanceof ApiError ? (failure.problem?.errors ?? []) : [];
    error.replaceChildren(
      h('p', {}, message),
      detail === undefined ? '' : h('p', {}, detail),
      errors.length === 0
        ? ''
        : h('ul', {}, ...errors.slice(0, 20).map((e) => h('li', {}, `${e.pointer}：${e.detail}`))),
    );
    error.focus();
  };

  const year = evaluation.year === null ? '' : `${String(evaluation.year)}年度`;
  const saveAs = (format: 'xlsx' | 'html', label: string) => {
    const button = h('button', { type: 'button', class: 'secondary', 'data-download': format }, label);
    button.addEventListener('click', () => {
      if (scheme === null) return;
      void postDownload(
        `${base}/simulation?format=${format}`,
        { scheme },
        `${year}评价办法修订模拟测算.${format}`,
      ).catch(fail);
    });
    return button;
  };
  downloads.append(saveAs('xlsx', '下载测算工作簿（XLSX）'), saveAs('html', '下载起草说明附件（HTML）'));

  // Keep the proposal just run, to come back to it (on this evaluation or next year's).
  const nameId = uid('proposal-name');
  const noteId = uid('proposal-note');
  const proposalName = h('input', { id: nameId, maxlength: '100', 'data-field': 'proposal-name' });
  const proposalNote = h('input', { id: noteId, maxlength: '500' });
  const kept = h('p', { role: 'status', class: 'status', 'data-status': 'proposal' });
  const keep = h(
    'form',
    { 'aria-label': '保存拟议方案', 'data-form': 'proposal', hidden: true },
    h('h3', {}, '保存拟议方案'),
    h('div', { class: 'field' }, h('label', { for: nameId }, '方案名称'), proposalName),
    h('div', { class: 'field' }, h('label', { for: noteId }, '说明（可不填）'), proposalNote),
    h('button', { type: 'submit', class: 'secondary' }, '保存方案'),
    kept,
  );
  keep.addEventListener('submit', (event) => {
    event.preventDefault();
    if (scheme === null) return;
    if (proposalName.value.trim() === '') {
      fail(new ApiError(0, undefined, '请填写方案名称。'));
      return;
    }
    sendJson<Proposal>('POST', '/v1/proposals', {
      name: proposalName.value.trim(),
      note: proposalNote.value.trim() === '' ? null : proposalNote.value.trim(),
      scheme,
    })
      .then((p) => {
        kept.textContent = `已保存拟议方案「${p.name}」，下次可在“拟议评价办法”中选用。`;
        const option = h('option', { value: `${SAVED}${p.id}` }, `已保存：${p.name}`);
        choice.insertBefore(option, choice.lastElementChild);
      })
      .catch(fail);
  });

  const run = h('button', { type: 'submit' }, '开始测算');
  const form = h(
    'form',
    { 'aria-label': '选择拟议办法' },
    h('div', { class: 'field' }, h('label', { for: choice.id }, '拟议评价办法'), choice),
    fileField,
    run,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    error.replaceChildren();
    void (async () => {
      let chosen: string;
      if (choice.value === UPLOAD) {
        const picked = file.files?.[0];
        if (picked === undefined) {
          fail(new ApiError(0, undefined, '请选择拟议评价办法文件（JSON）。'));
          return;
        }
        chosen = await picked.text();
      } else if (choice.value.startsWith(SAVED)) {
        const id = choice.value.slice(SAVED.length);
        try {
          chosen = (await getJson<Proposal>(`/v1/proposals/${encodeURIComponent(id)}`)).scheme;
        } catch (failure) {
          fail(failure);
          return;
        }
      } else {
        chosen = choice.value;
      }
      run.disabled = true;
      status.textContent = '正在按两种办法评分并对比…';
      try {
        const simulation = await sendJson<Simulation>('POST', `${base}/simulation`, { scheme: chosen });
        scheme = chosen;
        show(output, report(simulation));
        downloads.hidden = false;
        keep.hidden = false;
        status.textContent = '测算完成。';
      } catch (failure) {
        status.textContent = '';
        fail(failure);
      } finally {
        run.disabled = false;
      }
    })();
  });

  show(
    main,
    h(
      'p',
      {},
      h('a', { href: `#/evaluations/${encodeURIComponent(id)}` }, `← ${evaluationTitle(evaluation)}`),
    ),
    h('h2', {}, '评价办法修订模拟测算'),
    h(
      'p',
      {},
      `用本次评价的数据，分别按现行办法（${evaluation.scheme.name}）和拟议办法评分，逐家对比类别、得分和排名。测算不改变评价结果。`,
    ),
    form,
    error,
    status,
    downloads,
    keep,
    output,
  );
}
