import type { ColumnSpec } from '@mujun/sheets';
import { codeHash, newActivationCode, newSalt } from '../accounts/service.js';
import { shanghaiDate } from '../domain/clock.js';
import { notFound } from '../domain/errors.js';
import { lettersOf } from '../domain/letters.js';
import { attachment, XLSX_TYPE } from '../http/files.js';
import { ContentDispositionHeader } from '../http/headers.js';
import { defineRoute } from '../http/route.js';
import { zipStream, ZIP_TYPE } from '../http/zip.js';
import type { ZipEntry } from '../http/zip.js';
import type { Reply } from '../http/route.js';
import { ActivationQuery, ActivationStatus, IssueCodesQuery, ReissuedCode } from '../schemas/auth.js';
import { EnterprisePath, EvaluationPath } from '../schemas/result.js';
import type { ActivationState } from '../store/store.js';
import { readablePhase, visibleEvaluation } from './scope.js';

/**
 * Enterprise accounts come from the evaluation's list: the bureau issues one-time codes for every
 * enterprise not yet activated at once, as a workbook with a sheet per town for the town offices to
 * hand out; a town (or the bureau) reissues one enterprise's code; both follow who has activated.
 */

const NO_TOWN = '未注明乡镇街道';

/** An Excel sheet name: at most 31 characters, none of : \ / ? * [ ], unique in the workbook. */
function sheetName(town: string | null, taken: Set<string>): string {
  const base = (town ?? NO_TOWN).replace(/[:\\/?*[\]]/g, '_').slice(0, 28) || NO_TOWN;
  let name = base;
  for (let n = 2; taken.has(name); n += 1) name = `${base}(${n})`;
  taken.add(name);
  return name;
}

/** The codes workbook's columns, on each town's sheet. */
const CODE_COLUMNS: ColumnSpec[] = [
  { header: '统一社会信用代码', width: 22, text: true },
  { header: '企业名称', width: 36 },
  { header: '乡镇街道', width: 14 },
  { header: '激活码', width: 14, text: true },
  { header: '有效期至', width: 12 },
];

/** The enterprises by town, each town's in the order given, the towns in the order first seen. */
function byTown(states: readonly ActivationState[]): Map<string | null, ActivationState[]> {
  const towns = new Map<string | null, ActivationState[]>();
  for (const state of states) {
    const list = towns.get(state.town);
    if (list === undefined) towns.set(state.town, [state]);
    else list.push(state);
  }
  return towns;
}

export const issueActivationCodes = defineRoute({
  method: 'post',
  path: '/v1/evaluations/{id}/activation-codes',
  operationId: 'issueActivationCodes',
  tag: 'Sign-in',
  summary: 'Issue activation codes for every enterprise not yet activated: a workbook, a sheet per town',
  description:
    'One code per enterprise of the evaluation (of one town with `town`), 10 characters XXXXX-XXXXX of ' +
    'an unambiguous alphabet, valid MUJUN_ACTIVATION_DAYS (60) days; each replaces the enterprise’s ' +
    'previous code. Enterprises already activated get none. The workbook (统一社会信用代码, 企业名称, ' +
    '乡镇街道, 激活码, 有效期至) and, with format=zip, the 一企一单 sheets of those enterprises with ' +
    'each one’s code printed on its sheet (one printable HTML per town, beside the workbook) are the ' +
    'only places the codes appear: the store keeps salted SHA-256, so they cannot be printed later.',
  access: ['admin'],
  params: EvaluationPath,
  query: IssueCodesQuery,
  responses: {
    201: {
      description: 'the codes',
      contentType: XLSX_TYPE,
      headers: ContentDispositionHeader,
      alternatives: [
        {
          contentType: ZIP_TYPE,
          binary: true,
          description: 'format=zip: the workbook and the 一企一单 with codes, one HTML file per town',
        },
      ],
    },
  },
  async handle({ services, principal, params, query, req }): Promise<Reply> {
    const evaluation = await visibleEvaluation(services, params.id, principal);
    const states = await services.store.activationStates(evaluation.id, query.town);
    const now = services.clock.now();
    const expiresAt = new Date(now.getTime() + services.auth.settings.activationMs).toISOString();
    const issued = states
      .filter((state) => !state.activated)
      .map((state) => ({ state, code: newActivationCode(), salt: newSalt() }));
    await services.store.issueActivationCodes(
      evaluation.id,
      issued.map(({ state, code, salt }) => ({
        uscc: state.uscc,
        town: state.town,
        salt,
        hash: codeHash(salt, code),
        expiresAt,
      })),
      services.auth.context(req, { id: principal.tokenId, role: principal.role }),
    );
    const codes = new Map(issued.map(({ state, code }) => [state.uscc, code]));
    const towns = byTown(issued.map(({ state }) => state));
    const taken = new Set<string>();
    const until = shanghaiDate(new Date(expiresAt));
    // Written in a worker: a county's workbook is seconds of exceljs.
    const bytes = await services.work.workbook(
      towns.size === 0
        ? [
            {
              name: '无待激活企业',
              columns: [{ header: '全部企业均已激活，未生成激活码。', width: 40 }],
              rows: [],
            },
          ]
        : [...towns].map(([town, enterprises]) => ({
            name: sheetName(town, taken),
            columns: CODE_COLUMNS,
            rows: enterprises.map((state) => [
              state.uscc,
              state.name,
              town ?? '',
              codes.get(state.uscc) ?? '',
              until,
            ]),
          })),
    );
    const suffix = query.town === undefined ? '' : `-${query.town}`;
    if (query.format === 'xlsx') {
      return {
        status: 201,
        bytes,
        contentType: XLSX_TYPE,
        headers: attachment(`activation-codes-${evaluation.id}.xlsx`, `企业激活码${suffix}.xlsx`),
      };
    }
    // The codes exist in plain text only now: the 一企一单 letters that carry them are made in the same
    // answer, one document per town, each enterprise's code on its own sheet.
    const letters = await lettersOf(
      services.store,
      services.work.gradings,
      evaluation.id,
      readablePhase(evaluation, principal),
    );
    const base = services.notice.publicUrl?.replace(/\/+$/, '');
    const notices = new Map(
      issued.map(({ state, code }) => [
        state.uscc,
        { code, until, url: base === undefined ? null : `${base}/app/#/activate` },
      ]),
    );
    // One town's letters at a time, each deflated and sent before the next is written: a county's
    // letters are never held at once.
    async function* files(): AsyncGenerator<ZipEntry> {
      yield { name: `企业激活码${suffix}.xlsx`, bytes };
      for (const [town, enterprises] of towns) {
        yield {
          name: `一企一单（含激活码）-${(town ?? NO_TOWN).replace(/[\\/:*?"<>|]/g, '_')}.html`,
          deflated: await letters(
            enterprises.map((state) => state.uscc),
            notices,
          ),
        };
      }
    }
    return {
      status: 201,
      stream: zipStream(files(), now),
      contentType: ZIP_TYPE,
      headers: attachment(`activation-codes-${evaluation.id}.zip`, `企业激活码与一企一单${suffix}.zip`),
    };
  },
});

