/** Interface strings of the applications domain (merged into lib/i18n/zh-CN.ts as `messages.applications`). */
export const applicationsMessages = {} as const;
