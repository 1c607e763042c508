import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import type { FastifyReply } from 'fastify';
import ExcelJS from 'exceljs';
import { localDateTime } from '@platform/kit';
import type { StreamResult } from './route';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A report column as the owning subgraph describes it: the header to show and how its text cells are written. */
export interface XlsxColumn {
  key: string;
  header: string;
  type: 'text' | 'integer' | 'money' | 'decimal' | 'date' | 'datetime';
}

/** A keyset page of rows (cells as text, in the columns' order) and where the next one starts. */
export interface XlsxPage {
  rows: ReadonlyArray<ReadonlyArray<string | null> | null>;
  lastId: string | null;
  hasMore: boolean;
}

export interface XlsxDownload {
  fileName: string;
  sheetName: string;
  columns: readonly XlsxColumn[];
  /** The tenant's zone: times are written `YYYY-MM-DD HH:mm:ss` in it (CCO). */
  zone: string;
  /** Read before anything is sent, so a refusal is still an ordinary error answer. */
  firstPage: XlsxPage;
  nextPage(afterId: string): Promise<XlsxPage>;
  /** Where a download cut short is reported (the request's logger). */
  logger: { warn(details: object, message: string): void };
}

const NUMBER_FORMAT: Partial<Record<XlsxColumn['type'], string>> = { money: '0.00', decimal: '0.00##' };
/** What the socket may hold unread before the next page is asked for: one page in memory, not the report. */
const HIGH_WATER_BYTES = 1 << 20;

/** A text cell as Excel should hold it: numbers as numbers (money keeps its two decimals by format), times local. */
function cellValue(type: XlsxColumn['type'], value: string | null, zone: string): string | number | null {
  if (value === null) return null;
  switch (type) {
    case 'integer':
    case 'money':
    case 'decimal':
      return Number(value);
    case 'datetime':
      return localDateTime(new Date(value), zone);
    case 'text':
    case 'date':
      return value;
  }
}

/**
 * Answers an .xlsx built while it is sent: exceljs' streaming writer into the reply, a page of rows at a time,
 * waiting for the client to take the bytes before asking for the next page. Memory holds one page whatever the
 * report's size. The status and headers go out with the first page; a failure after that can only cut the
 * download short (the client sees a broken file, never a complete-looking partial one).
 */
export async function sendXlsx(reply: FastifyReply, d: XlsxDownload): Promise<StreamResult> {
  const out = new PassThrough({ highWaterMark: HIGH_WATER_BYTES });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(d.sheetName);
  sheet.columns = d.columns.map((c) => ({ header: c.header, key: c.key, width: Math.min(40, Math.max(12, c.header.length * 2 + 2)) }));
  const formats = d.columns.map((c) => NUMBER_FORMAT[c.type]);
  void reply
    .type(XLSX_TYPE)
    .header('content-disposition', `attachment; filename="${d.fileName}"; filename*=UTF-8''${encodeURIComponent(d.fileName)}`)
    .header('cache-control', 'no-store')
    .send(out);
  try {
    for (let page: XlsxPage | null = d.firstPage; page; ) {
      for (const cells of page.rows) {
        const row = sheet.addRow(d.columns.map((c, i) => cellValue(c.type, cells?.[i] ?? null, d.zone)));
        formats.forEach((numFmt, i) => {
          if (numFmt) row.getCell(i + 1).numFmt = numFmt;
        });
        row.commit();
      }
      if (out.writableLength > HIGH_WATER_BYTES) await once(out, 'drain');
      page = page.hasMore && page.lastId ? await d.nextPage(page.lastId) : null;
    }
    sheet.commit();
    await workbook.commit();
  } catch (error) {
    d.logger.warn({ err: error, file: d.fileName }, 'report download cut short');
    out.destroy(error as Error);
  }
  return { sent: true };
}
