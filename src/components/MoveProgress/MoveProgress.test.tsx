import {fireEvent, render, screen, waitFor} from '@testing-library/react';
import {updateState} from '@site/src/store';
import MoveProgress, {QR_CAPACITY_BYTES} from '.';

const WEEK = 'weeks/week-10/go';

/** Text that does not compress (as real notes of several pages barely do once the link is packed): a seeded generator. */
function noteText(seed: number, length: number): string {
  let state = seed;
  let text = '';
  while (text.length < length) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    text += state.toString(36);
  }
  return text.slice(0, length);
}

const linkField = () => screen.getByRole('textbox', {name: 'Link to your progress'}) as HTMLInputElement;

describe('Move my progress', () => {
  it('draws the link as a QR code when it fits in one', async () => {
    updateState((state) => ({...state, progress: {[WEEK]: {'d1-b1': 1, 'd1-b2': 2}}}));
    render(<MoveProgress />);
    await waitFor(() => expect(linkField().value).toMatch(/#move=/));
    expect(new TextEncoder().encode(linkField().value).length).toBeLessThan(QR_CAPACITY_BYTES);
    fireEvent.click(screen.getByRole('button', {name: 'Show QR code'}));
    expect(await screen.findByRole('img', {name: /^QR code of the link/})).toBeInTheDocument();
    expect(screen.queryByText(/more than a QR code holds/)).toBeNull();
  });

  it('says up front when the link is too long for a QR code, and offers the link and the file instead', async () => {
    // Twenty item notes of 300 characters each: a link of several thousand characters, far under the link's own limit.
    const notes = Object.fromEntries(Array.from({length: 20}, (_, index) => [`d${(index % 7) + 1}-b${Math.floor(index / 7) + 1}`, noteText(index + 1, 300)]));
    updateState((state) => ({...state, itemNotes: {[WEEK]: notes}}));
    render(<MoveProgress />);
    await waitFor(() => expect(linkField().value).toMatch(/#move=/));
    const length = linkField().value.length;
    expect(length).toBeGreaterThan(QR_CAPACITY_BYTES);

    const qrButton = screen.getByRole('button', {name: 'Show QR code'});
    expect(qrButton).toBeDisabled();
    // The reason is the button's description, with the link's length and both ways that remain.
    expect(qrButton).toHaveAccessibleDescription(
      `This link is ${length.toLocaleString('en')} characters long, more than a QR code holds (about 2,953). Copy the link and open it on your other device (send it by message or mail to yourself), or move a file: "Export progress" here, "Import progress" there.`,
    );
    expect(screen.getByRole('button', {name: 'Copy link'})).toBeEnabled();
  });
});
