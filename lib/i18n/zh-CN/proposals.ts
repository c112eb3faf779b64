/** Interface strings of the proposals domain (merged into lib/i18n/zh-CN.ts as `messages.proposals`). */
export const proposalsMessages = {} as const;
