import {act, render, screen} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {afterEach, describe, expect, it} from 'vitest';
import KeepGuideOffline from '.';
import {formatSize, type GuideReply} from './worker';

/** A service worker controlling the page, as the test drives it: it records what it is asked and answers on the port. */
class FakeWorker {
  readonly asked: {type: string; port: MessagePort}[] = [];
  postMessage(message: {type: string}, transfer: MessagePort[]): void {
    this.asked.push({type: message.type, port: transfer[0]!});
  }
  async answer(type: string, reply: GuideReply): Promise<void> {
    const request = [...this.asked].reverse().find((asked) => asked.type === type);
    if (!request) throw new Error(`the page never asked ${type}`);
    await act(async () => {
      request.port.postMessage(reply);
      await new Promise<void>((resolve) => setImmediate(resolve));
    });
  }
}

function installWorker(controller: FakeWorker | null): void {
  Object.defineProperty(navigator, 'serviceWorker', {
    configurable: true,
    value: Object.assign(new EventTarget(), {controller}),
  });
}

afterEach(() => {
  Reflect.deleteProperty(navigator, 'serviceWorker');
});

describe('KeepGuideOffline', () => {
  it('says so in a browser that cannot keep pages offline', () => {
    render(<KeepGuideOffline />);
    expect(screen.getByRole('status')).toHaveTextContent('This browser cannot keep pages offline.');
    expect(screen.getByRole('button', {name: 'Keep the whole guide offline'})).toHaveAttribute('aria-disabled', 'true');
  });

  it('shows the size first, then a progress bar while it downloads, then that the guide is kept', async () => {
    const worker = new FakeWorker();
    installWorker(worker);
    render(<KeepGuideOffline />);
    await worker.answer('guide-status', {type: 'status', missing: 120, missingBytes: 1_234_567});
    const button = screen.getByRole('button', {name: 'Keep the whole guide offline (1.2 MB)'});
    expect(button).toHaveAttribute('aria-disabled', 'false');

    await userEvent.click(button);
    expect(worker.asked.map((asked) => asked.type)).toEqual(['guide-status', 'keep-guide']);
    await worker.answer('keep-guide', {type: 'progress', done: 600_000, total: 1_234_567});
    expect(screen.getByRole('progressbar', {name: 'Downloading the guide for offline use'})).toHaveAttribute('value', '600000');
    expect(screen.getByRole('status')).toHaveTextContent('Downloading: 600 kB of 1.2 MB.');
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveFocus();

    await worker.answer('keep-guide', {type: 'kept'});
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('The whole guide is kept offline');
  });

  it('when some files fail, says how many and offers the rest at its own size', async () => {
    const worker = new FakeWorker();
    installWorker(worker);
    render(<KeepGuideOffline />);
    await worker.answer('guide-status', {type: 'status', missing: 120, missingBytes: 2_000_000});
    await userEvent.click(screen.getByRole('button', {name: /^Keep the whole guide offline/}));
    await worker.answer('keep-guide', {type: 'failed', missing: 3});
    await worker.answer('guide-status', {type: 'status', missing: 3, missingBytes: 45_000});
    expect(screen.getByRole('status')).toHaveTextContent('3 files could not be downloaded; what did arrive is kept.');
    expect(screen.getByRole('button', {name: 'Keep the whole guide offline (45 kB)'})).toHaveAttribute('aria-disabled', 'false');
  });

  it('waits for the worker to take the page, and says when nothing is kept yet and the list is out of reach', async () => {
    installWorker(null);
    render(<KeepGuideOffline />);
    expect(screen.getByRole('status')).toHaveTextContent('Available in a moment');
    const worker = new FakeWorker();
    await act(async () => {
      Object.assign(navigator.serviceWorker, {controller: worker});
      navigator.serviceWorker.dispatchEvent(new Event('controllerchange'));
    });
    await worker.answer('guide-status', {type: 'status', unavailable: true});
    expect(screen.getByRole('status')).toHaveTextContent('Available when you are online.');
  });

  it('shows an already kept guide as kept, with nothing to download', async () => {
    const worker = new FakeWorker();
    installWorker(worker);
    render(<KeepGuideOffline />);
    await worker.answer('guide-status', {type: 'status', missing: 0, missingBytes: 0});
    expect(screen.getByRole('status')).toHaveTextContent('The whole guide is kept offline');
    expect(screen.getByRole('button', {name: 'Keep the whole guide offline'})).toHaveAttribute('aria-disabled', 'true');
  });
});

describe('formatSize', () => {
  it('writes decimal kilobytes and megabytes', () => {
    expect(formatSize(1_234_567, 'en')).toBe('1.2 MB');
    expect(formatSize(45_000, 'en')).toBe('45 kB');
    expect(formatSize(12, 'en')).toBe('1 kB');
  });
});
