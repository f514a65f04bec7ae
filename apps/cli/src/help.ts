import { PRESET_IDS } from '@mujun/scoring';

/** Usage texts, Chinese first with the English beside it: the users are bureau clerks and their IT staff. */

/** The input options of grade, validate and publish. */
const INPUT_HELP = `  -i, --input <file>      企业数据 XLSX 或 CSV（按内容识别）；各部门一个文件时重复给出，按统一社会信用
                          代码合并。表头行自动查找（其上的标题行跳过），中文名或英文键均可；合计行
                          只警告、不评分。CSV 为 UTF-8（可带 BOM）或 GBK/GB18030（Excel 另存的 CSV）
                          enterprise records as XLSX or CSV (told by content); repeat it for one file
                          per department, merged by 统一社会信用代码. The header row is found (title
                          rows above it skipped), Chinese names or English keys; a 合计 row is warned
                          about, not graded. CSV in UTF-8 (BOM or not) or GBK/GB18030
      --sheet <name>      XLSX 工作表名，默认第一个 (the workbook sheet, default the first)
      --encoding <enc>    CSV 编码：auto（默认，自动识别）、utf8、gb18030、gbk
                          the CSV encoding: auto (default: detected), utf8, gb18030, gbk
                          写在某个 --input 之后只用于该文件，写在所有 --input 之前则用于每个文件
                          after an --input it applies to that file; before the first, to every file
`;

export function mainUsage(): string {
  return `mujun — 工业企业亩均效益综合评价（亩均论英雄）
mujun — per-mu efficiency grading of industrial enterprises (A–D per 亩 of land)

用法 Usage:
  mujun <命令 command> [选项 options]
  mujun <命令 command> --help

命令 Commands:
  grade    按评价办法对一年的企业数据评分、分类，写出结果文件
           grade a year's enterprise records under a scheme and write the results
  publish  评分后写出公示名单、评价汇总（含图表）、用地面积公示、低效企业筛选和一企一单
           grade, then write the 公示 list, the summary with charts, the land-area notice,
           the low-efficiency list and the per-enterprise confirmation sheets
  validate 检查数据文件（不评分），列出每个有问题的单元格，可写出 Excel 错误报告
           check input files without grading; list every bad cell, optionally as an XLSX report
  scheme   用中文和公式写出评价办法（计算说明），或检查 scheme.json 并列出每处问题
           the scheme in Chinese words and formulas, or check a scheme.json listing every problem
  template 写出空白的企业数据填报模板（XLSX，含中英文表头和填报说明）
           write the empty input workbook (Chinese and English headers, a notes sheet)
  surcharges
           评分后按最终类别和连续 D 类年数写出差别化电价执行清单（CSV/XLSX 供电企业，HTML 公布）
           grade, then write the differentiated electricity-price list by final class and
           consecutive D years (CSV/XLSX for the grid company, HTML for publication)
  simulate 同一数据分别按现行办法和拟议办法评分，写出对比：类别变动矩阵、变动企业及原因、乡镇和行业分布、
           差别化电价影响（JSON、XLSX 或可打印的 HTML，作起草说明附件）
           grade the same data under the current and a proposed method and compare them
  token    为 API 服务签发、列出、吊销访问令牌（mujun token create|list|revoke），令牌只显示一次
           issue, list and revoke bearer tokens for the API server; a token is shown once
  account  管理工作人员登录账号：创建、列出、停用、重置密码、解除锁定
           staff sign-in accounts: create, list, disable, reset the password, unlock
  backup   在服务运行时把 API 数据库一致地备份到一个新文件
           copy the API server's database consistently to a new file, while it serves
  store    把 SQLite 数据目录迁移到 PostgreSQL（mujun store migrate），逐表摘要校验
           move a SQLite data directory into PostgreSQL, verified by a digest of every table

选项 Options:
  -h, --help    显示帮助 (show this help)

退出码 Exit codes:
  0  成功 (success)
  1  内部错误 (internal error)
  2  参数或输入无效，未写出结果 (invalid arguments or input; nothing written)
`;
}

