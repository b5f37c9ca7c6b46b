import { aid } from './aid';
import { cadres } from './cadres';
import { exportsArea } from './exports';
import { greenhouses, greenhouseZones } from './greenhouses';
import { households } from './households';
import { imports } from './imports';
import { land } from './land';
import { audit, meta } from './meta';
import { pairings } from './pairings';
import { settings } from './settings';
import { sheets } from './sheets';
import { township } from './township';
import { reports } from './reports';
import { reportDoc } from './report-doc';
import { units, unitVillages } from './units';
import { visits } from './visits';
import { workItems } from './work';

/** Every method of the ledger, by area. The name of a method is `area.key`. */
export const api = {
  meta, settings, audit,
  units, unitVillages, cadres, households, pairings, visits, aid, land, greenhouseZones, greenhouses, workItems,
  exports: exportsArea, sheets, imports, reports, reportDoc, township,
};

export type Api = typeof api;
