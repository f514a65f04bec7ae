import { PRESET_IDS } from '@mujun/scoring';

/** Usage texts, Chinese first with the English beside it: the users are bureau clerks and their IT staff. */

export function mainUsage(): string {
  return `mujun — 工业企业亩均效益综合评价（亩均论英雄）
mujun — per-mu efficiency grading of industrial enterprises (A–D per 亩 of land)

用法 Usage:
  mujun <命令 command> [选项 options]
  mujun <命令 command> --help

命令 Commands:
  grade    按评价办法对一年的企业数据评分、分类，写出结果文件
           grade a year's enterprise records under a scheme and write the results

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
  mujun grade --input <数据.csv> [--scheme <评价办法>] --out <结果.json|结果.csv>

选项 Options:
  -i, --input <file>      企业数据 CSV：UTF-8（可带 BOM），第 1 行为表头，表头用中文名或英文键均可
                          enterprise records as CSV: UTF-8 with or without BOM, headers in row 1,
                          Chinese names or English keys
  -s, --scheme <scheme>   预置评价办法（${PRESET_IDS.join('、')}）或 scheme.json 文件路径，默认 reference
                          a preset (${PRESET_IDS.join(', ')}) or a path to a scheme.json; default reference
  -o, --out <file>        结果文件，按扩展名决定格式 (the result file; its extension picks the format):
                            .json  完整结果：基准值、各项得分、加减分、类别及评价依据
                                   the full report: benchmarks, scores, bonus, classes and the trace
                            .csv   每家企业一行，中文表头，可直接用 Excel 打开
                                   one row per enterprise with Chinese headers, opens in Excel
  -h, --help              显示帮助 (show this help)

数据有误时列出每个有问题的单元格（文件、行、列、值、原因），不写结果文件，退出码为 2。
On invalid data every bad cell is listed (file, row, column, value, reason), no result file is written,
and the exit code is 2. Warnings (unknown columns, benchmark warnings) are printed but do not fail.

示例 Example:
  mujun grade --input apps/cli/samples/sample-2025.csv --out out/result.json
  mujun grade --input 2025.csv --scheme huangyan-2022 --out 2025-结果.csv
`;
}
