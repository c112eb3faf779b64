"use client";

import { Extension, Mark } from "@tiptap/core";
import Image from "@tiptap/extension-image";
import { TableKit } from "@tiptap/extension-table";
import { EditorContent, useEditor, useEditorState, type Editor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from "react";
import { useFormState } from "@/components/forms/action-form";
import { inputClass } from "@/components/forms/styles";
import { messages as catalogue } from "@/lib/i18n";
import "./prosemirror.css";

const editorMessages = catalogue.editor;

type RichTextEditorProps = {
  name: string;
  label: string;
  /** HTML of the stored body. */
  defaultValue?: string;
  required?: boolean;
  /** Field errors; when omitted, those of the surrounding ActionForm for `name` are shown. */
  errors?: string[];
  id?: string;
};

// ---------------------------------------------------------------------------------------------
// Cleaning pasted HTML (Word, WPS, web pages) down to structure. The editor's schema would drop
// most of it anyway, but Word's list markers, hidden runs and source line breaks would survive
// as text; the server sanitises again whatever arrives.

const keptTags = new Set([
  "p",
  "br",
  "h2",
  "h3",
  "h4",
  "strong",
  "em",
  "u",
  "sup",
  "sub",
  "ul",
  "ol",
  "li",
  "a",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
  "blockquote",
  "hr",
  "img",
]);
const renamedTags: Record<string, string> = { b: "strong", i: "em", h1: "h2", h5: "h4", h6: "h4", tfoot: "tbody", dir: "ul", menu: "ul" };
const droppedTags = new Set([
  "script",
  "style",
  "meta",
  "link",
  "title",
  "head",
  "xml",
  "template",
  "noscript",
  "iframe",
  "frame",
  "object",
  "embed",
  "svg",
  "math",
  "canvas",
  "video",
  "audio",
  "select",
  "textarea",
  "input",
  "button",
  "colgroup",
  "col",
  "caption",
  "o:p",
]);
const blockContainers = new Set([
  "div",
  "section",
  "article",
  "main",
  "header",
  "footer",
  "aside",
  "center",
  "address",
  "pre",
  "dd",
  "dt",
  "figure",
  "figcaption",
  "nav",
]);
const blockSelector = "p,div,h1,h2,h3,h4,h5,h6,ul,ol,li,table,blockquote,hr,section,article,pre,dl";
const cjkCharacter = /[\u2e80-\u9fff\u3000-\u303f\uf900-\ufaff\uff00-\uffef]/;
const orderedMarker = /^[(（]?[0-9０-９一二三四五六七八九十百零〇a-zA-Zⅰ-ⅻⅠ-Ⅻ]{1,4}[)）.．、]?$/;

/** Only web and mail links and this site's own paths; nothing that runs or embeds. */
export function isSafeLinkHref(href: string): boolean {
  const value = href.trim();
  if (value.startsWith("//")) return false;
  if (/^(\/|#|\.\.?\/|\?)/.test(value)) return true;
  if (/^(https?:\/\/[^\s/]+|mailto:[^\s]+)/i.test(value)) return true;
  // A path without a scheme, such as "detail.html", is relative too; anything with a colon
  // before the first slash is a scheme we do not allow.
  return value !== "" && !/^[^/?#]*:/.test(value);
}

function isSafeImageSource(src: string): boolean {
  const value = src.trim();
  return /^https?:\/\//i.test(value) || (value.startsWith("/") && !value.startsWith("//"));
}

function styleOf(element: Element): string {
  return (element.getAttribute("style") ?? "").toLowerCase().replace(/\s+/g, "");
}

function isHidden(element: Element): boolean {
  const style = styleOf(element);
  return style.includes("display:none") || style.includes("mso-hide:all") || style.includes("visibility:hidden");
}

function isCellSpan(value: string | null): value is string {
  return value !== null && /^[1-9]\d{0,2}$/.test(value.trim()) && value.trim() !== "1";
}

/** Word exports numbered and bulleted paragraphs as <p> with the marker in a mso-list:Ignore span. */
function convertWordLists(document: Document) {
  for (const paragraph of Array.from(document.querySelectorAll("p"))) {
    const style = styleOf(paragraph);
    if (!style.includes("mso-list:") && !/MsoListParagraph/i.test(paragraph.className)) continue;
    const marker = Array.from(paragraph.querySelectorAll("span")).find((span) => styleOf(span).includes("mso-list:ignore"));
    if (!marker) continue;
    const markerText = (marker.textContent ?? "").replace(/[\s\u00a0]+/g, "");
    marker.remove();
    if (orderedMarker.test(markerText)) {
      // Official documents number their points as text (一、 （一） 1.); keep that numbering as
      // written instead of letting the browser renumber it as 1. 2. 3.
      paragraph.insertBefore(document.createTextNode(markerText), paragraph.firstChild);
    } else {
      paragraph.setAttribute("data-word-bullet", "true");
    }
  }
  for (const paragraph of Array.from(document.querySelectorAll("p[data-word-bullet]"))) {
    // Already moved into the list started by an earlier paragraph of the same run.
    if (!paragraph.hasAttribute("data-word-bullet") || !paragraph.parentNode) continue;
    const list = document.createElement("ul");
    paragraph.parentNode.insertBefore(list, paragraph);
    let current: Element | null = paragraph;
    while (current?.hasAttribute("data-word-bullet")) {
      const next: Element | null = current.nextElementSibling;
      const item = document.createElement("li");
      current.removeAttribute("data-word-bullet");
      item.appendChild(current);
      list.appendChild(item);
      current = next;
    }
  }
}

function copyClean(source: Node, target: Node, document: Document) {
  for (const child of Array.from(source.childNodes)) {
    if (child.nodeType === Node.TEXT_NODE) {
      target.appendChild(document.createTextNode(child.textContent ?? ""));
      continue;
    }
    if (child.nodeType !== Node.ELEMENT_NODE) continue; // comments, processing instructions
    const element = child as Element;
    const tag = element.localName.toLowerCase();
    if (droppedTags.has(tag) || tag.startsWith("v:") || tag.startsWith("w:") || isHidden(element)) continue;
    const name = renamedTags[tag] ?? tag;

    if (keptTags.has(name)) {
      if (name === "img") {
        const src = element.getAttribute("src") ?? "";
        if (!isSafeImageSource(src)) continue;
        const image = document.createElement("img");
        image.setAttribute("src", src.trim());
        image.setAttribute("alt", element.getAttribute("alt") ?? "");
        target.appendChild(image);
        continue;
      }
      if (name === "a") {
        const href = element.getAttribute("href");
        if (!href || !isSafeLinkHref(href)) {
          copyClean(element, target, document);
          continue;
        }
      }
      const copy = document.createElement(name);
      if (name === "a") {
        copy.setAttribute("href", element.getAttribute("href")!.trim());
        const title = element.getAttribute("title");
        if (title) copy.setAttribute("title", title);
      }
      if (name === "td" || name === "th") {
        for (const span of ["colspan", "rowspan"]) {
          const value = element.getAttribute(span);
          if (isCellSpan(value)) copy.setAttribute(span, value.trim());
        }
      }
      copyClean(element, copy, document);
      target.appendChild(copy);
      continue;
    }

    if (blockContainers.has(tag) && !element.querySelector(blockSelector)) {
      const paragraph = document.createElement("p");
      copyClean(element, paragraph, document);
      target.appendChild(paragraph);
      continue;
    }

    // Spans, fonts, smart tags (st1:…) and unknown elements: keep the text, and the emphasis
    // that Word sometimes writes as inline style instead of <b>/<i>.
    const style = styleOf(element);
    let container: Node = target;
    const wrap = (wrapperTag: string) => {
      const wrapper = document.createElement(wrapperTag);
      container.appendChild(wrapper);
      container = wrapper;
    };
    if (/font-weight:(bold|[6-9]00)/.test(style)) wrap("strong");
    if (style.includes("font-style:italic")) wrap("em");
    if (style.includes("vertical-align:super")) wrap("sup");
    else if (style.includes("vertical-align:sub")) wrap("sub");
    copyClean(element, container, document);
  }
}

/**
 * Word wraps its HTML source every ~80 characters; a line break inside a run of Chinese text
 * would become a stray space, so it is removed there and becomes a space elsewhere.
 */
function joinSourceLineBreaks(root: Node, document: Document) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  while (walker.nextNode()) texts.push(walker.currentNode as Text);
  texts.forEach((text, index) => {
    const value = text.data;
    if (!/[\r\n]/.test(value)) return;
    const before = texts[index - 1]?.data.slice(-1) ?? "";
    const after = texts[index + 1]?.data.charAt(0) ?? "";
    text.data = value.replace(/[ \t]*\r?\n[ \t]*/g, (match, offset: number) => {
      const previous = offset > 0 ? value.charAt(offset - 1) : before;
      const next = offset + match.length < value.length ? value.charAt(offset + match.length) : after;
      return cjkCharacter.test(previous) || cjkCharacter.test(next) || previous === "" || next === "" ? "" : " ";
    });
  });
}

function removeEmptyParagraphs(root: Element) {
  for (const paragraph of Array.from(root.querySelectorAll("p"))) {
    const text = (paragraph.textContent ?? "").replace(/[\s\u00a0]+/g, "");
    if (text === "" && !paragraph.querySelector("img")) paragraph.remove();
  }
}

/** Reduces pasted HTML to plain structural HTML: no styles, classes, spans, comments or Office markup. */
export function cleanPastedHtml(html: string): string {
  const document = new DOMParser().parseFromString(html, "text/html");
  convertWordLists(document);
  const output = document.createElement("div");
  copyClean(document.body, output, document);
  joinSourceLineBreaks(output, document);
  removeEmptyParagraphs(output);
  return output.innerHTML;
}

// ---------------------------------------------------------------------------------------------
// Editor extensions

const PasteCleanup = Extension.create({
  name: "pasteCleanup",
  transformPastedHTML: (html: string) => cleanPastedHtml(html),
});

// Kept so that stored bodies with <sup>/<sub> (footnote marks, m², H₂O) survive editing.
const Superscript = Mark.create({
  name: "superscript",
  excludes: "subscript",
  parseHTML: () => [{ tag: "sup" }],
  renderHTML: () => ["sup", 0],
});
const Subscript = Mark.create({
  name: "subscript",
  excludes: "superscript",
  parseHTML: () => [{ tag: "sub" }],
  renderHTML: () => ["sub", 0],
});

function createExtensions() {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3, 4] },
      // Not part of an official document, and the server would strip them.
      code: false,
      codeBlock: false,
      strike: false,
      link: {
        openOnClick: false,
        // Autolinking makes links "inclusive": text typed right after a link would join it.
        autolink: false,
        linkOnPaste: true,
        defaultProtocol: "https",
        HTMLAttributes: { target: null, rel: null, class: null },
        isAllowedUri: (url) => isSafeLinkHref(url),
      },
    }),
    TableKit.configure({ table: { resizable: false } }),
    Image.configure({ inline: true, allowBase64: false }),
    Superscript,
    Subscript,
    PasteCleanup,
  ];
}

