import { z } from "zod";
import { ValidationError, type FieldErrors } from "@/lib/errors";
import { messages } from "@/lib/i18n";

// Messages a schema does not set itself (e.g. a number out of range) come in Chinese too.
z.config(z.locales.zhCN());

/** Parses input with a zod schema; on failure throws a ValidationError listing each field's problems. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.infer<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError(fieldErrorsOf(result.error));
}

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

/** Reads a form's fields into a plain object (repeated names become arrays). */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = formData.getAll(key);
    object[key] = values.length > 1 ? values : values[0];
  }
  return object;
}

// Field-name segments that would reach an object's prototype instead of its own properties.
const UNSAFE_SEGMENTS = new Set(["__proto__", "prototype", "constructor"]);
const MAX_NESTED_DEPTH = 4;

/**
 * Reads dotted field names (`table2.licensing`, `table4.3`) into nested objects and arrays. Names
 * are untrusted: a segment such as `__proto__` or a name nested deeper than the forms go is refused
 * as invalid input, so nothing can write to a prototype of the server process.
 */
export function formDataToNestedObject(formData: FormData): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    const parts = key.split(".");
    if (parts.length > MAX_NESTED_DEPTH || parts.some((part) => part === "" || UNSAFE_SEGMENTS.has(part))) {
      throw new ValidationError({ _: [messages.errors.unknownField(key.slice(0, 80))] });
    }
    let node = root as Record<string, unknown>;
    parts.forEach((part, index) => {
      if (index === parts.length - 1) {
        node[part] = value;
        return;
      }
      const existing = Object.hasOwn(node, part) ? node[part] : undefined;
      if (existing !== undefined && (typeof existing !== "object" || existing === null)) {
        throw new ValidationError({ _: [messages.errors.unknownField(key.slice(0, 80))] });
      }
      node = (existing ?? (node[part] = /^\d+$/.test(parts[index + 1]) ? [] : {})) as Record<string, unknown>;
    });
  }
  return root;
}
