/** Interface strings of the registers domain (merged into lib/i18n/zh-CN.ts as `messages.registers`). */
export const registersMessages = {} as const;