export function gradeUsage(): string {
  return `用法 Usage:
  mujun grade --input <数据.xlsx|数据.csv> [--input <…> …] [--sheet <工作表>] [--encoding <编码>]
              [--scheme <评价办法>] [--previous <上年结果.json>] --out <结果.json|结果.csv|结果.xlsx>
              [--to-next-class]

选项 Options:
${INPUT_HELP}  -s, --scheme <scheme>   预置评价办法（${PRESET_IDS.join('、')}）或 scheme.json 文件路径，默认 reference
                          a preset (${PRESET_IDS.join(', ')}) or a path to a scheme.json; default reference
  -p, --previous <file>   上年的 JSON 结果（mujun grade --out 上年结果.json），评价办法的基准值取自上年时必填
                          last year's result.json, needed when the scheme takes benchmarks from it
  -o, --out <file>        结果文件，按扩展名决定格式 (the result file; its extension picks the format):
                            .json  完整结果：基准值、各项得分、加减分、类别及评价依据；每家企业一行
                                   the full report: benchmarks, scores, bonus, classes and the trace;
                                   compact JSON, one enterprise per line
                            .csv   每家企业一行，中文表头，可直接用 Excel 打开
                                   one row per enterprise with Chinese headers, opens in Excel
                            .xlsx  Excel 工作簿：每个评价组一张表（排名、各指标值/基准值/得分、
                                   加减分、总分、类别、调整原因），另一张为暂不评价及不纳入评价企业；
                                   数值为数字单元格，可直接求和
                                   an Excel workbook: one sheet per cohort (rank, each indicator's
                                   value, benchmark and score, bonus, penalty, total, classes and the
                                   override reasons) and one for the enterprises not rated; figures
                                   are numeric cells, so Excel sums them
      --to-next-class     .json 中每家参评企业另附 toNextClass：税收最少再增加多少万元（精确到 0.01）、
                          工业增加值最少再增加多少、用地面积最少减少多少亩即可升一类（其他企业数据
                          不变、全组重新评价），及与上一档最低分的差距；不能升类为 null
                          each rated enterprise also carries toNextClass: the smallest increase of
                          tax (to 0.01 万元), of added value, or reduction of land that moves it up a
                          class with everyone else's figures unchanged and its cohort graded again
  -h, --help              显示帮助 (show this help)

数据有误时列出每个有问题的单元格（文件、行、列、值、原因），不写结果文件，退出码为 2。
On invalid data every bad cell is listed (file, row, column, value, reason), no result file is written,
and the exit code is 2. Warnings (unknown columns, benchmark warnings) are printed but do not fail.

示例 Example:
  mujun grade --input apps/cli/samples/sample-2025.csv --out out/result.json
  mujun grade --input 2025.csv --scheme huangyan-2022 --out 2025-结果.csv
  mujun grade --input 2025.csv --out 2025-结果.xlsx
  mujun grade --input 税务.xlsx --sheet 2025 --input 国土.csv --input 统计.csv --out 2025-结果.json
`;
}

