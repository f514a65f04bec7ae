import { readFileSync, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { CliError, CliErrorCode } from '../errors.js';
import type { TextSink } from './atomic-file.js';
import { writeFileAtomically, writeStreamAtomically } from './atomic-file.js';

/** Writes one command's report (a simulation, a surcharge list, …) to the file --out names. */
export type ReportWriter<Report> = (report: Report, out: string) => Promise<void>;

/** A full disk or a read-only folder: nothing written, and not the input's fault. */
function outputError(out: string, what: string, error: unknown): unknown {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
    return new CliError(CliErrorCode.Output, `无法写出 ${out} (cannot write ${what}: ${error.message})`);
  }
  return error;
}

/** A text report (JSON, CSV, HTML), written whole and renamed into place. */
export function textReport<Report>(render: (report: Report) => string, what: string): ReportWriter<Report> {
  return (report, out) =>
    new Promise((done) => {
      try {
        writeFileAtomically(out, (sink: TextSink) => {
          sink.write(render(report));
        });
      } catch (error) {
        throw outputError(out, what, error);
      }
      done();
    });
}

/** A workbook, streamed to a temporary file and renamed into place. */
export function workbookReport<Report>(
  write: (report: Report, stream: Writable) => Promise<void>,
  what: string,
): ReportWriter<Report> {
  return async (report, out) => {
    try {
      await writeStreamAtomically(out, (stream: Writable) => write(report, stream));
    } catch (error) {
      throw outputError(out, what, error);
    }
  };
}

/**
 * The writer for --out's extension, checked before any work: a typo in --out should not cost a grading
 * run, and --out must be neither a folder nor one of the files being read.
 */
export function writerForOut<Report>(
  out: string,
  inputs: readonly string[],
  writers: Readonly<Record<string, ReportWriter<Report>>>,
  command: string,
): ReportWriter<Report> {
  const usage = (message: string) => new CliError(CliErrorCode.Usage, message, command);
  const writer = writers[extname(out).toLowerCase()];
  if (writer === undefined) {
    const extensions = Object.keys(writers);
    const chinese = `${extensions.slice(0, -1).join('、')} 或 ${extensions.at(-1) ?? ''}`;
    const english = `${extensions.slice(0, -1).join(', ')} or ${extensions.at(-1) ?? ''}`;
    throw usage(`--out 应为 ${chinese} 文件：${out} (the output must end in ${english})`);
  }
  if (statSync(out, { throwIfNoEntry: false })?.isDirectory() === true) {
    throw usage(`--out ${out} 是目录 (is a directory, not a file)`);
  }
  if (inputs.some((input) => resolve(input) === resolve(out))) {
    throw usage(`--out 与输入文件相同，会覆盖它 (--out is one of the input files and would overwrite it)`);
  }
  return writer;
}

/** A side file a command reads whole (a class history, last year's list); `what` names it in Chinese. */
export function readSideFile(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unreadable';
    throw new CliError(
      CliErrorCode.InvalidInput,
      `无法读取${what} ${path} (cannot read the file: ${reason})`,
    );
  }
}
