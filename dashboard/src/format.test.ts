import { formatsFor } from './format';
import { bars } from './panels/options';

/** The one rule for unknown values, in every language: null reads "not known", and a chart leaves a gap. */
describe('the formats of each language', () => {
  it('say a value nobody recorded is not known, never 0, in bokmål, nynorsk and English', () => {
    for (const [locale, notKnown] of [
      ['nb', 'ikke kjent'],
      ['nn', 'ikkje kjend'],
      ['en', 'not known'],
    ] as const) {
      const formats = formatsFor(locale);
      expect([
        formats.count(null),
        formats.money(null),
        formats.share(null),
        formats.date(null),
        formats.text(undefined),
        formats.label('role', null),
      ]).toEqual(Array(6).fill(notKnown));
      expect(formats.count(0)).toBe('0');
    }
  });

  it('write figures, money and parts of a whole as each language does', () => {
    const nb = formatsFor('nb');
    const en = formatsFor('en');
    expect(nb.count(1234)).toMatch(/^1\s234$/u);
    expect(en.count(1234)).toBe('1,234');
    expect(nb.money({ amount: '8000000', currency: 'NOK' })).toMatch(/^8\s000\s000\skr$/u);
    expect(en.money({ amount: '8000000', currency: 'NOK' })).toMatch(/^NOK\s8,000,000$/u);
    expect(nb.partOf(0, 300)).toBe('0 av 300');
    expect(en.partOf(0, 300)).toBe('0 of 300');
    expect(nb.partOf(null, 300)).toBe('ikke kjent av 300');
    expect(nb.date('2017-11-01', 'MONTH')).toBe('november 2017');
    expect(formatsFor('nn').date('2017-11-01')).toBe('1. november 2017');
    expect(en.date('2017-11-01')).toBe('1 November 2017');
    expect(nb.label('role', 'HOST')).toBe('Vert');
    expect(nb.label('role', 'SOMETHING_NEW')).toBe('Something new');
  });

  it('leave a gap in a chart for a value not known, not a 0 bar, and name the unit on the axis', () => {
    const option = bars(formatsFor('nb'), ['2017', '2018'], [{ name: 'Innvilget', data: [8_000_000, null] }], { unit: 'kroner' }) as {
      series: { data: unknown[] }[];
      yAxis: { name: string };
      tooltip: { valueFormatter: (value: unknown) => string };
    };
    expect(option.series[0]!.data).toEqual([8_000_000, '-']);
    expect(option.yAxis.name).toBe('mill. kr');
    expect(option.tooltip.valueFormatter(8_000_000)).toMatch(/^8\s000\s000\skr$/u);
    expect(option.tooltip.valueFormatter('-')).toBe('ikke kjent');
  });
});