export function publishUsage(): string {
  return `用法 Usage:
  mujun publish --input <数据.xlsx|数据.csv> [--input <…> …] [--sheet <工作表>] [--encoding <编码>]
                [--scheme <评价办法>] [--previous <上年结果.json>] [--low-threshold <万元/亩>]
                [--order name|code] [--year <年度>] [--issuer <发布单位>] [--contact <联系方式>]
                [--url <异议申诉网址>] --out-dir <输出目录>

按评价办法评分（同 mujun grade），然后在输出目录中写出：
Grades the input as mujun grade does, then writes into the output directory:
  公示名单.xlsx / 公示名单.html   按类别列出企业名单（排名不分先后，不含名次和分数），附暂不评价企业
                                  （含事由）和享受保护性政策企业；网页可直接打印（A4）
                                  the 公示 list by class (no rank, no score) with appendices for
                                  exempt (with reasons) and protected enterprises; printable page
  评价汇总.xlsx / 评价汇总.html   按评价组、乡镇街道、园区、行业大类统计各类别家数和占比；区域汇总
                                  指标（Σ税收/Σ用地等）；亩均税收分布；给出 --previous 时另有同比变化
                                  和类别变动矩阵；网页含类别分布和亩均税收分布图
                                  counts and shares by class per cohort, town, park and industry;
                                  regional aggregates; the 亩均税收 spread per town; with --previous,
                                  year-over-year changes and class moves; the page has charts
  用地面积公示.xlsx               全部企业（含暂不评价、不纳入评价）的评价用地面积（亩），按乡镇街道
                                  the land-area notice: every enterprise's land in 亩, by town
  低效企业筛选.xlsx               亩均税收低于 --low-threshold 的参评企业，按乡镇街道分组
                                  rated enterprises below the 亩均税收 threshold, by town
  一企一单.html                   每家企业一页的数据确认单（数据、指标值、基准值、得分、加减分、
                                  总分、类别），打印时每家一页
                                  one confirmation sheet per enterprise, one printed page each

选项 Options:
${INPUT_HELP}  -s, --scheme <scheme>   预置评价办法（${PRESET_IDS.join('、')}）或 scheme.json，默认 reference
                          a preset (${PRESET_IDS.join(', ')}) or a scheme.json; default reference
  -p, --previous <file>   上年 mujun grade 输出的 .json 结果，用于同比（按统一社会信用代码匹配）
                          last year's .json result from mujun grade, for year-over-year
      --low-threshold <n> 低效企业筛选的亩均税收标准（万元/亩），默认 1（低于此值列入）
                          the 亩均税收 threshold of the low-efficiency list in 万元/亩; default 1
      --order name|code   公示名单排序：name 按企业名称拼音（默认），code 按统一社会信用代码
                          order of the 公示 list: by name in 拼音 order (default) or by code
      --year <YYYY>       评价年度，写入公示名单标题（如 2025年度…公示名单）
                          the data year, in the 公示 list's title
      --issuer <text>     发布单位，写入公示说明（如 黄岩区经济和信息化局）；不给则不写
                          the issuing body, in the notice; left out when not given
      --contact <text>    联系方式，写入公示说明（如 联系人 王某 0576-84123456）；不给则不写
                          the contact, in the notice; left out when not given
      --url <address>     在线提出异议申诉的网址（本系统地址）；不给则写"通过亩均效益评价系统在线提出"
                          where enterprises file objections online (this system's address)
  -o, --out-dir <dir>     输出目录；不存在则新建，同名文件被替换
                          the output directory; created if missing, same-named files replaced
  -h, --help              显示帮助 (show this help)

数据有误时列出每个有问题的单元格，不写出任何文件，退出码为 2。所有文件先写入临时目录，全部完成后
才移入输出目录，失败时输出目录保持原样。
On invalid data every bad cell is listed, nothing is written, and the exit code is 2. The files are
written to a temporary directory and moved into the output directory only when all are complete.

示例 Example:
  mujun publish --input apps/cli/samples/sample-2025.csv --out-dir out/2025-公示
  mujun publish --input 2025.xlsx --previous 2024-结果.json --low-threshold 1.5 --out-dir out/2025
  mujun publish --input 税务.xlsx --input 国土.xlsx --input 统计.csv --out-dir out/2025
`;
}

export function validateUsage(): string {
  return `用法 Usage:
  mujun validate --input <数据.xlsx|数据.csv> [--input <…> …] [--sheet <工作表>] [--encoding <编码>]
                 [--scheme <评价办法>] [--report <错误报告.xlsx>]

检查数据文件而不评分：读取、合并各部门文件，列出每个有问题的单元格，以及参评企业缺少的必填指标
（按 --scheme 的评价办法，默认 reference）。
Checks the input files without grading: reads and merges them and lists every bad cell, and every
figure a rated enterprise lacks under the scheme (--scheme, default reference).

选项 Options:
${INPUT_HELP}  -s, --scheme <scheme>   预置评价办法（${PRESET_IDS.join('、')}）或 scheme.json 文件路径，默认 reference
                          a preset (${PRESET_IDS.join(', ')}) or a path to a scheme.json; default reference
  -r, --report <file>     写出 Excel 错误报告（.xlsx）：「错误」表列出文件、工作表、行、列、值、原因，
                          「警告」表列出忽略的列和合计行等；没有问题时也写出（仅表头）
                          write an XLSX report: sheet 错误 (file, sheet, row, column, value, reason)
                          and sheet 警告 (ignored columns, totals rows); written when clean too
  -h, --help              显示帮助 (show this help)

退出码 Exit codes: 0 没有问题 (clean)；2 有问题或参数无效 (problems found, or bad arguments)；1 内部错误

示例 Example:
  mujun validate --input 税务.xlsx --input 国土.xlsx --input 统计.csv --report 错误报告.xlsx
`;
}

