/** The 适老化/无障碍 toolbar of the public site (components/layout/accessibility-toolbar.tsx). */
export const accessibilityMessages = {
  open: "无障碍浏览",
  close: "关闭无障碍工具",
  toolbar: "无障碍工具",
  fontSize: "字号",
  fontSizes: { standard: "标准", large: "大", larger: "特大" },
  highContrast: "高对比度",
  largeCursor: "大鼠标",
  lineSpacing: "加大行距",
  readingGuide: "阅读辅助线",
  readAloud: "朗读",
  stopReading: "停止朗读",
  readAloudHint: "朗读选中的文字；未选中时朗读正文。",
  reset: "恢复默认",
  remembered: "设置保存在本浏览器中，下次访问时仍然有效。",
} as const;
