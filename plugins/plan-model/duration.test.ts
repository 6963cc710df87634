import {formatMinutes, formatRange, parseDuration, sumDurations} from './duration';

describe('parseDuration', () => {
  it.each([
    ['60 min', 60, 60],
    ['60–75 min', 60, 75],
    ['60-75 min', 60, 75],
    ['60—75 min', 60, 75],
    ['60 – 75 min', 60, 75],
    ['45–60 min', 45, 60],
    ['90 min', 90, 90],
    ['30 minutes', 30, 30],
    ['6 hours', 360, 360],
    ['8 hours', 480, 480],
    ['1 hour', 60, 60],
    ['1.5 h', 90, 90],
    ['  60 min  ', 60, 60],
  ])('reads %j as %i–%i minutes', (text, min, max) => {
    expect(parseDuration(text)).toEqual({min, max});
  });

  it.each(['', 'soon', '60', 'min', '60 sec', '0 min', '-5 min', '75–60 min', 'about 60 min', '60 min or so'])('rejects %j', (text) => {
    expect(parseDuration(text)).toBeNull();
  });
});

describe('formatting planned time', () => {
  it('shows a day range the way the overview table reads it', () => {
    expect(formatRange({min: 210, max: 225})).toBe('3 h 30 – 3 h 45');
  });

  it('shows an exact total once', () => {
    expect(formatRange({min: 360, max: 360})).toBe('6 h');
  });

  it('pads minutes after hours and keeps short spans in minutes', () => {
    expect(formatMinutes(65)).toBe('1 h 05');
    expect(formatMinutes(45)).toBe('45 min');
  });

  it('adds ranges bound by bound and skips unknown durations', () => {
    expect(sumDurations([{min: 60, max: 75}, null, {min: 30, max: 30}])).toEqual({min: 90, max: 105});
  });
});
