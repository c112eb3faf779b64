import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { checkCredentials } from "@/lib/auth/credentials";
import { db } from "@/lib/db";

class InvalidCredentials extends CredentialsSignin {
  code = "invalid";
}
class DisabledAccount extends CredentialsSignin {
  code = "disabled";
}
class ThrottledLogin extends CredentialsSignin {
  code = "throttled";
  constructor(readonly retryAfterSeconds: number) {
    super();
    this.code = `throttled:${retryAfterSeconds}`;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  logger: {
    // A refused sign-in is an expected outcome, recorded in LoginAttempt; not an error to log.
    error(error) {
      if (error instanceof CredentialsSignin || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error(error);
    },
  },
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { username: { label: "用户名" }, password: { label: "密码", type: "password" } },
      async authorize(credentials) {
        const username = typeof credentials?.username === "string" ? credentials.username : "";
        const password = typeof credentials?.password === "string" ? credentials.password : "";
        const check = await checkCredentials(username, password);
        if (!check.ok) {
          if (check.reason === "throttled") throw new ThrottledLogin(check.retryAfterSeconds);
          if (check.reason === "disabled") throw new DisabledAccount();
          throw new InvalidCredentials();
        }
        const user = await db.user.findUniqueOrThrow({ where: { id: check.userId } });
        return { id: String(user.id), name: user.displayName, role: user.role, sectionId: user.sectionId };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const signedIn = user as { id: string; role: string; sectionId: number };
        token.userId = Number(signedIn.id);
        token.role = signedIn.role;
        token.sectionId = signedIn.sectionId;
      }
      return token;
    },
    session({ session, token }) {
      Object.assign(session.user ?? {}, { id: String(token.userId), role: token.role, sectionId: token.sectionId });
      return session;
    },
  },
});
