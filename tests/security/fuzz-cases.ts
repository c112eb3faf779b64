/**
 * The hostile inputs of the fuzz run, as data. A case starts from a request that works (a matrix
 * row's call for a person who may make it) and breaks one thing: one field's type or size, the
 * whole body, its encoding or media type, a path parameter, a query parameter, a server action's
 * argument. Pure: the same template always gives the same cases.
 */
import type { ActionCall, RouteCall } from "./matrix-types";

/** 20 KB of text a form would never send: control characters, bidi overrides, a lone surrogate, NULs. (Size alone: twoMegabytes.) */
export const hostileText = `\u0000\u0007\u001b[31m\u202e\ud800${"界\u0000".repeat(10_000)}`;
export const twoMegabytes = "长".repeat(700_000);

/** Replacements for one field of a JSON body: each a wrong type or size. */
export const fieldReplacements: { label: string; value: () => unknown }[] = [
  {
    label: "an object with __proto__ and constructor keys",
    value: () => JSON.parse('{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}'),
  },
  { label: "nested arrays", value: () => [[["x"], 1], { a: [null] }] },
  { label: "a huge number", value: () => 1e308 },
  { label: "20 KB of control characters and a lone surrogate", value: () => hostileText },
];

/** Bodies that replace a JSON body altogether: raw bytes and the media type they are sent with. */
export const bodyReplacements: { label: string; body: () => Uint8Array | string; contentType: string }[] = [
  { label: "malformed JSON", body: () => '{"title": "x", ', contentType: "application/json" },
  { label: "empty body", body: () => "", contentType: "application/json" },
  { label: "JSON null", body: () => "null", contentType: "application/json" },
  { label: "a JSON array", body: () => '[1, "a", {"b": null}]', contentType: "application/json" },
  { label: "a JSON number beyond double", body: () => "1e999", contentType: "application/json" },
  { label: "10,000 nested arrays", body: () => "[".repeat(10_000) + "]".repeat(10_000), contentType: "application/json" },
  {
    label: "__proto__ and constructor.prototype keys",
    body: () => '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}',
    contentType: "application/json",
  },
  {
    label: "invalid UTF-8",
    body: () => new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80, 0x22, 0x7d]),
    contentType: "application/json",
  },
  { label: "a form body instead of JSON", body: () => "title=x&__proto__[polluted]=yes", contentType: "application/x-www-form-urlencoded" },
  { label: "text/plain", body: () => '{"a":1}', contentType: "text/plain" },
];

/**
 * Values for a path parameter such as [id]: traversal, NUL, a number just beyond PostgreSQL's
 * integer, one beyond JavaScript's safe integers, not a decimal number, a malformed escape.
 */
export const paramReplacements = ["../1", "1\u0000", "2147483648", "9999999999999999999", "0x10", "%E0%A4%A"];

/** Values for a query parameter: negative, beyond PostgreSQL's integer, 4,000 characters of control characters with NULs. */
export const queryReplacements = ["-1", "2147483648", hostileText.slice(0, 4000)];
/** Query parameters of the list routes, tried on every GET route that hands its whole query to the data layer. */
export const commonQueryNames = ["page", "pageSize", "year", "q", "kind", "status", "format", "from", "to", "category"];

/** Replacements for a server action's bound argument (an id, a kind, a year: the browser sends it). */
export const argumentReplacements: { label: string; value: () => unknown }[] = [
  { label: "a string", value: () => "1 OR 1=1" },
  { label: "a negative number", value: () => -1 },
  { label: "a number beyond any column", value: () => 9_999_999_999_999_999_999 },
  { label: "an object with a __proto__ key", value: () => JSON.parse('{"__proto__":{"polluted":"yes"},"id":1}') },
  { label: "null", value: () => null },
];

export type RouteCase = { label: string; call: RouteCall; rawBody?: { body: Uint8Array | string; contentType: string } };
export type ActionCase = { label: string; call: ActionCall };

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof FormData);

/**
 * The cases of one route: its template (a call that works) with one thing broken at a time.
 * `queryNames`: the query parameters the route reads (GET).
 */