export const reissueActivationCode = defineRoute({
  method: 'post',
  path: '/v1/evaluations/{id}/enterprises/{uscc}/activation-code',
  operationId: 'reissueActivationCode',
  tag: 'Sign-in',
  summary: 'A new activation code for one enterprise (the old one stops working)',
  description:
    'The bureau, or the enterprise’s town. Also the way back from a forgotten password: activating ' +
    'with the new code sets a new password. Shown once.',
  access: ['admin', 'town'],
  params: EnterprisePath,
  responses: { 201: { description: 'the new code', schema: ReissuedCode } },
  async handle({ services, principal, params, req }) {
    const evaluation = await visibleEvaluation(services, params.id, principal);
    const uscc = params.uscc.trim().toUpperCase();
    const state = await services.store.activationState(evaluation.id, uscc);
    if (state === undefined || (principal.role === 'town' && state.town !== principal.town)) {
      throw notFound('enterprise');
    }
    const code = newActivationCode();
    const salt = newSalt();
    const expiresAt = new Date(
      services.clock.now().getTime() + services.auth.settings.activationMs,
    ).toISOString();
    await services.store.issueActivationCodes(
      evaluation.id,
      [{ uscc, town: state.town, salt, hash: codeHash(salt, code), expiresAt }],
      services.auth.context(req, { id: principal.tokenId, role: principal.role }),
    );
    return { status: 201, json: { uscc, name: state.name, town: state.town, code, expiresAt } };
  },
});

function statusOf(state: ActivationState, now: number): 'activated' | 'not-yet' | 'locked' {
  if (state.lockedUntil !== null && Date.parse(state.lockedUntil) > now) return 'locked';
  return state.activated ? 'activated' : 'not-yet';
}

export const getActivationStatus = defineRoute({
  method: 'get',
  path: '/v1/evaluations/{id}/activation-status',
  operationId: 'getActivationStatus',
  tag: 'Sign-in',
  summary: 'Which enterprises have activated their accounts, by town (activated / not yet / locked)',
  description: 'The bureau every town (or one with `town`); a town its own enterprises only.',
  access: ['admin', 'town'],
  params: EvaluationPath,
  query: ActivationQuery,
  responses: { 200: { description: 'by town', schema: ActivationStatus } },
  async handle({ services, principal, params, query }) {
    const evaluation = await visibleEvaluation(services, params.id, principal);
    const town = principal.role === 'town' ? principal.town : query.town;
    const states = await services.store.activationStates(evaluation.id, town);
    const now = services.clock.now().getTime();
    const towns = byTown(states);
    return {
      status: 200,
      json: {
        towns: [...towns].map(([name, list]) => {
          const enterprises = list.map((state) => ({
            uscc: state.uscc,
            name: state.name,
            status: statusOf(state, now),
            codeExpiresAt:
              state.codeExpiresAt !== null &&
              state.codeUsedAt === null &&
              Date.parse(state.codeExpiresAt) > now
                ? state.codeExpiresAt
                : null,
          }));
          return {
            town: name,
            activated: enterprises.filter((e) => e.status === 'activated').length,
            notYet: enterprises.filter((e) => e.status === 'not-yet').length,
            locked: enterprises.filter((e) => e.status === 'locked').length,
            enterprises,
          };
        }),
      },
    };
  },
});

export const ACTIVATION_ROUTES = [issueActivationCodes, reissueActivationCode, getActivationStatus];
