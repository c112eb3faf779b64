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

/**
 * A server action's form argument as a FormData. The browser sends an action's arguments as they
 * are: anything else than a form (null, a string, an object) carries no fields, and the action's
 * schema then says what is missing.
 */
export function asFormData(value: unknown): FormData {
  return value instanceof FormData ? value : new FormData();
}

/** Reads a form's fields into a plain object (repeated names become arrays). */
export function formDataToObject(value: FormData): Record<string, unknown> {
  const formData = asFormData(value);
  const object: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    // `__proto__` would set the object's prototype (to an uploaded File, say) instead of a field.
    if (key.startsWith("$ACTION") || key === "__proto__") continue;
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
export function formDataToNestedObject(value: FormData): Record<string, unknown> {
  const formData = asFormData(value);
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
