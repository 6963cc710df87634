import {render, screen} from '@testing-library/react';
import type {ReactNode} from 'react';
import {describe, expect, it, vi} from 'vitest';
import {lazyComponent} from './onDemand';

interface PanelProps {
  label: string;
}

function Panel({label}: PanelProps): ReactNode {
  return <p>Panel: {label}</p>;
}

const chunkLoadError = () => Object.assign(new Error('Loading chunk 42 failed. (timeout)'), {name: 'ChunkLoadError'});

describe('lazyComponent', () => {
  it('shows the fallback until the chunk arrives, then the component with its props', async () => {
    const Lazy = lazyComponent(
      () => Promise.resolve({default: Panel}),
      ({label}) => <p>Plain: {label}</p>,
    );
    render(<Lazy label="Block 2" />);
    expect(screen.getByText('Plain: Block 2')).toBeInTheDocument();
    expect(await screen.findByText('Panel: Block 2')).toBeInTheDocument();
  });

  it('asks for the chunk once more when its load failed (it timed out while the device slept)', async () => {
    const load = vi.fn().mockRejectedValueOnce(chunkLoadError()).mockResolvedValueOnce({default: Panel});
    const Lazy = lazyComponent<PanelProps>(load);
    render(<Lazy label="Block 2" />);
    expect(await screen.findByText('Panel: Block 2')).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('when the chunk cannot be loaded at all, shows the fallback and the rest of the page stays', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const load = vi.fn().mockRejectedValue(chunkLoadError());
    const Lazy = lazyComponent<PanelProps>(load, ({label}) => <p>Plain: {label}</p>);
    render(
      <main>
        <h1>Week 10</h1>
        <Lazy label="Block 2" />
      </main>,
    );
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(2));
    expect(await screen.findByText('Plain: Block 2')).toBeInTheDocument();
    expect(screen.getByRole('heading', {name: 'Week 10'})).toBeInTheDocument();
    expect(screen.queryByText(/Panel:/)).not.toBeInTheDocument();
    errors.mockRestore();
  });
});
