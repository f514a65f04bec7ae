import { SaxesParser } from 'saxes';
import type { SaxesTagPlain } from 'saxes';
import { SheetError, SheetLimitError } from '../errors.js';
import type { ReadLimits } from '../limits.js';
import { invalidXlsx } from './zip.js';

/** What a part's reader does with its elements: names come without their namespace prefix (`x:row` → `row`). */
export interface XmlHandlers {
  open(name: string, attributes: Readonly<Record<string, string>>): void;
  text?(text: string): void;
  close(name: string): void;
}

/** The longest run of characters saxes may hold at once, whatever the cell limit: 1 Mi characters. */
const MIN_RUN = 1024 * 1024;
/** A cell's text may take up to this many characters per character in XML (`&#x10FFFF;`). */
const ESCAPE_FACTOR = 10;

const enum Lex {
  /** Text, or inside a tag: neither holds a `<`. */
  Normal,
  /** Just after `<`. */
  Open,
  /** After `<!`: collecting what follows to tell a comment from CDATA. */
  Bang,
  Comment,
  CData,
  /** A processing instruction, `<?…?>` (the XML declaration is one). */
  Instruction,
}

/**
 * Keeps saxes's buffers bounded. saxes collects a text node, a tag, a comment or a CDATA section whole
 * before it hands it on, so a part with one gigabyte-long text would be held whole. This guard reads the
 * same characters first, knowing just enough XML to tell where each of those starts and ends, and refuses
 * a run longer than `maxRun`. It also refuses a DOCTYPE: SpreadsheetML has none, and it is how entity
 * expansion attacks begin.
 */
class RunGuard {
  private lex = Lex.Normal;
  private run = 0;
  private bang = '';
  /** Comment: `-` seen in a row; CDATA: `]` seen in a row; instruction: 1 after a `?`. */
  private marks = 0;

  constructor(
    private readonly maxRun: number,
    private readonly tooLong: () => Error,
    private readonly doctype: () => Error,
  ) {}

  check(chunk: string): void {
    const end = chunk.length;
    let at = 0;
    while (at < end) {
      if (this.lex === Lex.Normal) {
        const open = chunk.indexOf('<', at);
        this.run += (open < 0 ? end : open) - at;
        if (this.run > this.maxRun) throw this.tooLong();
        if (open < 0) return;
        this.run = 1;
        this.lex = Lex.Open;
        at = open + 1;
        continue;
      }
      const c = chunk.charCodeAt(at);
      at += 1;
      this.run += 1;
      if (this.run > this.maxRun) throw this.tooLong();
      switch (this.lex) {
        case Lex.Open:
          if (c === 0x21 /* ! */) {
            this.lex = Lex.Bang;
            this.bang = '';
          } else if (c === 0x3f /* ? */) {
            this.lex = Lex.Instruction;
            this.marks = 0;
          } else this.lex = Lex.Normal;
          break;
        case Lex.Bang:
          this.bang += String.fromCharCode(c);
          if (this.bang === '--') {
            this.lex = Lex.Comment;
            this.marks = 0;
          } else if (this.bang === '[CDATA[') {
            this.lex = Lex.CData;
            this.marks = 0;
          } else if (!'--'.startsWith(this.bang) && !'[CDATA['.startsWith(this.bang)) throw this.doctype();
          break;
        case Lex.Comment:
          if (c === 0x3e /* > */ && this.marks >= 2) this.lex = Lex.Normal;
          this.marks = c === 0x2d /* - */ ? this.marks + 1 : 0;
          break;
        case Lex.CData:
          if (c === 0x3e /* > */ && this.marks >= 2) this.lex = Lex.Normal;
          this.marks = c === 0x5d /* ] */ ? this.marks + 1 : 0;
          break;
        case Lex.Instruction:
          if (c === 0x3e /* > */ && this.marks === 1) this.lex = Lex.Normal;
          this.marks = c === 0x3f /* ? */ ? 1 : 0;
          break;
        default:
          break;
      }
      if (this.lex === Lex.Normal) this.run = 0;
    }
  }
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/**
 * One XML part of a workbook, parsed by saxes as its text arrives: `write` each chunk, then `end`. Handler
 * errors (a limit passed) come out of `write` as they are; XML that is not well-formed is a SheetError
 * (InvalidXlsx) naming the part.
 */
export class XmlPart {
  private readonly parser = new SaxesParser({ xmlns: false, position: false });
  private readonly guard: RunGuard;

  constructor(
    private readonly file: string,
    private readonly part: string,
    handlers: XmlHandlers,
    limits: ReadLimits,
  ) {
    const maxRun = Math.max(MIN_RUN, ESCAPE_FACTOR * limits.maxCellChars);
    this.guard = new RunGuard(
      maxRun,
      () =>
        new SheetLimitError(file, 'maxCellChars', limits.maxCellChars, {
          zh: `${part} 中有一段文字长达 ${maxRun.toLocaleString('en-US')} 字符以上，`,
          en: `a text of over ${maxRun.toLocaleString('en-US')} characters in ${part}`,
        }),
      () => invalidXlsx(file, `${part} has a DOCTYPE`),
    );
    const { parser } = this;
    parser.on('opentag', (tag: SaxesTagPlain) => {
      handlers.open(localName(tag.name), tag.attributes);
    });
    parser.on('closetag', (tag: SaxesTagPlain) => {
      handlers.close(localName(tag.name));
    });
    if (handlers.text !== undefined) {
      const text = (chunk: string) => {
        handlers.text?.(chunk);
      };
      parser.on('text', text);
      parser.on('cdata', text);
    }
  }

  private run(step: () => void): void {
    try {
      step();
    } catch (error) {
      if (error instanceof SheetError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw invalidXlsx(this.file, `${this.part}: ${reason}`);
    }
  }

  write(chunk: string): void {
    this.guard.check(chunk);
    this.run(() => this.parser.write(chunk));
  }

  end(): void {
    this.run(() => this.parser.close());
  }
}

/** Reads a whole part through its handlers (the small ones: relationships, workbook, styles, strings). */
export async function readPart(
  chunks: AsyncIterable<string>,
  file: string,
  part: string,
  handlers: XmlHandlers,
  limits: ReadLimits,
): Promise<void> {
  const xml = new XmlPart(file, part, handlers, limits);
  for await (const chunk of chunks) xml.write(chunk);
  xml.end();
}