/** What the form posts: "" for an empty editor, and without the empty paragraph kept after a table or heading at the end. */
function serialize(editor: Editor): string {
  return editor.isEmpty ? "" : editor.getHTML().replace(/(<p><\/p>)+$/, "");
}

/** One block per line, so that the source view is readable and diffs well. */
function formatSource(html: string): string {
  return html.replace(/(<\/(?:p|h2|h3|h4|li|ul|ol|table|thead|tbody|tr|blockquote)>|<hr>)(?!\n)/g, "$1\n").trim();
}

function normalizeLinkInput(value: string): string | null {
  const href = value.trim();
  if (href === "") return null;
  if (/^www\./i.test(href) || /^[a-z0-9-]+(\.[a-z0-9-]+)+(\/|$)/i.test(href)) return `https://${href}`;
  if (/^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(href)) return `mailto:${href}`;
  return href;
}

// ---------------------------------------------------------------------------------------------
// Component

const frameClass = "mt-1 rounded border border-gray-400 bg-white data-[invalid=true]:border-red-700 focus-within:border-blue-800";
const buttonClass =
  "rounded border border-transparent px-2 py-1 text-sm text-gray-900 hover:bg-gray-100 hover:border-gray-300 " +
  "focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-700 " +
  "aria-pressed:border-blue-800 aria-pressed:bg-blue-50 aria-pressed:text-blue-900 aria-expanded:border-blue-800 aria-expanded:bg-blue-50";
