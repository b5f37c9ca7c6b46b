/**
 * The longest text each register field takes, in characters. One table for the register schemas
 * (electron/api/*.ts: edit and paste) and the import (electron/io/sheets.ts), so a record the
 * import stores can always be saved again from its grid.
 */
export const MAX = {
  name: 50,
  unitName: 100,
  title: 50,
  phone: 40,
  nation: 20,
  note: 500,
  item: 50,
  measure: 10,
  handler: 50,
  longText: 1000,
  result: 500,
  place: 100,
  contractNo: 50,
  zoneName: 100,
  crop: 50,
} as const;
