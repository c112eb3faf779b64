import { isValidElement, type ReactNode } from "react";

/**
 * What a server-rendered page shows, read from the element tree its component returns, without a
 * browser: its text (in document order, one string), the addresses of its links and the values of
 * its hidden inputs. Our own components (sync or async functions) are called to expand them; a
 * component that cannot run outside React's renderer (Next's Link, a client component with hooks)
 * is kept as its props: an `href` is recorded and its children read.
 */
export type PageView = { text: string; links: string[]; hidden: Record<string, string[]> };

export async function readPage(node: ReactNode | Promise<ReactNode>): Promise<PageView> {
  const view: PageView = { text: "", links: [], hidden: {} };
  const texts: string[] = [];
  const walk = async (current: unknown): Promise<void> => {
    const value = await current;
    if (value === null || value === undefined || typeof value === "boolean") return;
    if (typeof value === "string" || typeof value === "number") {
      texts.push(String(value));
      return;
    }
    if (Array.isArray(value)) {
      for (const child of value) await walk(child);
      return;
    }
    if (!isValidElement(value)) return;
    const props = (value.props ?? {}) as Record<string, unknown>;
    if (typeof props.href === "string") view.links.push(props.href);
    if (value.type === "input" && props.type === "hidden" && typeof props.name === "string") (view.hidden[props.name] ??= []).push(String(props.value));
    if (typeof value.type === "function" && typeof props.href !== "string") {
      let rendered: unknown;
      try {
        rendered = await (value.type as (props: unknown) => unknown)(props);
      } catch {
        await walk(props.children);
        return;
      }
      await walk(rendered);
      return;
    }
    await walk(props.children);
  };
  await walk(node);
  view.text = texts.join("");
  return view;
}
