import type {ReactNode} from 'react';

type Values = Record<string, ReactNode>;

function interpolate(message: string, values?: Values): string {
  return message.replace(/\{(\w+)\}/g, (whole, key: string) => (values && key in values ? String(values[key]) : whole));
}

/** The site has one locale, so a translation is its default message. */
export function translate({message}: {message: string; id?: string; description?: string}, values?: Values): string {
  return interpolate(message, values);
}

/** Renders the default message with its placeholders filled in. */
export default function Translate({children, values}: {children: string; id?: string; description?: string; values?: Values}): ReactNode {
  return interpolate(children, values);
}
