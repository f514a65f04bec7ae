import { escapeXml } from './xml-text.js';

/**
 * The workbook's cell styles (styles.xml), gathered while the sheets are written and written last: each
 * distinct style gets one index, which every cell of that style names in its `s` attribute. Fonts, fills,
 * borders and number formats are shared the same way, as Excel itself keeps them.
 */

export interface Font {
  readonly name: string;
  readonly size: number;
  readonly bold?: boolean;
}

export interface Alignment {
  readonly horizontal?: 'center' | 'left' | 'right';
  readonly vertical?: 'center' | 'top' | 'bottom';
  readonly wrapText?: boolean;
}

export interface CellStyle {
  /** A number format code (`0.0000`, `@`); General when absent. */
  readonly numFmt?: string;
  readonly font?: Font;
  /** A solid fill's ARGB colour (`FFDCE6F1`). */
  readonly fill?: string;
  /** A thin border on all four sides, in this ARGB colour. */
  readonly border?: string;
  readonly alignment?: Alignment;
}

/** The formats Excel has built in (ECMA-376 18.8.30), which a workbook names by id without declaring them. */
const BUILT_IN_FORMATS: ReadonlyMap<string, number> = new Map([
  ['General', 0],
  ['0', 1],
  ['0.00', 2],
  ['#,##0', 3],
  ['#,##0.00', 4],
  ['0%', 9],
  ['0.00%', 10],
  ['@', 49],
]);
const FIRST_CUSTOM_FORMAT = 164;
/** The workbook's default font, as Excel's: every cell without a font of its own shows in it. */
const DEFAULT_FONT: Font = { name: 'Calibri', size: 11 };

/** Interns values by a key: the index of each distinct one, in first-seen order. */
class Table<T> {
  readonly items: T[] = [];
  readonly #index = new Map<string, number>();

  constructor(private readonly key: (item: T) => string) {}

  of(item: T): number {
    const key = this.key(item);
    let index = this.#index.get(key);
    if (index === undefined) {
      index = this.items.length;
      this.items.push(item);
      this.#index.set(key, index);
    }
    return index;
  }
}

interface Xf {
  readonly numFmt: number;
  readonly font: number;
  readonly fill: number;
  readonly border: number;
  readonly alignment: Alignment | undefined;
}

const fontXml = (font: Font) =>
  `<font>${font.bold === true ? '<b/>' : ''}<sz val="${String(font.size)}"/>` +
  `<name val="${escapeXml(font.name)}"/></font>`;

export class Styles {
  readonly #formats = new Map<string, number>();
  readonly #fonts = new Table<Font>(
    (font) => `${font.name}|${String(font.size)}|${String(font.bold === true)}`,
  );
  /** `none` and `gray125` come first in every workbook: Excel reserves fills 0 and 1. */
  readonly #fills = new Table<string>((fill) => fill);
  readonly #borders = new Table<string>((border) => border);
  readonly #xfs = new Table<Xf>((xf) => JSON.stringify(xf));

  constructor() {
    this.#fonts.of(DEFAULT_FONT);
    this.#fills.of('none');
    this.#fills.of('gray125');
    this.#borders.of('');
    this.#xfs.of({ numFmt: 0, font: 0, fill: 0, border: 0, alignment: undefined });
  }

  /** The index a cell of this style names (0 is the default style). */
  index(style: CellStyle): number {
    return this.#xfs.of({
      numFmt: style.numFmt === undefined ? 0 : this.#format(style.numFmt),
      font: style.font === undefined ? 0 : this.#fonts.of(style.font),
      fill: style.fill === undefined ? 0 : this.#fills.of(style.fill),
      border: style.border === undefined ? 0 : this.#borders.of(style.border),
      alignment: style.alignment,
    });
  }

  #format(code: string): number {
    const builtIn = BUILT_IN_FORMATS.get(code);
    if (builtIn !== undefined) return builtIn;
    let id = this.#formats.get(code);
    if (id === undefined) {
      id = FIRST_CUSTOM_FORMAT + this.#formats.size;
      this.#formats.set(code, id);
    }
    return id;
  }

  xml(): string {
    const formats = [...this.#formats].map(
      ([code, id]) => `<numFmt numFmtId="${String(id)}" formatCode="${escapeXml(code)}"/>`,
    );
    const fills = this.#fills.items.map((fill) =>
      fill === 'none' || fill === 'gray125'
        ? `<fill><patternFill patternType="${fill}"/></fill>`
        : `<fill><patternFill patternType="solid"><fgColor rgb="${fill}"/><bgColor indexed="64"/></patternFill></fill>`,
    );
    const borders = this.#borders.items.map((colour) => {
      if (colour === '') return '<border><left/><right/><top/><bottom/><diagonal/></border>';
      const side = (name: string) => `<${name} style="thin"><color rgb="${colour}"/></${name}>`;
      return `<border>${side('left')}${side('right')}${side('top')}${side('bottom')}<diagonal/></border>`;
    });
    const xfs = this.#xfs.items.map((xf) => {
      const applied =
        (xf.numFmt !== 0 ? ' applyNumberFormat="1"' : '') +
        (xf.font !== 0 ? ' applyFont="1"' : '') +
        (xf.fill !== 0 ? ' applyFill="1"' : '') +
        (xf.border !== 0 ? ' applyBorder="1"' : '') +
        (xf.alignment !== undefined ? ' applyAlignment="1"' : '');
      const open =
        `<xf numFmtId="${String(xf.numFmt)}" fontId="${String(xf.font)}" fillId="${String(xf.fill)}" ` +
        `borderId="${String(xf.border)}" xfId="0"${applied}`;
      if (xf.alignment === undefined) return `${open}/>`;
      const { horizontal, vertical, wrapText } = xf.alignment;
      const alignment =
        (horizontal === undefined ? '' : ` horizontal="${horizontal}"`) +
        (vertical === undefined ? '' : ` vertical="${vertical}"`) +
        (wrapText === true ? ' wrapText="1"' : '');
      return `${open}><alignment${alignment}/></xf>`;
    });
    const list = (tag: string, items: readonly string[]) =>
      `<${tag} count="${String(items.length)}">${items.join('')}</${tag}>`;
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      (formats.length > 0 ? list('numFmts', formats) : '') +
      list('fonts', this.#fonts.items.map(fontXml)) +
      list('fills', fills) +
      list('borders', borders) +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      list('cellXfs', xfs) +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '</styleSheet>'
    );
  }
}
