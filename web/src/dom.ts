// Builds DOM from data without ever parsing user text as HTML: text always goes through textContent.

type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  append(element, ...children);
  return element;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  }
}

export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

/** A QR code from the server's SVG, shown as an image and never parsed into the page. */
export function qrImage(svg: string, label: string): HTMLImageElement {
  const image = h("img", { alt: label, class: "qr", width: 180, height: 180 });
  image.src = `data:image/svg+xml;base64,${btoa(svg)}`;
  return image;
}
