// The one frame every modal dialog uses: a <dialog class="sheet"> named for screen
// readers, focus on its first control, Escape and Cancel close it, and it is gone from
// the page once closed.

/**
 * A modal dialog built by `build(close)`; resolves with what `close(value)` was given,
 * or null when dismissed (Escape or Cancel). `build` returns {content: [nodes], focus}.
 */
export function openDialog(label, build) {
  return new Promise((resolve) => {
    let result = null;
    const dialog = document.createElement('dialog');
    dialog.className = 'sheet';
    dialog.setAttribute('aria-label', label);
    const close = (value) => {
      result = value ?? null;
      dialog.close();
    };
    const { content, focus, onCancel } = build(close);
    dialog.append(...content);
    // Escape: the builder may refuse (an import that is writing must be cancelled, not left).
    dialog.addEventListener('cancel', (event) => {
      if (onCancel && onCancel() === false) event.preventDefault();
    });
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(result);
    });
    document.body.append(dialog);
    dialog.showModal();
    focus?.focus();
  });
}
