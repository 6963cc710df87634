import {themes} from 'prism-react-renderer';
import {describe, expect, it} from 'vitest';
import config from '../../docusaurus.config';
import {contrastRatio, readableTheme} from './readableTheme';

const tokenColors = (theme: {plain: {color?: string}; styles: {style: {color?: string}}[]}) =>
  [theme.plain.color, ...theme.styles.map((entry) => entry.style.color)].filter((color): color is string => Boolean(color));

describe('contrastRatio', () => {
  it('matches the WCAG reference values', () => {
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('rgb(255, 255, 255)', '#ffffff')).toBe(1);
  });
});

describe('readableTheme', () => {
  it.each([
    ['github (light)', themes.github],
    ['dracula (dark)', themes.dracula],
  ])('lifts every token colour of %s to AA contrast, and leaves readable colours as they were', (_name, theme) => {
    const background = theme.plain.backgroundColor!;
    // The stock theme has colours that fail, or this test would prove nothing.
    expect(tokenColors(theme).some((color) => contrastRatio(color, background) < 4.5)).toBe(true);

    const readable = readableTheme(theme);
    for (const color of tokenColors(readable)) expect(contrastRatio(color, background)).toBeGreaterThanOrEqual(4.5);
    theme.styles.forEach((entry, index) => {
      const original = entry.style.color;
      if (original && contrastRatio(original, background) >= 4.5) expect(readable.styles[index]?.style.color).toBe(original);
    });
  });

  it('says which background it cannot read', () => {
    expect(() => readableTheme({plain: {backgroundColor: 'linear-gradient(red, blue)'}, styles: []})).toThrow(/linear-gradient\(red, blue\)/);
  });

  it('is what the site uses for code in light and dark mode', () => {
    const prism = (config.themeConfig as {prism: {theme: typeof themes.github; darkTheme: typeof themes.github}}).prism;
    for (const theme of [prism.theme, prism.darkTheme]) {
      for (const color of tokenColors(theme)) expect(contrastRatio(color, theme.plain.backgroundColor!)).toBeGreaterThanOrEqual(4.5);
    }
  });
});
