/** Interface strings of the reports domain (merged into lib/i18n/zh-CN.ts as `messages.reports`). */
export const reportsMessages = {} as const;