const panelButtonClass =
  "mt-1 rounded border border-gray-500 bg-white px-3 py-2 text-sm text-gray-900 hover:bg-gray-100 " +
  "focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-700";
const contentClass =
  "min-h-64 px-3 py-2 text-base leading-7 text-gray-900 focus:outline-none focus-visible:outline-none focus:ring-2 focus:ring-inset focus:ring-blue-700 " +
  "[&_p]:my-2 [&_h2]:mt-4 [&_h2]:mb-2 [&_h2]:text-xl [&_h2]:font-bold [&_h3]:mt-3 [&_h3]:mb-2 [&_h3]:text-lg [&_h3]:font-bold " +
  "[&_h4]:mt-3 [&_h4]:mb-1 [&_h4]:font-bold [&_ul]:my-2 [&_ul]:list-disc [&_ul]:pl-8 [&_ol]:my-2 [&_ol]:list-decimal [&_ol]:pl-8 " +
  "[&_li_p]:my-0 [&_a]:text-blue-800 [&_a]:underline [&_blockquote]:my-2 [&_blockquote]:border-l-4 [&_blockquote]:border-gray-300 [&_blockquote]:pl-4 " +
  "[&_hr]:my-4 [&_hr]:border-gray-400 [&_img]:inline [&_img]:max-w-full [&_table]:my-2 [&_table]:border-collapse " +
  "[&_td]:border [&_td]:border-gray-400 [&_td]:px-2 [&_td]:py-1 [&_td]:align-top [&_th]:border [&_th]:border-gray-400 [&_th]:bg-gray-100 [&_th]:px-2 [&_th]:py-1 " +
  "[&_td_p]:my-0 [&_th_p]:my-0 [&_.selectedCell]:bg-blue-100";
