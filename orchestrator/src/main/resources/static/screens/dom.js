// Shared by the screens: building the page from data, never from HTML text (no markup injection).

/** A new element with an optional class and the given children (nodes or text). */
export function element(tag, className, ...children) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  node.append(...children);
  return node;
}
