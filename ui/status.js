// The one status line (role=status) that confirms what just happened, e.g. "Saved Jane Doe".

const CLEAR_AFTER_MS = 8000; // long enough to read, short enough not to go stale
let timer = 0;

export function say(text) {
  const line = document.getElementById('status');
  if (!line) return;
  line.textContent = text;
  clearTimeout(timer);
  timer = setTimeout(() => {
    line.textContent = '';
  }, CLEAR_AFTER_MS);
}