export function routeCases(method: string, template: RouteCall, queryNames: string[] = []): RouteCase[] {
  const cases: RouteCase[] = [];
  for (const [name, value] of Object.entries(template.params ?? {})) {
    for (const replacement of paramReplacements)
      cases.push({
        label: `path [${name}] = ${JSON.stringify(replacement)} (was ${value})`,
        call: { ...template, params: { ...template.params, [name]: replacement } },
      });
  }
  if (method === "GET") {
    const names = [...new Set([...Object.keys(template.query ?? {}), ...queryNames])];
    for (const name of names) {
      for (const replacement of queryReplacements)
        cases.push({
          label: `query ${name} = ${JSON.stringify(replacement.slice(0, 20))}`,
          call: { ...template, query: { ...template.query, [name]: replacement } },
        });
    }
    return cases;
  }
  if (template.multipart) {
    cases.push({ label: "multipart without a file", call: { ...template, multipart: formWith({ file: "not a file" }) } });
    cases.push({ label: "multipart with an empty file", call: { ...template, multipart: formWith({ file: new File([], "empty.xlsx") }) } });
    cases.push({
      label: "a 2 MB file of zeros named .xlsx",
      call: { ...template, multipart: formWith({ file: new File([new Uint8Array(2_000_000)], "zeros.xlsx") }) },
    });
    cases.push({
      label: "a file whose name is a path with NUL",
      call: { ...template, multipart: formWith({ file: new File(["a,b\n1,2"], "../../etc/passwd\u0000.csv") }) },
    });
  } else {
    const json = template.json;
    if (isPlainObject(json)) {
      for (const field of Object.keys(json)) {
        for (const replacement of fieldReplacements)
          cases.push({ label: `field ${field} = ${replacement.label}`, call: { ...template, json: { ...json, [field]: replacement.value() } } });
      }
      const firstText = Object.keys(json).find((field) => typeof json[field] === "string");
      if (firstText) cases.push({ label: `field ${firstText} = 2 MB of text`, call: { ...template, json: { ...json, [firstText]: twoMegabytes } } });
      cases.push({
        label: "the body with __proto__ and constructor keys added",
        call: { ...template, json: { ...JSON.parse('{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}'), ...json } },
      });
    }
  }
  for (const replacement of bodyReplacements)
    cases.push({
      label: `body: ${replacement.label}`,
      call: { ...template, json: undefined, multipart: undefined },
      rawBody: { body: replacement.body(), contentType: replacement.contentType },
    });
  return cases;
}

function formWith(fields: Record<string, string | File>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

/** The cases of one server action: its template's arguments broken one at a time. */
export function actionCases(template: ActionCall): ActionCase[] {
  const cases: ActionCase[] = [];
  const args = template.args;
  const formIndex = args.findIndex((arg) => arg instanceof FormData);
  const stateIndex = formIndex > 0 ? formIndex - 1 : args.findIndex((arg) => isPlainObject(arg) && "status" in arg);
  const boundCount = stateIndex >= 0 ? stateIndex : formIndex >= 0 ? formIndex : args.length;
  for (let index = 0; index < boundCount; index++) {
    for (const replacement of argumentReplacements) {
      const changed = [...args];
      changed[index] = replacement.value();
      cases.push({ label: `argument ${index + 1} = ${replacement.label}`, call: { ...template, args: changed } });
    }
  }
  if (formIndex >= 0) {
    const original = args[formIndex] as FormData;
    const withForm = (form: unknown) => {
      const changed = [...args];
      changed[formIndex] = form;
      return changed;
    };
    cases.push({ label: "the form is null", call: { ...template, args: withForm(null) } });
    cases.push({ label: "the form is a plain object", call: { ...template, args: withForm(JSON.parse('{"get":"x","__proto__":{"polluted":"yes"}}')) } });
    cases.push({ label: "an empty form", call: { ...template, args: withForm(new FormData()) } });
    const keys = [...new Set(original.keys())];
    for (const key of keys) {
      const replace = (value: string | File) => {
        const form = new FormData();
        for (const [name, entry] of original.entries()) if (name !== key) form.append(name, entry);
        form.append(key, value);
        return form;
      };
      cases.push({ label: `field ${key} = a file`, call: { ...template, args: withForm(replace(new File([hostileText.slice(0, 100)], "x.txt"))) } });
      cases.push({ label: `field ${key} = 20 KB of control characters and a lone surrogate`, call: { ...template, args: withForm(replace(hostileText)) } });
    }
    const polluting = new FormData();
    for (const [name, entry] of original.entries()) polluting.append(name, entry);
    for (const key of ["__proto__", "__proto__.polluted", "constructor.prototype.polluted", "prototype", "a.b.c.d.e.f"]) polluting.append(key, "yes");
    polluting.append("__proto__", new File(["x"], "prototype.txt"));
    cases.push({ label: "field names that reach prototypes", call: { ...template, args: withForm(polluting) } });
  }
  return cases;
}
