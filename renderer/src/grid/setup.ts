import { AllCommunityModule, ModuleRegistry, RowSelectionModule, themeQuartz } from 'ag-grid-community';
import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale';

// Every Community module but row selection: the grids select cell ranges and whole rows their own way
// (range.ts), and its service costs a fifth of taking in 100,000 rows (it books every new row node).
ModuleRegistry.registerModules((AllCommunityModule.dependsOn ?? []).filter((m) => m !== RowSelectionModule));

export const localeText = AG_GRID_LOCALE_CN;

/** One theme for every grid: dense like a spreadsheet, the system's Chinese UI font. */
export const gridTheme = themeQuartz.withParams({
  fontFamily: '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif',
  fontSize: 13,
  headerFontSize: 13,
  rowHeight: 30,
  headerHeight: 34,
  spacing: 5,
  accentColor: '#1677ff',
  borderColor: '#e5e7eb',
  wrapperBorderRadius: 0,
});
