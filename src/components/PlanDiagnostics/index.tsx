import type {ReactNode} from 'react';
import Admonition from '@theme/Admonition';
import type {Diagnostic} from '@site/plugins/plan-model/types';
import styles from './styles.module.css';

/**
 * The validator's findings for this plan, at the top of the page while previewing with `npm start`
 * (production builds fail on errors instead, so readers never see this box). Each line names the
 * place in the file (`docs/…/go.md:12:3`), the problem and the rule, as `npm run validate` prints it.
 */
export default function PlanDiagnostics({file, diagnostics}: {file?: string; diagnostics: string}): ReactNode {
  const items = JSON.parse(diagnostics) as Diagnostic[];
  const errors = items.filter((item) => item.severity === 'error').length;
  const warnings = items.length - errors;
  const title = [errors ? `${errors} ${errors === 1 ? 'error' : 'errors'}` : '', warnings ? `${warnings} ${warnings === 1 ? 'warning' : 'warnings'}` : '']
    .filter(Boolean)
    .join(', ');
  return (
    <div data-print="hide" data-search="ignore">
      <Admonition type={errors > 0 ? 'danger' : 'warning'} title={`This plan has ${title}`}>
        <ul className={styles.list}>
          {items.map((item) => (
            <li key={`${item.line}:${item.column}:${item.code}:${item.message}`}>
              <code>
                {file ? `${file}:` : ''}
                {item.line}:{item.column}
              </code>{' '}
              <strong>{item.severity}</strong> {item.message} <code>{item.code}</code>
            </li>
          ))}
        </ul>
        <p className={styles.hint}>Only you see this, while previewing: fix the file at the line and column shown and save.</p>
      </Admonition>
    </div>
  );
}
