import { aid } from './aid';
import { cadres } from './cadres';
import { greenhouses, greenhouseZones } from './greenhouses';
import { households } from './households';
import { importBatches } from './import-batches';
import { land } from './land';
import { audit, meta, settings } from './meta';
import { pairings } from './pairings';
import { units, unitVillages } from './units';
import { visits } from './visits';
import { workItems } from './work';

/** Every method of the ledger, by area. The name of a method is `area.key`. */
export const api = {
  meta, settings, audit,
  units, unitVillages, cadres, households, pairings, visits, aid, land, greenhouseZones, greenhouses, workItems,
  importBatches,
};

export type Api = typeof api;
