import {getState, updateState, exportFileName, exportProgress, extrasOf} from '@site/src/store';

/** Saves text as a file through a temporary link; nothing leaves the browser. */
export function saveTextFile(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], {type}));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next task: the download has started by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Downloads every tick, followed plan, note, review mark, paused timer, time log run and set-aside record as an export file (the one Import reads); returns the file's name. */
export function saveProgressExport(now = new Date()): string {
  const name = exportFileName(now);
  const state = getState();
  const data = exportProgress(state.progress, now, extrasOf(state));
  saveTextFile(name, `${JSON.stringify(data, null, 2)}\n`, 'application/json');
  // An export is a backup: the reminder to make one counts from here.
  updateState((current) => ({...current, lastBackupAt: now.getTime()}));
  return name;
}
