import ExcelJS from 'exceljs';

/** A workbook read back with exceljs (a different code path from the streaming writer that wrote it). */
export async function readWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

export function sheetNamed(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (sheet === undefined) {
    throw new Error(`no sheet "${name}" in ${workbook.worksheets.map((ws) => ws.name).join(', ')}`);
  }
  return sheet;
}

/** The texts of a row, by column (1-based row number as in Excel). */
export function rowTexts(sheet: ExcelJS.Worksheet, row: number): string[] {
  const values: string[] = [];
  sheet.getRow(row).eachCell({ includeEmpty: true }, (cell, column) => {
    values[column - 1] = cell.text;
  });
  return values;
}

/** Every row below the header as cells keyed by header, with the raw cell for type and format checks. */
export function records(sheet: ExcelJS.Worksheet, headerRow = 1): Map<string, ExcelJS.Cell>[] {
  const headers = rowTexts(sheet, headerRow);
  const rows: Map<string, ExcelJS.Cell>[] = [];
  sheet.eachRow((row, number) => {
    if (number <= headerRow) return;
    rows.push(new Map(headers.map((header, i) => [header, row.getCell(i + 1)])));
  });
  return rows;
}
