/** Interface strings of the web edge: request limits and refused uploads (merged into lib/i18n/zh-CN.ts as `messages.security`). */
function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

function theFile(fileName: string | undefined): string {
  return fileName ? `文件「${fileName}」` : "文件";
}

export const securityMessages = {
  bodyTooLarge: (limitBytes: number) => `提交的内容超过 ${megabytes(limitBytes)} 的上限，未被接收。`,
  bodyTooLargeAnonymous: (limitBytes: number) => `提交的内容超过 ${megabytes(limitBytes)} 的上限，未被接收。上传附件请先登录工作台。`,
  lengthRequired: "请求必须带 Content-Length（不接受分块传输的请求体）。",
  crossSiteForm: "来自其他网站的表单提交已被拒绝。请在本网站的页面上提交。",
  zip: {
    tooManyEntries: (fileName: string | undefined, maximum: number) => `${theFile(fileName)}内含超过 ${maximum} 个部件，未被接收。`,
    tooLarge: (fileName: string | undefined, limitBytes: number) => `${theFile(fileName)}解压后超过 ${megabytes(limitBytes)}，未被接收。请拆分后再上传。`,
    unreadable: (fileName: string | undefined) => `${theFile(fileName)}无法读取：压缩包已损坏。`,
  },
};
