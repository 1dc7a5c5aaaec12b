// Shared by the screens: building the page from data, never from HTML text (no markup injection),
// and the staff pages' message line.

/** A new element with an optional class and the given children (nodes or text). */
export function element(tag, className, ...children) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  node.append(...children);
  return node;
}

/** Says something in the staff pages' message line (#message), an error in its error look; it stays until the next. */
export function say(text, className) {
  const message = document.getElementById('message');
  message.hidden = false;
  message.className = className;
  message.textContent = text;
}
