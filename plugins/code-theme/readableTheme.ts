import type {PrismTheme} from 'prism-react-renderer';

type Rgb = [number, number, number];

/** Parses the colour forms Prism themes use: `#rgb`, `#rrggbb` and `rgb(r, g, b)`. */
function parseColor(color: string): Rgb | null {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (hex?.[1]) {
    const digits = hex[1].length === 3 ? [...hex[1]].map((digit) => digit + digit).join('') : hex[1];
    return [0, 2, 4].map((start) => parseInt(digits.slice(start, start + 2), 16)) as Rgb;
  }
  const rgb = /^rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)/i.exec(color.trim());
  return rgb ? ([Number(rgb[1]), Number(rgb[2]), Number(rgb[3])] as Rgb) : null;
}

const toHex = (rgb: Rgb): string => `#${rgb.map((channel) => Math.round(channel).toString(16).padStart(2, '0')).join('')}`;

/** WCAG relative luminance. */
function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((channel) => {
    const value = channel / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours, 1 to 21. */
export function contrastRatio(first: string, second: string): number {
  const a = parseColor(first);
  const b = parseColor(second);
  if (!a || !b) throw new Error(`Cannot compare colours "${first}" and "${second}".`);
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Moves `color` towards black (on a light background) or white (on a dark one) until it reaches `minContrast`. */
function readableOn(color: string, background: string, minContrast: number): string {
  const rgb = parseColor(color);
  const backgroundRgb = parseColor(background);
  if (!rgb || !backgroundRgb || contrastRatio(color, background) >= minContrast) return color;
  const target: Rgb = luminance(backgroundRgb) > 0.5 ? [0, 0, 0] : [255, 255, 255];
  for (let step = 1; step <= 50; step += 1) {
    const mixed = rgb.map((channel, index) => channel + (target[index]! - channel) * (step / 50)) as Rgb;
    const candidate = toHex(mixed);
    if (contrastRatio(candidate, background) >= minContrast) return candidate;
  }
  return toHex(target);
}

/**
 * A copy of a Prism theme whose token colours all reach `minContrast` against its background
 * (WCAG AA for normal text by default). The stock themes' comments and constants fall short of
 * it; only those colours change, each keeping its hue as far as it can.
 */
export function readableTheme(theme: PrismTheme, minContrast = 4.5): PrismTheme {
  const background = theme.plain.backgroundColor;
  if (!background || !parseColor(background)) throw new Error(`The Prism theme's background "${background ?? ''}" is not a colour this check understands.`);
  const fix = (color: string | undefined) => (color ? readableOn(color, background, minContrast) : color);
  return {
    plain: {...theme.plain, color: fix(theme.plain.color)},
    styles: theme.styles.map((entry) => ({...entry, style: {...entry.style, color: fix(entry.style.color)}})),
  };
}
