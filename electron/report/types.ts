import type { HalfYearReport } from '../api/reports';

/** The township's facts for 基本情况: villages and groups counted from the ledger, the rest as the clerk set them. */
export type TownshipFacts = {
  name: string;
  county: string;
  villages: number;
  groups: number;
  households?: number;
  people?: number;
  /** Statutory arable land, hundredths of a 亩. */
  arableCentimu?: number;
  generalBranches?: number;
  branches?: number;
  partyMembers?: number;
  ruralPartyMembers?: number;
};

/** The clerk's own sections of one period's report. */
export type ClerkText = { problems: string; plans: string };

/** One village's figures for the charts and the 各村情况 table (areas in hundredths of a 亩, money in 分). */
export type VillageRow = {
  village: string;
  pairedHouseholds: number;
  visits: number;
  aidFen: number;
  landCentimu: number;
  greenhouses: number;
};

/** Everything the report is written from. */
export type ReportInput = {
  figures: HalfYearReport;
  previous: HalfYearReport;
  facts: TownshipFacts;
  text: ClerkText;
  villages: VillageRow[];
  /** Live poor and special households with no pairing in force in the period. */
  unpaired: { poor: number; special: number };
};

/** A piece of a sentence: plain words, or a figure of the ledger with the path the drill-down asks for. */
/** `period` is set when the figure is of another period than the report's (the previous one). */
export type Figure = { figure: string; text: string; period?: { from: string; to: string } };
export type Segment = string | Figure;
export type Paragraph = Segment[];

export type Section = { heading: string; paragraphs: { lead?: string; body: Paragraph }[] };

export type TableCell = string | Figure;
export type ReportTable = { title: string; columns: string[]; rows: TableCell[][] };

export type ChartSpec = { key: keyof Omit<VillageRow, 'village'>; title: string; unit: string; categories: string[]; values: number[] };

/** The report written out: what the page shows and the .docx and .xlsx hold. */
export type ReportDoc = {
  title: string;
  periodLabel: string;
  period: { from: string; to: string };
  previousPeriod: { from: string; to: string; label: string };
  township: string;
  /** The opening paragraph, before the sections. */
  intro: Paragraph;
  sections: Section[];
  tables: ReportTable[];
  charts: ChartSpec[];
  text: ClerkText;
};
