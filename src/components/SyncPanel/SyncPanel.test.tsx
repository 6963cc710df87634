import {act, fireEvent, render, screen} from '@testing-library/react';
import ProgressTools from '@site/src/components/ProgressTools';
import {resetStoreForTests} from '@site/src/store';
import {apiUrl, stopSync} from '@site/src/sync/browser';
import {SYNC_TOKEN_KEY} from '@site/src/sync/keys';
import {FakeGistApi} from '@site/tests/support/fakeGistApi';

// The panel loads on demand; importing it here keeps a slow first import from racing the test's waits.
beforeAll(async () => {
  await import('.');
});

const TOKEN = 'ghp_PanelTestT0kenAbcdefghijklmnopqrstuv';
let api: FakeGistApi;

beforeEach(() => {
  window.localStorage.clear();
  resetStoreForTests();
  api = new FakeGistApi({baseUrl: apiUrl});
  vi.spyOn(window, 'fetch').mockImplementation((input, init) => api.handle(new Request(input, init)));
});

afterEach(async () => {
  await act(() => stopSync(false));
  vi.restoreAllMocks();
});

async function openPanel() {
  render(<ProgressTools />);
  const button = screen.getByRole('button', {name: 'Sync across devices'});
  expect(button).toHaveAttribute('aria-expanded', 'false');
  fireEvent.click(button);
  expect(button).toHaveAttribute('aria-expanded', 'true');
  return screen.findByLabelText('GitHub token');
}

describe('"Sync across devices"', () => {
  it('says which token to make and links to where it is made', async () => {
    await openPanel();
    expect(screen.getByRole('link', {name: 'fine-grained token'})).toHaveAttribute('href', 'https://github.com/settings/personal-access-tokens/new');
    expect(screen.getByRole('link', {name: 'classic token'}).getAttribute('href')).toMatch(/scopes=gist/);
    expect(screen.getByText(/set/, {selector: 'li'})).toHaveTextContent('Gists to Read and write');
  });

  it('a token GitHub refuses is not kept, and the reason is said', async () => {
    const field = await openPanel();
    fireEvent.change(field, {target: {value: TOKEN}});
    fireEvent.click(screen.getByRole('button', {name: 'Start syncing'}));
    expect(await screen.findByText(/GitHub did not accept this token/)).toHaveAttribute('role', 'alert');
    expect(window.localStorage.getItem(SYNC_TOKEN_KEY)).toBeNull();
  });

  it('an accepted token starts syncing, and the status says so in words', async () => {
    api.addToken(TOKEN, 'ann', 'gist');
    const field = await openPanel();
    fireEvent.change(field, {target: {value: TOKEN}});
    fireEvent.click(screen.getByRole('button', {name: 'Start syncing'}));
    expect(await screen.findByText('Synced just now.')).toHaveAttribute('role', 'status');
    expect(window.localStorage.getItem(SYNC_TOKEN_KEY)).toBe(TOKEN);
    expect(api.gistsOf('ann')).toHaveLength(1);
  });
});