export function templateUsage(): string {
  return `用法 Usage:
  mujun template --out <模板.xlsx> [--scheme <评价办法>]

写出空白的企业数据填报模板：工作表「企业数据」第 1 行为中文表头、第 2 行为英文键，从第 3 行起填写；
工作表「说明」列出每一列的中文表头、英文键、类型、单位、规上/规下是否必填及填报说明。
填好的模板可直接用于 mujun validate 和 mujun grade。不会覆盖已有文件。
Writes the empty input workbook: sheet 企业数据 has the Chinese headers in row 1 and the English keys
in row 2, data from row 3; sheet 说明 lists each column's header, key, type, unit, whether 规上 and
规下 enterprises must fill it, and notes. The filled-in template reads as it is in validate and grade.
An existing file is never overwritten.
给出 --scheme 时，评价办法另加的数据（如临海的用水量、COD 排放量）各成一列，接在数据字典各列之后，
「说明」表写明其单位和填报单位。With --scheme, the figures the scheme declares are added as columns
after the data dictionary's, with their units and who fills them in sheet 说明.

选项 Options:
  -o, --out <file>        模板文件 (.xlsx)，须尚不存在 (the template file; must not exist yet)
      --scheme <id|file>  预置评价办法或评价办法文件，加上其另加的数据列 (add the columns a scheme declares)
  -h, --help              显示帮助 (show this help)

示例 Example:
  mujun template --out 2025-填报模板.xlsx
  mujun template --out 临海-填报模板.xlsx --scheme linhai
`;
}

export function surchargesUsage(): string {
  return `用法 Usage:
  mujun surcharges --input <数据.xlsx|数据.csv> [--input <…> …] [--sheet <工作表>] [--encoding <编码>]
                   [--scheme <评价办法>] --year <评价年度> --history <类别历史.csv|.xlsx>
                   --published <YYYY-MM-DD> --doc-no <文号> [--previous <上年清单.csv|.xlsx>]
                   --out <清单.csv|清单.xlsx|清单.html>

按评价办法评分（同 mujun grade），取 --year 年度各企业的最终类别，按类别历史计算连续 D 类年数（含本年度；
中间缺一年或有一年不是 D 类（含 T 暂不评价）即重新计算），按评价办法的差别化电价政策（policy）定出加价
标准，每家企业的每个电力户号一行。已执行其他加价的，按较高者执行、不叠加，并在备注中说明；没有电力户号的
应加价企业仍列一行（户号为空，备注提示核实）并给出警告。执行期自公布日期的次月 1 日起 12 个月。
Grades the input as mujun grade does, takes each enterprise's final class for --year, counts its
consecutive D years from the class history (this year included; a missing year, or any other class
including T, breaks the run), prices it with the scheme's policy table, and writes one row per power
account. An existing surcharge is not added on: the higher applies and 备注 says so. A surcharged
enterprise without a power account still gets one row (account empty, flagged) and a warning. The
period runs from the first day of the month after --published for 12 months.

选项 Options:
${INPUT_HELP}  -s, --scheme <scheme>   含差别化电价政策的评价办法：reference（D 类 0.30，连续第 3 年起 0.40 元/kWh）、
                          shandong-2022（D 类第 1/2/3 年起 0.05/0.10/0.15 元/kWh）或 scheme.json；默认 reference
                          a scheme with a policy: reference, shandong-2022 or a scheme.json
  -y, --year <year>       评价年度（数据年度），如 2025 (the evaluation year)
      --history <file>    类别历史 CSV 或 XLSX：统一社会信用代码、评价年度、类别（A–D 或 T），以前年度
                          每家企业每年一行；首年可只有表头
                          the class history: 统一社会信用代码, 评价年度, 类别, one row per enterprise and
                          earlier year; a header row alone in the first year
      --published <date>  最终公布日期 YYYY-MM-DD；执行期自次月 1 日起，至 12 个月后同日的前一天
                          the final publication date; the period starts on the first of the next month
      --doc-no <文号>     依据文号，写入每一行 (the document number, on every row)
  -p, --previous <file>   上年清单（本命令输出的 CSV 或 XLSX），用于列出新增、移出和加价变化
                          last year's list (this command's CSV or XLSX), for 新增 / 移出 / 加价变化
  -o, --out <file>        按扩展名决定格式 (the extension picks the format):
                            .csv   供电企业执行清单：UTF-8（带 BOM），中文表头，日期 YYYY-MM-DD
                                   the list for the grid company, UTF-8 with BOM, Chinese headers
                            .xlsx  同上，数字为数字单元格，另有新纳入加价行业、与上年对比和说明工作表
                                   the same with numeric cells, plus the new industries, the diff
                                   and a notes sheet
                            .html  公布页面：加价标准、执行名单、新纳入加价的行业及加价标准、与上年对比
                                   the publication page: tiers, list, new industries, diff
  -h, --help              显示帮助 (show this help)

数据、类别历史或上年清单有误时列出每个有问题的单元格（文件、行、列、值、原因），不写出文件，退出码为 2。
On invalid data, history or previous list every bad cell is listed (file, row, column, value, reason),
nothing is written, and the exit code is 2.

示例 Example:
  mujun surcharges --input 2025.csv --year 2025 --history 类别历史.csv --published 2026-03-15 \\
    --doc-no 海经信〔2026〕12号 --out 2025-差别化电价.csv
  mujun surcharges --input 2025.xlsx --scheme shandong-2022 --year 2025 --history 类别历史.xlsx \\
    --published 2026-03-15 --doc-no 鲁经信〔2026〕5号 --previous 2024-差别化电价.csv --out 2025-公布.html
`;
}

