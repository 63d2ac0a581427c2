/**
 * Norway's 15 counties (from 2024) as a tile map: one square each, placed roughly where the county
 * lies, so the page needs no map data and works offline. The dashboard reads only the graph, so
 * this layout (and the names, for counties with nothing to show yet) is its own.
 */
export const COUNTY_TILES: readonly { readonly code: string; readonly name: string; readonly column: number; readonly row: number }[] = [
  { code: '56', name: 'Finnmark', column: 5, row: 0 },
  { code: '55', name: 'Troms', column: 4, row: 1 },
  { code: '18', name: 'Nordland', column: 3, row: 2 },
  { code: '50', name: 'Trøndelag', column: 2, row: 3 },
  { code: '15', name: 'Møre og Romsdal', column: 1, row: 4 },
  { code: '34', name: 'Innlandet', column: 2, row: 4 },
  { code: '46', name: 'Vestland', column: 0, row: 5 },
  { code: '33', name: 'Buskerud', column: 1, row: 5 },
  { code: '32', name: 'Akershus', column: 2, row: 5 },
  { code: '03', name: 'Oslo', column: 3, row: 5 },
  { code: '11', name: 'Rogaland', column: 0, row: 6 },
  { code: '40', name: 'Telemark', column: 1, row: 6 },
  { code: '39', name: 'Vestfold', column: 2, row: 6 },
  { code: '31', name: 'Østfold', column: 3, row: 6 },
  { code: '42', name: 'Agder', column: 1, row: 7 },
];
