import { zhCN } from "@/lib/i18n/zh-CN";

/** The interface language. zh-CN is the only one today; a second one adds a file of the same shape. */
export const messages = zhCN;
export const locale = "zh-CN";
