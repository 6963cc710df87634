/** What a reader gets when a timer runs out, outside React so it can be tested and reused. */

let audioContext: AudioContext | null = null;

/** A short two-note chime made with Web Audio (no sound file to download). */
export function playChime(): void {
  try {
    const AudioContextClass = window.AudioContext ?? (window as unknown as {webkitAudioContext?: typeof AudioContext}).webkitAudioContext;
    if (!AudioContextClass) return;
    audioContext ??= new AudioContextClass();
    const context = audioContext;
    [880, 1318.5].forEach((frequency, index) => {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      const start = context.currentTime + index * 0.22;
      oscillator.type = 'sine';
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start);
      gain.gain.exponentialRampToValueAtTime(0.25, start + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.5);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(start);
      oscillator.stop(start + 0.55);
    });
  } catch {
    // Audio may be blocked until the reader interacts with the page; the visual alert still shows.
  }
}

/** A system notification, only if the reader already allowed them. */
export function notify(title: string, body: string): void {
  try {
    if (typeof Notification !== 'undefined' && Notification.permission === 'granted') {
      new Notification(title, {body, tag: 'go-study-plans-timer'});
    }
  } catch {
    // Some browsers only allow notifications from a service worker; the in-page alert is enough.
  }
}
