// The keys that operate a control (a drop-down's arrows, a radio group's arrows, Space)
// stay with the control inside a clientlearn widget: JupyterLab's notebook shortcuts,
// which see key presses bubble up to the document, would otherwise take the arrow keys
// on a focused drop-down to move to another cell. Other keys (Ctrl+S, Shift+Enter) pass.

const KEYS = new Set([
  "ArrowUp",
  "ArrowDown",
  "ArrowLeft",
  "ArrowRight",
  "Home",
  "End",
  "PageUp",
  "PageDown",
  " ",
]);

function guard(event) {
  const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
  if (plain && KEYS.has(event.key) && event.target.matches("select, input, button")) {
    event.stopPropagation();
  }
}

function render({ el }) {
  el.style.display = "none";
  let root = null;
  let frame = 0;
  const attach = () => {
    root = el.isConnected ? el.closest(".clientlearn") : null;
    if (root) root.addEventListener("keydown", guard);
    else frame = requestAnimationFrame(attach);
  };
  attach();
  return () => {
    cancelAnimationFrame(frame);
    if (root) root.removeEventListener("keydown", guard);
  };
}

export default { render };
