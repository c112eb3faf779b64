"use server";

import { signOut } from "@/lib/auth/next-auth";

export async function logOut(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}
