import { aid } from './aid';
import { backups } from './backups';
import { cadres } from './cadres';
import { checks } from './checks';
import { exportsArea } from './exports';
import { greenhouses, greenhouseZones } from './greenhouses';
import { households } from './households';
import { imports } from './imports';
import { land } from './land';
import { audit } from './audit';
import { meta } from './meta';
import { recycle } from './recycle';
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
  exports: exportsArea, sheets, imports, reports, reportDoc, township, checks, backups, recycle,
};

export type Api = typeof api;