/** The data directory option of the commands that open the API's store. */
const DATA_DIR_HELP = `      --data-dir <dir>    API 服务的数据目录，默认环境变量 MUJUN_DATA_DIR，否则 .mujun-data
                          the API server's data directory; default $MUJUN_DATA_DIR, else .mujun-data
`;

export function simulateUsage(): string {
  return `用法 Usage:
  mujun simulate --input <数据.xlsx|数据.csv> [--input <…> …] [--sheet <工作表>] [--encoding <编码>]
                 [--scheme <现行办法>] --proposed <拟议办法.json|预置办法> [--year <评价年度>]
                 [--history <类别历史.csv|.xlsx>] --out <报告.json|报告.xlsx|报告.html>

同一数据分别按现行办法（--scheme，默认 reference）和拟议办法（--proposed）独立评分，逐家对比：每家企业
两种办法下的最终类别、综合得分和排名，类别变动矩阵，类别变动的企业及原因（评价范围、评价分组、得分分档
或类别调整规则，取自两次评分的过程记录），按乡镇街道和行业的类别分布，以及差别化电价影响（新增加价和
不再加价的企业及电力户号，按数据年度用电量测算的加价金额）。给出 --year 和 --history 时，连续 D 类年数
按 mujun surcharges 的规则计算；否则按本年度 1 年计。
Grades the same data under the current method (--scheme, default reference) and a proposed one
(--proposed), independently, and compares them enterprise by enterprise: final class, total score and
rank under both, the class movement matrix, who moves and by which rule (scope, cohort, score and band,
or an override step, read from both traces), distributions by town and industry, and the 差别化电价
impact (enterprises and power accounts newly surcharged or relieved, and the surcharge at the data
year's electricity use). With --year and --history, runs of D years count as in mujun surcharges.

选项 Options:
${INPUT_HELP}  -s, --scheme <scheme>   现行办法：预置办法 ${PRESET_IDS.join('、')} 或 scheme.json；默认 reference
                          the method in force: a preset or a scheme.json (default reference)
      --proposed <scheme> 拟议办法：scheme.json 或预置办法 (the proposed method)
  -y, --year <year>       数据年度，如 2025 (the evaluation year)
      --history <file>    类别历史 CSV 或 XLSX（同 mujun surcharges），用于连续 D 类年数
                          the class history (as mujun surcharges reads it)
  -o, --out <file>        按扩展名决定格式 (the extension picks the format):
                            .json  每家企业 {uscc, name, current, proposed, move, rules, reasons} 及汇总
                            .xlsx  概况、类别变动矩阵、变动企业、乡镇分布、行业分布、差别化电价影响、全部企业
                            .html  可打印的起草说明附件 (a printable page for the 起草说明)
  -h, --help              显示帮助 (show this help)

数据或类别历史有误时列出每个有问题的单元格，不写出文件，退出码为 2。
On invalid data or history every bad cell is listed, nothing is written, and the exit code is 2.

示例 Example:
  mujun simulate --input 2025.csv --scheme reference --proposed 2026-征求意见稿.json --out 模拟测算.html
`;
}

