import { programmeFacts } from '@klynge/nic-facts';
import { kindOf, quantityOf } from './reported-figure.kinds';

describe("the kinds of the programme's reported figures", () => {
  const of = (kind: string) =>
    programmeFacts()
      .filter((fact) => kindOf(fact) === kind)
      .map((fact) => [fact.year, fact.value]);

  it("finds the programme's budgets, and not a cluster's budget, a cut or a sub-programme's frame", () => {
    expect(of('BUDGET')).toEqual([
      [2006, '36'],
      [2015, '137'],
      [2017, '190'],
      [2017, '190'],
      [2017, '190'],
      [2018, '182.8'],
      [2019, '189'],
    ]);
  });

  it('finds the count of every cluster in the programme, and the count per level', () => {
    expect(of('CLUSTERS')).toEqual([
      [2015, '39'],
      [2019, '36'],
      [2021, '44'],
      [2022, '39'],
    ]);
    expect(of('CLUSTERS_BY_LEVEL')).toEqual([[2015, '3 / 14 / 22']]);
  });

  it('gives a quantity only for one plain number', () => {
    expect(['137', '182.8', 'about 30', '3 / 14 / 22', '10 + 10', ' 36 '].map(quantityOf)).toEqual([
      '137',
      '182.8',
      null,
      null,
      null,
      '36',
    ]);
  });
});
