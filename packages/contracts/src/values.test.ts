import { isMunicipalityInCounty, isValidOrgNumber, sizeClassOf } from './values';

describe('organisation numbers', () => {
  it('accept a correct MOD11 check digit and refuse a wrong one', () => {
    // The worked example of the domain notes: 12345678 gives 138, r = 6, check digit 5.
    expect(isValidOrgNumber('123456785')).toBe(true);
    expect(isValidOrgNumber('123456789')).toBe(false);
  });

  it('take remainder 0 as check digit 0, and refuse remainder 1', () => {
    // Find eight-digit bases with the wanted weighted-sum remainder rather than by hand.
    const withRemainder = (remainder: number) =>
      Array.from({ length: 1000 }, (_, i) => String(10_000_000 + i)).find((base) => {
        const sum = [3, 2, 7, 6, 5, 4, 3, 2].reduce((total, weight, index) => total + weight * Number(base[index]), 0);
        return sum % 11 === remainder;
      })!;
    expect(isValidOrgNumber(`${withRemainder(0)}0`)).toBe(true);
    const remainderOne = withRemainder(1);
    expect([...'0123456789'].some((digit) => isValidOrgNumber(`${remainderOne}${digit}`))).toBe(false);
  });

  it('are exactly nine digits', () => {
    expect(isValidOrgNumber('12345678')).toBe(false);
    expect(isValidOrgNumber('1234567850')).toBe(false);
    expect(isValidOrgNumber('12345678a')).toBe(false);
  });
});

describe('municipalities and size classes', () => {
  it('tie a municipality to its county by its first two digits', () => {
    expect(isMunicipalityInCounty('4601', '46')).toBe(true);
    expect(isMunicipalityInCounty('4601', '03')).toBe(false);
    expect(isMunicipalityInCounty('460', '46')).toBe(false);
  });

  it('call fewer than 250 employees an SME', () => {
    expect(sizeClassOf(249)).toBe('SME');
    expect(sizeClassOf(250)).toBe('LARGE');
    expect(sizeClassOf(null)).toBeNull();
  });
});
