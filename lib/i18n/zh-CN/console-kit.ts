/** Interface strings of the console kit (components/console, components/forms), merged as `messages.kit`. */
export const consoleKitMessages = {
  breadcrumbs: "当前位置",
  consoleNav: "工作台导航",
  pagination: "分页",
  choose: "请选择",
  actions: "操作",
  cancel: "取消",
  system: "系统",
  sortedAscending: "升序",
  sortedDescending: "降序",
  /** The question a two-step removal asks before it is done. */
  confirmQuestion: (action: string, subject: string) => `确定要${action}“${subject}”吗？`,
  confirm: (action: string) => `确认${action}`,
  atLeastEightCharacters: "至少 8 个字符",
  today: (date: string) => `今天：${date}`,
  /** A label and its value on one line ("机关：某某局"). */
  labelled: (label: string, value: string) => `${label}：${value}`,
  /** Several hints of one field as one line. */
  hints: (parts: string[]) => parts.join("；"),
} as const;