export function schemeUsage(): string {
  return `用法 Usage:
  mujun scheme explain <预置办法|scheme.json> [--format text|md]
  mujun scheme check <预置办法|scheme.json>

explain 按县里公布计算说明的样子，用中文和公式写出评价办法：评价范围、分组、指标与基准值、得分公式
（是否封顶、能否为负）、不适用时怎么计分、加减分、排名与分类、类别调整、四舍五入，供评价主管部门在
评分前逐条核对文件是否就是本县的办法。
explain writes the scheme as a county publishes its 计算说明: scope, groups, indicators and benchmarks,
score formulas (capped or not, negative or not), the not-applicable rule, bonus and penalty items, ranks
and classes, overrides and rounding, so the bureau can check the file says its method before grading.

check 检查 scheme.json，列出每处问题（位置和原因）和值得核对的提示；有问题时退出码为 2。
check validates a scheme.json, listing every problem (path and reason) and warnings; exits 2 on problems.

预置办法 Presets: ${PRESET_IDS.join('、')}

选项 Options:
  -f, --format <fmt>      explain 的格式：text（默认）或 md（Markdown）
                          explain's format: text (default) or md (Markdown)
  -h, --help              显示帮助 (show this help)

示例 Example:
  mujun scheme explain huangyan-2022
  mujun scheme explain 本县办法.json --format md > 计算说明.md
  mujun scheme check 本县办法.json
`;
}

export function tokenUsage(): string {
  return `用法 Usage:
  mujun token create --role admin|department|town|enterprise [--department <部门>] [--town <乡镇街道>]
                     [--uscc <统一社会信用代码>] [--label <说明>] [--data-dir <目录>]
  mujun token list [--data-dir <目录>]
  mujun token revoke <编号 tok_…|说明> [--data-dir <目录>]

为 API 服务签发访问令牌（Bearer mjt_…）：令牌打印到标准输出，只显示这一次；数据库只保存其 SHA-256。
Issues a bearer token (mjt_…) for the API server: printed once on stdout; the store keeps only its SHA-256.
list 列出全部令牌（不含令牌本身）；revoke 按编号或说明吊销，运行中的服务 1 秒内拒绝该令牌。
list shows every token (never the token itself); revoke by id or label: servers refuse it within a second.

角色 Roles:
  admin       评价主管部门（经信局），可做一切操作 (the bureau: everything)
  department  部门，复核分派给本部门的异议事项；须 --department tax|statistics|natural-resources|power|ecology
              a department: reviews the objection items on its figures; needs --department
  town        乡镇街道，查看本辖区企业结果、代企业提出异议；须 --town <名称>（与数据中的所属乡镇街道一致）
              a town: sees its enterprises and files on their behalf; needs --town, as in the data
  enterprise  企业，只能查看本企业结果、提出本企业异议；须 --uscc <统一社会信用代码>
              an enterprise: sees and files only its own; needs --uscc

选项 Options:
      --role <role>       角色 (the role)
      --department <d>    部门 (the department of a department token)
      --town <name>       乡镇街道 (the town of a town token)
      --uscc <code>       统一社会信用代码 (the enterprise of an enterprise token)
      --label <text>      说明，例如持有人 (a note, e.g. who holds it)
${DATA_DIR_HELP}  -h, --help              显示帮助 (show this help)

示例 Example:
  TOKEN=$(pnpm --silent mujun token create --role admin --label 经信局)
  pnpm --silent mujun token create --role department --department natural-resources
`;
}

