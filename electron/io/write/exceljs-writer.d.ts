// ExcelJS's streaming workbook writer on its own (electron/io/write/workbook.ts): the package's main
// module also loads the in-memory workbook and the streaming reader, which an export never uses.
declare module 'exceljs/lib/stream/xlsx/workbook-writer.js' {
  import type ExcelJS from 'exceljs';

  const WorkbookWriter: typeof ExcelJS.stream.xlsx.WorkbookWriter;
  export default WorkbookWriter;
}
