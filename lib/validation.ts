import { z } from "zod";
import { ValidationError, type FieldErrors } from "@/lib/errors";

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

/** Reads dotted field names (`table2.licensing`, `table4.3`) into nested objects and arrays. */
export function formDataToNestedObject(formData: FormData): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    const parts = key.split(".");
    let node = root as Record<string, unknown>;
    parts.forEach((part, index) => {
      if (index === parts.length - 1) node[part] = value;
      else node = (node[part] ??= /^\d+$/.test(parts[index + 1]) ? [] : {}) as Record<string, unknown>;
    });
  }
  return root;
}
