import type { Role } from "@/lib/auth/roles";

/**
 * The demo installation's accounts and their password, which is published (README, login page).
 * Seeded only into the embedded quick start or on request (`npm run db:seed -- --demo`); see
 * lib/runtime/demo-mode.ts for when a start accepts them.
 */
export const DEMO_PASSWORD = "gongkai-demo";

/** The demo organisation's section of its leaders, which issues no information of its own. */
export const LEADERS_SECTION_NAME = "局领导";

export const demoAccounts: readonly { username: string; displayName: string; role: Role; section: string }[] = [
  { username: "admin", displayName: "系统管理员", role: "admin", section: "综合科" },
  { username: "staff", displayName: "刘思源", role: "staff", section: "综合科" },
  { username: "head", displayName: "赵建国", role: "section_head", section: "综合科" },
  { username: "leader", displayName: "季晓明", role: "leader", section: LEADERS_SECTION_NAME },
];

/**
 * The platform's accounts (集约化), held in the government office's 政务公开办 (prisma/seed/agency.ts:
 * demoPlatformAgencies): the platform administrator and the supervisor reading every agency.
 */
export const PLATFORM_SECTION_NAME = "政务公开办";
export const platformDemoAccounts: readonly { username: string; displayName: string; role: Role; section: string }[] = [
  { username: "platform", displayName: "平台管理员", role: "platform_admin", section: PLATFORM_SECTION_NAME },
  { username: "supervisor", displayName: "韩雪梅", role: "supervisor", section: PLATFORM_SECTION_NAME },
];

/** The second demo department's accounts (绥芬河市教育局（演示）, prisma/seed/agency.ts: demoDepartments). */
export const departmentDemoAccounts: readonly { username: string; displayName: string; role: "staff" | "section_head" | "leader"; section: string }[] = [
  { username: "staff2", displayName: "演示科员二", role: "staff", section: "办公室" },
  { username: "head2", displayName: "演示科长二", role: "section_head", section: "办公室" },
  { username: "leader2", displayName: "演示局领导二", role: "leader", section: "局领导" },
];

/** Every demo account the login page lists. */
export const listedDemoAccounts = [...demoAccounts, ...platformDemoAccounts, ...departmentDemoAccounts];
