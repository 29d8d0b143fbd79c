// Reads a workbook's first sheet back as Excel would see it, with no spreadsheet library: the
// cells' XML (type, value, style), the shared strings and the styles' number formats.
import { decodeXml, readZipEntry } from './docxText';

/** One cell as stored: a shared string (`t="s"`), an inline string, a formula, or a number. */
export interface XlsxCell {
  ref: string;
  /** `s` shared string, `inlineStr`, `str` formula text, `n` number (the default). */
  type: string;
  /** The text of a string cell; the number of a number cell. */
  value: string | number;
  /** The cell's number format code ('General' without one). */
  format: string;
  /** True when the cell holds a formula (`<f>`): what must never come from user text. */
  formula: boolean;
}

/** A workbook read back: its cells by reference (`B2`), and the raw XML of its parts. */
export interface XlsxSheet {
  cells: Map<string, XlsxCell>;
  sheetXml: string;
  workbookXml: string;
  /** The cells of one row (1-based), in column order. */
  row(number: number): XlsxCell[];
}

// Excel's built-in number formats that a writer may use by id alone.
const BUILT_IN_FORMATS: Record<string, string> = { '0': 'General', '1': '0', '14': 'm/d/yyyy' };

/** The first sheet of an .xlsx file, read back from its XML. */
export async function readXlsx(xlsx: Buffer): Promise<XlsxSheet> {
  const [sheetXml, workbookXml, stylesXml, stringsXml] = await Promise.all([
    readZipEntry(xlsx, 'xl/worksheets/sheet1.xml'),
    readZipEntry(xlsx, 'xl/workbook.xml'),
    readZipEntry(xlsx, 'xl/styles.xml'),
    readZipEntry(xlsx, 'xl/sharedStrings.xml'),
  ]);
  const strings = [...stringsXml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((si) =>
    [...si[1]!.matchAll(/<t(?: [^>]*)?>([^<]*)<\/t>/g)].map((t) => decodeXml(t[1]!)).join(''),
  );
  const formats = new Map(
    [...stylesXml.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"\/>/g)].map((m) => [
      m[1]!,
      decodeXml(m[2]!),
    ]),
  );
  const cellXfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml)?.[1] ?? '';
  const styleFormats = [...cellXfs.matchAll(/<xf\b([^>]*?)\/?>/g)].map((xf) => {
    const id = /numFmtId="(\d+)"/.exec(xf[1]!)?.[1] ?? '0';
    return formats.get(id) ?? BUILT_IN_FORMATS[id] ?? `builtin:${id}`;
  });
  const cells = new Map<string, XlsxCell>();
  for (const match of sheetXml.matchAll(/<c ([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const attributes = match[1]!;
    const inner = match[2] ?? '';
    const ref = /\br="([A-Z]+\d+)"/.exec(attributes)![1]!;
    const type = /\bt="(\w+)"/.exec(attributes)?.[1] ?? 'n';
    const style = Number(/\bs="(\d+)"/.exec(attributes)?.[1] ?? 0);
    const raw = /<v>([^<]*)<\/v>/.exec(inner)?.[1];
    const inline = /<is>[\s\S]*?<t[^>]*>([^<]*)<\/t>/.exec(inner)?.[1];
    const value =
      type === 's'
        ? (strings[Number(raw)] ?? '')
        : type === 'inlineStr'
          ? decodeXml(inline ?? '')
          : type === 'n'
            ? Number(raw)
            : decodeXml(raw ?? '');
    cells.set(ref, {
      ref,
      type,
      value,
      format: styleFormats[style] ?? 'General',
      formula: /<f[ >]/.test(inner),
    });
  }
  return {
    cells,
    sheetXml,
    workbookXml,
    row: (number) =>
      [...cells.values()].filter((cell) => cell.ref.replace(/^[A-Z]+/, '') === String(number)),
  };
}

/** An Excel serial day number as an ISO date (`2025-05-26`), the fraction as `hh:mm` after it. */
export function fromExcelSerial(serial: number): string {
  const ms = Math.round((serial - 25569) * 86_400_000);
  const iso = new Date(ms).toISOString();
  return serial % 1 === 0 ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}
