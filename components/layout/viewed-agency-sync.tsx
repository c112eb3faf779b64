"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect } from "react";
import { viewedAgencyCode } from "@/lib/agency/agency-address";

/**
 * Keeps the header on the agency the address names. The layout that draws the header is kept as it
 * was when the browser moves to another page of the site without a full load, so after a move
 * between two agencies' addresses (or to the platform's) it would name the previous one: the page
 * is then refreshed from the server once, which draws the header for the new address.
 */
export function ViewedAgencySync({ renderedFor }: { renderedFor: string | null }) {
  const pathname = usePathname();
  const search = useSearchParams();
  const router = useRouter();
  const addressed = viewedAgencyCode(pathname, new URLSearchParams(search.toString()));
  useEffect(() => {
    if (addressed !== renderedFor) router.refresh();
  }, [addressed, renderedFor, router]);
  return null;
}
