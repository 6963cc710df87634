/** What a reader gets when a timer runs out, outside React so it can be tested and reused. */

let audioContext: AudioContext | null = null;

function getAudioContext(): AudioContext | null {
  const AudioContextClass = window.AudioContext ?? (window as unknown as {webkitAudioContext?: typeof AudioContext}).webkitAudioContext;
  if (!AudioContextClass) return null;
  audioContext ??= new AudioContextClass();
  return audioContext;
}

/** Two notes starting at `start` on the context's clock; returns the oscillators so they can be cancelled. */
function chimeAt(context: AudioContext, start: number): OscillatorNode[] {
  return [880, 1318.5].map((frequency, index) => {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    const noteStart = start + index * 0.22;
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, noteStart);
    gain.gain.exponentialRampToValueAtTime(0.25, noteStart + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, noteStart + 0.5);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(noteStart);
    oscillator.stop(noteStart + 0.55);
    return oscillator;
  });
}

/** A short two-note chime made with Web Audio (no sound file to download). */
export function playChime(): void {
  try {
    const context = getAudioContext();
    if (context) chimeAt(context, context.currentTime);
  } catch {
    // Audio may be blocked until the reader interacts with the page; the visual alert still shows.
  }
}

/** A chime booked ahead on the audio clock. */
export interface ScheduledChime {
  /** True when the audio clock is running, so the booked chime will sound by itself. */
  willSound(): boolean;
  /** Takes the chime back if it has not started (a pause, a reset, a longer range). */
  cancel(): void;
}

/**
 * Books the chime `delayMs` from now on the AudioContext clock. Browsers throttle a hidden tab's timers (Chrome
 * wakes them once a minute after five minutes), but the audio clock runs on its own thread, so a chime booked
 * when the timer starts sounds on time even after an hour in the background. Returns null where audio is
 * unavailable or blocked; the caller then chimes when it notices the end.
 */
export function scheduleChime(delayMs: number): ScheduledChime | null {
  try {
    const context = getAudioContext();
    if (!context) return null;
    // A context created before any click starts suspended; the start or resume click lets it run.
    if (context.state === 'suspended') void context.resume().catch(() => {});
    const start = context.currentTime + Math.max(0, delayMs) / 1000;
    const oscillators = chimeAt(context, start);
    return {
      willSound: () => context.state === 'running',
      cancel: () => {
        if (context.currentTime >= start) return;
        for (const oscillator of oscillators) {
          oscillator.stop();
          oscillator.disconnect();
        }
      },
    };
  } catch {
    return null;
  }
}

/**
 * Calls `onDue` after `delayMs`, timed in a dedicated worker: workers' timers are not throttled the way a hidden
 * tab's are, and the message they post runs on the page at once. Falls back to a page timer where workers are
 * unavailable. Returns a function that cancels it.
 */
export function timeInWorker(delayMs: number, onDue: () => void): () => void {
  let worker: Worker | null = null;
  let url: string | null = null;
  try {
    if (typeof Worker !== 'undefined' && typeof Blob !== 'undefined') {
      url = URL.createObjectURL(new Blob(['onmessage = (event) => setTimeout(() => postMessage(0), event.data);'], {type: 'text/javascript'}));
      worker = new Worker(url);
      worker.onmessage = onDue;
      worker.postMessage(Math.max(0, delayMs));
    }
  } catch {
    worker = null;
  }
  // The page timer also runs with a worker: it costs nothing, and covers a worker that failed to start.
  const timeout = setTimeout(onDue, Math.max(0, delayMs));
  return () => {
    clearTimeout(timeout);
    worker?.terminate();
    if (url) URL.revokeObjectURL(url);
  };
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
