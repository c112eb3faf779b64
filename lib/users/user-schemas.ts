import { z } from "zod";
import { passwordSchema } from "@/lib/auth/password";
import { roles } from "@/lib/auth/roles";
import { messages } from "@/lib/i18n";
import { USERNAME_MAX_LENGTH, USERNAME_MIN_LENGTH, USERNAME_PATTERN } from "@/lib/users/username";

/** Normalised as lib/users/username.ts does (NFKC, trimmed, lower case) before it is checked. */
export const usernameSchema = z
  .string({ error: messages.administration.users.usernameRequired })
  .normalize("NFKC")
  .trim()
  .toLowerCase()
  .min(USERNAME_MIN_LENGTH, { error: messages.administration.users.usernameTooShort(USERNAME_MIN_LENGTH) })
  .max(USERNAME_MAX_LENGTH, { error: messages.administration.users.usernameTooLong(USERNAME_MAX_LENGTH) })
  .regex(USERNAME_PATTERN, { error: messages.administration.users.usernameCharacters });

const roleSchema = z.enum(roles, { error: messages.administration.users.chooseRole });
const sectionIdSchema = z.coerce
  .number({ error: messages.administration.users.chooseSection })
  .int()
  .positive({ error: messages.administration.users.chooseSection });
const displayNameSchema = z
  .string({ error: messages.administration.users.displayNameRequired })
  .trim()
  .min(1, { error: messages.administration.users.displayNameRequired })
  .max(40, { error: messages.administration.users.displayNameTooLong });

export const createUserSchema = z.object({
  username: usernameSchema,
  displayName: displayNameSchema,
  role: roleSchema,
  sectionId: sectionIdSchema,
  password: passwordSchema,
});

export const updateUserSchema = z.object({
  displayName: displayNameSchema.optional(),
  role: roleSchema.optional(),
  sectionId: sectionIdSchema.optional(),
});

export const resetPasswordSchema = z.object({ password: passwordSchema });

export const changeOwnPasswordSchema = z
  .object({
    currentPassword: z
      .string({ error: messages.administration.users.currentPasswordRequired })
      .min(1, { error: messages.administration.users.currentPasswordRequired }),
    newPassword: passwordSchema,
    confirmPassword: z.string({ error: messages.administration.users.confirmPasswordRequired }),
  })
  .refine((value) => value.newPassword === value.confirmPassword, {
    path: ["confirmPassword"],
    error: messages.administration.users.passwordsDiffer,
  });
