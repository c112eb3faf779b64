import "server-only";
import { publishedContentSource } from "@/lib/search/sources/published-content";

/** 公共服务事项 and their 服务指南, as the approved guide reads: conditions, materials, steps, fees, places… */
export const serviceSearchSource = publishedContentSource({ type: "service", table: "Service", urlPrefix: "/services" });
