import { z } from "zod";
import { passwordSchema } from "@/lib/auth/password";
import { roles } from "@/lib/auth/roles";
import { USERNAME_MAX_LENGTH, USERNAME_MIN_LENGTH, USERNAME_PATTERN } from "@/lib/users/username";

/** Normalised as lib/users/username.ts does (NFKC, trimmed, lower case) before it is checked. */
export const usernameSchema = z
  .string({ error: "请填写用户名。" })
  .normalize("NFKC")
  .trim()
  .toLowerCase()
  .min(USERNAME_MIN_LENGTH, { error: `用户名至少 ${USERNAME_MIN_LENGTH} 个字符。` })
  .max(USERNAME_MAX_LENGTH, { error: `用户名最多 ${USERNAME_MAX_LENGTH} 个字符。` })
  .regex(USERNAME_PATTERN, { error: "用户名只能包含字母、数字、下划线、点和连字符。" });

const roleSchema = z.enum(roles, { error: "请选择有效的角色。" });
const sectionIdSchema = z.coerce.number({ error: "请选择科室。" }).int().positive({ error: "请选择科室。" });
const displayNameSchema = z
  .string({ error: "请填写姓名。" })
  .trim()
  .min(1, { error: "请填写姓名。" })
  .max(40, { error: "姓名最多 40 个字符。" });

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
    currentPassword: z.string({ error: "请输入当前密码。" }).min(1, { error: "请输入当前密码。" }),
    newPassword: passwordSchema,
    confirmPassword: z.string({ error: "请再次输入新密码。" }),
  })
  .refine((value) => value.newPassword === value.confirmPassword, {
    path: ["confirmPassword"],
    error: "两次输入的新密码不一致。",
  });