export function accountUsage(): string {
  return `用法 Usage:
  mujun account create --role admin|department|town --username <用户名> [--department <部门>]
                       [--town <乡镇街道>] [--password-stdin] [--data-dir <目录>]
  mujun account list [--data-dir <目录>]
  mujun account disable <用户名> [--data-dir <目录>]
  mujun account reset <用户名> [--data-dir <目录>]
  mujun account unlock <用户名或统一社会信用代码> [--data-dir <目录>]

工作人员的登录账号（企业账号由企业用激活码自行激活）。密码以 argon2id 保存，须至少 8 位，含大写字母、
小写字母、数字、符号中的至少三类，且不含用户名。--password-stdin 从标准输入读取密码（不要写在命令行上）；
不给密码则生成临时密码，只显示一次，首次登录须修改。管理员首次登录时须绑定动态口令（TOTP）。
reset 生成新的临时密码（只显示一次），结束该账号的全部会话并解除锁定；disable 停用账号并结束其会话；
unlock 解除连续登录失败造成的锁定。
Staff sign-in accounts (enterprises activate their own with a code). Passwords are kept as argon2id and
need 8+ characters from 3 of upper, lower, digit, symbol, without the username. --password-stdin reads
it from standard input; without it a temporary password is printed once and must be changed at first
sign-in. An admin enrols a TOTP authenticator at first sign-in. reset prints a new temporary password,
ends the account's sessions and lifts a lock; disable ends its sessions; unlock lifts a lock.

选项 Options:
      --role <role>       admin（经信局）、department（部门）、town（乡镇街道）
      --username <name>   用户名：3–32 位小写字母、数字、. _ -，以字母开头
      --department <d>    部门 tax|statistics|natural-resources|power|ecology
      --town <name>       乡镇街道（与数据中的所属乡镇街道一致）
      --password-stdin    从标准输入读取密码 (read the password from standard input)
${DATA_DIR_HELP}  -h, --help              显示帮助 (show this help)

示例 Example:
  printf '%s' "$ADMIN_PASSWORD" | pnpm --silent mujun account create --role admin --username zhangsan --password-stdin
  pnpm --silent mujun account create --role town --town 院桥镇 --username yuanqiao
  pnpm --silent mujun account reset yuanqiao
`;
}

export function backupUsage(): string {
  return `用法 Usage:
  mujun backup <备份文件> [--data-dir <目录>]

在 API 服务运行时把其数据库（评价、结果、异议及证明材料、审计记录、令牌）一致地复制到一个新文件
（SQLite 在线备份）。备份文件即是一个完整的数据库：停止服务后放入数据目录命名为 mujun.sqlite 即可恢复。
不会覆盖已有文件。
Copies the API server's database (evaluations, results, objections with their evidence, the audit
trail, tokens) consistently to a new file while the server keeps serving (SQLite's online backup).
The file is a complete database: to restore, stop the server and put it in the data directory as
mujun.sqlite. An existing file is never overwritten.

选项 Options:
${DATA_DIR_HELP}  -h, --help              显示帮助 (show this help)

示例 Example:
  pnpm --silent mujun backup /srv/backup/mujun-$(date +%F).sqlite --data-dir /srv/mujun
`;
}

export function storeUsage(): string {
  return `用法 Usage:
  mujun store migrate --from <SQLite 数据目录> --to postgres://用户@主机:5432/库名

把一个县的 SQLite 数据（评价、结果、异议及证明材料、审计记录、令牌、账号）在一个事务中复制到一个空的
PostgreSQL 数据库，然后逐表按主键顺序计算两边的 SHA-256 摘要；任何一张表不一致则全部回滚。
目标库须为空（迁移会先建表）。迁移前请停止服务。
Copies a county's SQLite store into an empty PostgreSQL database in one transaction, then hashes
every table on both sides in key order; if any digest differs, nothing is kept. Stop the server first.

示例 Example:
  pnpm --silent mujun store migrate --from /srv/mujun --to postgres://mujun@db:5432/mujun
`;
}
