import { clusterFacts } from '@klynge/nic-facts';
import { type DemoCluster, registerMismatches } from './demo-facts';

const facts = clusterFacts();
const url = facts.find((fact) => fact.cluster === 'NCE Raufoss' && fact.level === 'NCE' && fact.fromYear === 2006)!.sourceUrl;
const raufoss = (history: Partial<DemoCluster['levelHistory'][number]>[], level: string | null = null): DemoCluster => ({
  id: 'x',
  name: 'NCE Raufoss',
  otherNames: [],
  countyCode: '34',
  town: 'Raufoss',
  level,
  levelHistory: history.map((period) => ({
    level: 'NCE',
    fromYear: 2006,
    toYear: 2020,
    endedBy: 'TERM',
    basis: 'REPORTED',
    claims: [{ says: 'START', year: 2006, source: { url } }],
    ...period,
  })),
});

/** The check the start tests make of the demo: it must find what is not the register's. */
describe('registerMismatches', () => {
  // Each case loads one cluster: every other cluster of the register is missing, and said so.
  const only = (problems: string[]) => problems.filter((problem) => !problem.endsWith('not in the demo'));

  it("finds nothing wrong in a period the register's page gives", () => {
    expect(only(registerMismatches([raufoss([{}])], facts))).toEqual([]);
  });

  it('finds a cluster, a page, a year or a level the register does not hold, and a level today no page covers', () => {
    const problems = (cluster: DemoCluster) => only(registerMismatches([cluster], facts));
    expect(problems({ ...raufoss([{}]), name: 'NCE Invented' })).toEqual(['NCE Invented: not a cluster of the register']);
    expect(problems(raufoss([{ claims: [{ says: 'START', year: 2006, source: { url: 'https://example.org/' } }] }]))).toEqual([
      'NCE Raufoss, NCE 2006-2020: START 2006 from https://example.org/ is not in the register',
    ]);
    expect(problems(raufoss([{ fromYear: 2005, claims: [{ says: 'START', year: 2005, source: { url } }] }]))).toEqual([
      `NCE Raufoss, NCE 2005-2020: START 2005 from ${url} is not in the register`,
    ]);
    expect(problems(raufoss([{ level: 'GCE' }]))).toEqual([`NCE Raufoss, GCE 2006-2020: START 2006 from ${url} is not in the register`]);
    expect(problems(raufoss([{ fromYear: 2007 }]))).toEqual(['NCE Raufoss, NCE 2007-2020: no page gives the start 2007']);
    expect(problems(raufoss([{ claims: [] }]))).toEqual([
      'NCE Raufoss, NCE 2006-2020: no page behind it',
      'NCE Raufoss, NCE 2006-2020: no page gives the start 2006',
    ]);
    expect(problems(raufoss([{}], 'NCE'))).toEqual(['NCE Raufoss: NCE today, though no page covers today']);
    expect(problems({ ...raufoss([{}]), town: 'Gjøvik' })).toEqual(['NCE Raufoss: no page names the town Gjøvik']);
  });

  it('finds a cluster of the register the demo lacks', () => {
    expect(registerMismatches([], facts)).toContain('NCE Raufoss: a cluster of the register with a level, not in the demo');
  });
});
