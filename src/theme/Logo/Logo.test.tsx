import {readFileSync} from 'node:fs';
import path from 'node:path';
import {render, screen} from '@testing-library/react';
import Logo from './index';

const logoFile = readFileSync(path.resolve(__dirname, '../../../static/img/logo.svg'), 'utf8');

/** An SVG's drawing: each element's name and attributes, in order, attribute names as SVG spells them. */
function drawing(svg: Element): string[] {
  return Array.from(svg.querySelectorAll('*')).map((element) => {
    const attributes = Array.from(element.attributes)
      .map((attribute) => `${attribute.name}=${attribute.value}`)
      .sort();
    return `${element.tagName.toLowerCase()} ${attributes.join(' ')}`;
  });
}

describe('Logo', () => {
  it('links home under the site title, with the mark drawn in the page and hidden from assistive technology', () => {
    const {container} = render(<Logo className="navbar__brand" imageClassName="navbar__logo" titleClassName="navbar__title" />);
    const link = screen.getByRole('link', {name: 'Go Study Plans'});
    expect(link).toHaveAttribute('href', '/');
    expect(container.querySelector('img')).toBeNull();
    const mark = link.querySelector('svg');
    expect(mark).toHaveClass('navbar__logo');
    expect(mark).toHaveAttribute('aria-hidden', 'true');
  });

  it('draws the same mark as static/img/logo.svg, which the app icons are made from', () => {
    const {container} = render(<Logo />);
    const file = new DOMParser().parseFromString(logoFile, 'image/svg+xml').documentElement;
    const mark = container.querySelector('svg')!;
    expect(mark.getAttribute('viewBox')).toBe(file.getAttribute('viewBox'));
    expect(drawing(mark)).toEqual(drawing(file));
  });
});