const messages = editorMessages;

type ToolbarButton = {
  key: string;
  label: string;
  shortcut?: string;
  pressed?: boolean;
  expanded?: boolean;
  controls?: string;
  className?: string;
  run: () => void;
};

export function RichTextEditor({ name, label, defaultValue, required, errors: errorsProp, id: idProp }: RichTextEditorProps) {
  const generatedId = `${useId().replaceAll(":", "")}-${name}`;
  const id = idProp ?? generatedId;
  const labelId = `${id}-label`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const sourceId = `${id}-source`;
  const linkPanelId = `${id}-link`;
  const linkInputId = `${id}-link-input`;

  const formState = useFormState();
  const errors = errorsProp ?? formState.fields?.[name];
  const invalid = Boolean(errors?.length);

  const [html, setHtml] = useState(defaultValue ?? "");
  const [sourceOpen, setSourceOpen] = useState(false);
  const [sourceDraft, setSourceDraft] = useState("");
  const [linkOpen, setLinkOpen] = useState(false);
  const [linkDraft, setLinkDraft] = useState("");
  const [linkError, setLinkError] = useState<string | null>(null);
  const [rovingIndex, setRovingIndex] = useState(0);

  const wrapperRef = useRef<HTMLDivElement>(null);
  const toolbarRef = useRef<HTMLDivElement>(null);
  const linkInputRef = useRef<HTMLInputElement>(null);
  const sourceOpenRef = useRef(false);
  const escapePressedRef = useRef(false);
  const successPendingRef = useRef(false);
  const defaultValueRef = useRef(defaultValue);

  useEffect(() => {
    defaultValueRef.current = defaultValue;
    sourceOpenRef.current = sourceOpen;
  }, [defaultValue, sourceOpen]);

  // useEditor compares its options on every render and applies the ones whose identity changed,
  // so the extensions are made once and the attributes only when they really change.
  const [extensions] = useState(createExtensions);
  // The editable element is ProseMirror's, not React's: its ARIA attributes are set through here.
  const editorProps = useMemo(() => {
    const attributes: Record<string, string> = {
      id,
      role: "textbox",
      "aria-multiline": "true",
      "aria-labelledby": labelId,
      "aria-describedby": [hintId, invalid ? errorId : null].filter(Boolean).join(" "),
      class: contentClass,
    };
    if (invalid) attributes["aria-invalid"] = "true";
    if (required) attributes["aria-required"] = "true";
    return { attributes };
  }, [id, labelId, hintId, errorId, invalid, required]);

  const editor = useEditor({
    extensions,
    content: defaultValue ?? "",
    // Rendered on the server too: the editor mounts in the browser only, avoiding a hydration mismatch.
    immediatelyRender: false,
    shouldRerenderOnTransaction: false,
    // The base styles come from ./prosemirror.css: an injected <style> has no CSP nonce.
    injectCSS: false,
    editorProps,
    onCreate: ({ editor: created }) => setHtml(serialize(created)),
    onUpdate: ({ editor: updated }) => {
      const value = serialize(updated);
      setHtml(value);
      if (sourceOpenRef.current) setSourceDraft(formatSource(value));
    },
  });

  // React resets a form after every action, which must not throw away a long body after a
  // validation error. The editor empties (back to defaultValue) only on the reset that
  // ActionForm's resetOnSuccess performs after a success; its effect runs after this one.
  useEffect(() => {
    if (formState.status !== "success") return;
    successPendingRef.current = true;
    const timer = window.setTimeout(() => {
      successPendingRef.current = false;
    }, 0);
    return () => window.clearTimeout(timer);
  }, [formState]);

  useEffect(() => {
    const form = wrapperRef.current?.closest("form");
    if (!form || !editor) return;
    const onReset = () => {
      if (!successPendingRef.current) return;
      successPendingRef.current = false;
      editor.commands.setContent(defaultValueRef.current ?? "", { emitUpdate: true });
    };
    form.addEventListener("reset", onReset);
    return () => form.removeEventListener("reset", onReset);
  }, [editor]);

  const state = useEditorState({
    editor,
    selector: ({ editor: current }) =>
      current
        ? {
            paragraph: current.isActive("paragraph") && !current.isActive("bulletList") && !current.isActive("orderedList") && !current.isActive("table"),
            heading2: current.isActive("heading", { level: 2 }),
            heading3: current.isActive("heading", { level: 3 }),
            bold: current.isActive("bold"),
            italic: current.isActive("italic"),
            orderedList: current.isActive("orderedList"),
            bulletList: current.isActive("bulletList"),
            link: current.isActive("link"),
            table: current.isActive("table"),
          }
        : null,
  });

  const openLinkPanel = useCallback(() => {
    if (!editor) return;
    setLinkDraft((editor.getAttributes("link").href as string | undefined) ?? "");
    setLinkError(null);
    setLinkOpen(true);
  }, [editor]);

  useEffect(() => {
    if (linkOpen) linkInputRef.current?.focus();
  }, [linkOpen]);

  const closeLinkPanel = useCallback(() => {
    setLinkOpen(false);
    setLinkError(null);
    editor?.commands.focus();
  }, [editor]);

  const applyLink = useCallback(() => {
    if (!editor) return;
    const href = normalizeLinkInput(linkDraft);
    if (href === null) {
      setLinkError(messages.linkRequired);
      linkInputRef.current?.focus();
      return;
    }
    if (!isSafeLinkHref(href)) {
      setLinkError(messages.linkInvalid);
      linkInputRef.current?.focus();
      return;
    }
    const chain = editor.chain().focus();
    if (editor.state.selection.empty && !editor.isActive("link")) {
      chain.insertContent({ type: "text", text: href, marks: [{ type: "link", attrs: { href } }] }).run();
    } else {
      chain.extendMarkRange("link").setLink({ href }).run();
    }
    setLinkOpen(false);
    setLinkError(null);
  }, [editor, linkDraft]);

  const removeLink = useCallback(() => {
    editor?.chain().focus().extendMarkRange("link").unsetLink().run();
    setLinkOpen(false);
    setLinkError(null);
  }, [editor]);

  const toggleSource = useCallback(() => {
    if (!editor) return;
    setSourceDraft(formatSource(serialize(editor)));
    setSourceOpen((open) => !open);
  }, [editor]);

  const onSourceChange = (value: string) => {
    setSourceDraft(value);
    if (!editor) return;
    editor.commands.setContent(value, { emitUpdate: false });
    setHtml(serialize(editor));
  };

  const focusToolbar = useCallback(() => {
    const buttons = toolbarRef.current?.querySelectorAll<HTMLButtonElement>("button");
    if (!buttons?.length) return;
    buttons[Math.min(rovingIndex, buttons.length - 1)].focus();
  }, [rovingIndex]);

  const buttons: ToolbarButton[] = useMemo(() => {
    if (!editor) return [];
    const chain = () => editor.chain().focus();
    const list: ToolbarButton[] = [
      { key: "paragraph", label: messages.paragraph, shortcut: "Ctrl+Alt+0", pressed: state?.paragraph, run: () => chain().setParagraph().run() },
      { key: "heading2", label: messages.heading2, shortcut: "Ctrl+Alt+2", pressed: state?.heading2, run: () => chain().toggleHeading({ level: 2 }).run() },
      { key: "heading3", label: messages.heading3, shortcut: "Ctrl+Alt+3", pressed: state?.heading3, run: () => chain().toggleHeading({ level: 3 }).run() },
      { key: "bold", label: messages.bold, shortcut: "Ctrl+B", pressed: state?.bold, className: "font-bold", run: () => chain().toggleBold().run() },
      { key: "italic", label: messages.italic, shortcut: "Ctrl+I", pressed: state?.italic, className: "italic", run: () => chain().toggleItalic().run() },
      { key: "orderedList", label: messages.orderedList, shortcut: "Ctrl+Shift+7", pressed: state?.orderedList, run: () => chain().toggleOrderedList().run() },
      { key: "bulletList", label: messages.bulletList, shortcut: "Ctrl+Shift+8", pressed: state?.bulletList, run: () => chain().toggleBulletList().run() },
      {
        key: "link",
        label: messages.link,
        shortcut: "Ctrl+K",
        expanded: linkOpen,
        controls: linkPanelId,
        run: () => (linkOpen ? closeLinkPanel() : openLinkPanel()),
      },
      { key: "clear", label: messages.clearFormatting, run: () => chain().unsetAllMarks().clearNodes().run() },
      { key: "table", label: messages.insertTable, run: () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run() },
    ];
    if (state?.table) {
      list.push(
        { key: "addRowAfter", label: messages.addRowAfter, run: () => chain().addRowAfter().run() },
        { key: "addColumnAfter", label: messages.addColumnAfter, run: () => chain().addColumnAfter().run() },
        { key: "deleteRow", label: messages.deleteRow, run: () => chain().deleteRow().run() },
        { key: "deleteColumn", label: messages.deleteColumn, run: () => chain().deleteColumn().run() },
        { key: "deleteTable", label: messages.deleteTable, run: () => chain().deleteTable().run() },
      );
    }
    list.push({ key: "source", label: messages.source, pressed: sourceOpen, controls: sourceId, run: toggleSource });
    return list;
  }, [editor, state, linkOpen, sourceOpen, linkPanelId, sourceId, openLinkPanel, closeLinkPanel, toggleSource]);

  const activeIndex = Math.min(rovingIndex, Math.max(buttons.length - 1, 0));

  const onToolbarKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    const count = buttons.length;
    if (!count) return;
    let next: number | null = null;
    if (event.key === "ArrowRight" || event.key === "ArrowDown") next = (activeIndex + 1) % count;
    else if (event.key === "ArrowLeft" || event.key === "ArrowUp") next = (activeIndex - 1 + count) % count;
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = count - 1;
    else if (event.key === "Escape") {
      event.preventDefault();
      editor?.commands.focus();
      return;
    }
    if (next === null) return;
    event.preventDefault();
    setRovingIndex(next);
    toolbarRef.current?.querySelectorAll<HTMLButtonElement>("button")[next]?.focus();
  };

  // Runs before ProseMirror's own key handling, which sits on the editable element below.
  const onEditorKeyDownCapture = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    if (event.key === "Escape") {
      escapePressedRef.current = true;
      return;
    }
    if (event.key === "Tab" && escapePressedRef.current) {
      // Not handled by the editor, so the browser moves focus out as usual.
      escapePressedRef.current = false;
      event.stopPropagation();
      return;
    }
    escapePressedRef.current = false;
    if (event.key === "F10" && event.altKey) {
      event.preventDefault();
      event.stopPropagation();
      focusToolbar();
    } else if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === "k") {
      event.preventDefault();
      event.stopPropagation();
      openLinkPanel();
    }
  };

  const onLinkKeyDown = (event: ReactKeyboardEvent<HTMLInputElement>) => {
    // Enter would submit the surrounding form.
    if (event.key === "Enter") {
      event.preventDefault();
      applyLink();
    } else if (event.key === "Escape") {
      event.preventDefault();
      closeLinkPanel();
    }
  };

  return (
    <div className="mb-4" ref={wrapperRef} data-testid={`editor-${name}`}>
      <label id={labelId} className="block text-sm font-medium text-gray-900" onClick={() => editor?.commands.focus()}>
        {label}
        {required ? (
          <span className="ml-1 text-red-700" aria-hidden="true">
            *
          </span>
        ) : null}
      </label>
      <input type="hidden" name={name} value={html} />
      <div className={frameClass} data-invalid={invalid ? "true" : undefined}>
        <div
          ref={toolbarRef}
          role="toolbar"
          aria-label={messages.toolbar(label)}
          aria-controls={editor ? id : undefined}
          onKeyDown={onToolbarKeyDown}
          className="flex flex-wrap items-center gap-1 border-b border-gray-300 bg-gray-50 px-2 py-1"
        >
          {buttons.map((button, index) => (
            <ToolbarItem
              key={button.key}
              button={button}
              tabIndex={index === activeIndex ? 0 : -1}
              separatorBefore={
                button.key === "bold" || button.key === "orderedList" || button.key === "link" || button.key === "table" || button.key === "source"
              }
              onFocus={() => setRovingIndex(index)}
            />
          ))}
        </div>

        {linkOpen ? (
          <div id={linkPanelId} role="group" aria-label={messages.linkPanel} className="border-b border-gray-300 bg-gray-50 px-3 py-2">
            <label htmlFor={linkInputId} className="block text-sm font-medium text-gray-900">
              {messages.linkAddress}
            </label>
            <div className="flex flex-wrap items-center gap-2">
              <input
                ref={linkInputRef}
                id={linkInputId}
                type="text"
                inputMode="url"
                autoComplete="off"
                value={linkDraft}
                onChange={(event) => setLinkDraft(event.target.value)}
                onKeyDown={onLinkKeyDown}
                aria-invalid={linkError ? true : undefined}
                aria-describedby={`${linkInputId}-hint${linkError ? ` ${linkInputId}-error` : ""}`}
                className={`${inputClass} max-w-md flex-1`}
              />
              <button type="button" onClick={applyLink} className={panelButtonClass}>
                {messages.linkApply}
              </button>
              {state?.link ? (
                <button type="button" onClick={removeLink} className={panelButtonClass}>
                  {messages.linkRemove}
                </button>
              ) : null}
              <button type="button" onClick={closeLinkPanel} className={panelButtonClass}>
                {messages.linkCancel}
              </button>
            </div>
            <p id={`${linkInputId}-hint`} className="mt-1 text-sm text-gray-700">
              {messages.linkHint}
            </p>
            {linkError ? (
              <p id={`${linkInputId}-error`} className="mt-1 text-sm text-red-700">
                {linkError}
              </p>
            ) : null}
          </div>
        ) : null}

        <div onKeyDownCapture={onEditorKeyDownCapture}>
          {/* Holds the space until the editor mounts in the browser, so the page does not jump. */}
          {editor ? <EditorContent editor={editor} /> : <div className="min-h-64" aria-hidden="true" />}
        </div>
      </div>
      <p id={hintId} className="mt-1 text-sm text-gray-700">
        {messages.keyboardHint}
      </p>

      {sourceOpen ? (
        <div className="mt-2">
          <label htmlFor={sourceId} className="block text-sm font-medium text-gray-900">
            {messages.sourceLabel(label)}
          </label>
          <textarea
            id={sourceId}
            value={sourceDraft}
            onChange={(event) => onSourceChange(event.target.value)}
            onBlur={() => editor && setSourceDraft(formatSource(serialize(editor)))}
            spellCheck={false}
            rows={12}
            aria-describedby={`${sourceId}-hint`}
            className={`${inputClass} font-mono text-sm`}
          />
          <p id={`${sourceId}-hint`} className="mt-1 text-sm text-gray-700">
            {messages.sourceHint}
          </p>
        </div>
      ) : null}

      {invalid ? (
        <p id={errorId} className="mt-1 text-sm text-red-700" data-testid={`error-${name}`}>
          {errors!.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

function ToolbarItem({
  button,
  tabIndex,
  separatorBefore,
  onFocus,
}: {
  button: ToolbarButton;
  tabIndex: number;
  separatorBefore: boolean;
  onFocus: () => void;
}): ReactNode {
  return (
    <>
      {separatorBefore ? <span aria-hidden="true" className="mx-1 h-5 w-px bg-gray-300" /> : null}
      <button
        type="button"
        tabIndex={tabIndex}
        aria-label={button.label}
        title={button.shortcut ? `${button.label}${messages.shortcut(button.shortcut)}` : button.label}
        aria-keyshortcuts={button.shortcut?.replace("Ctrl", "Control")}
        aria-pressed={button.pressed === undefined ? undefined : button.pressed}
        aria-expanded={button.expanded}
        aria-controls={button.expanded || button.pressed ? button.controls : undefined}
        // Keeps the editor's selection while clicking; keyboard activation is unaffected.
        onMouseDown={(event) => event.preventDefault()}
        onClick={button.run}
        onFocus={onFocus}
        className={`${buttonClass} ${button.className ?? ""}`}
      >
        {button.label}
      </button>
    </>
  );
}
