/**
 * The national formats of a government website's identifiers: 网站标识码 (全国政府网站基本数据库),
 * ICP备案号 (工业和信息化部) and 公安机关备案号 (全国互联网安全管理服务平台). Data, not interface text.
 */

// 省、自治区、直辖市的简称, the first character of an ICP or 公安 record number.
const provinces = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";

/** 10 digits (the area's division code and a serial), or bm + 8 digits for a ministry's site. */
export const siteIdCodeFormat = /^(?:\d{10}|bm\d{8})$/;
/** 黑ICP备05002436号, optionally with the site's number: 黑ICP备05002436号-1. */
export const icpNumberFormat = new RegExp(`^[${provinces}]ICP备\\d{8}号(?:-\\d{1,3})?$`);
/** 黑公网安备23108102000107号: the province, 公网安备, 14 digits, 号. */
export const publicSecurityNumberFormat = new RegExp(`^[${provinces}]公网安备\\s?\\d{14}号$`);
