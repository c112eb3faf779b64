import "server-only";
import { headers } from "next/headers";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { checkCredentials } from "@/lib/auth/credentials";
import { servesOverHttps } from "@/lib/auth/secure-cookies";
import { db } from "@/lib/db";
import { messages } from "@/lib/i18n";
import { clientKeyOf } from "@/lib/rate-limit/client-key";

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

/** What a session token carries besides Auth.js's own claims. */
type SessionClaims = { userId?: number; role?: string; sectionId?: number; sessionEpoch?: number };

const config: NextAuthConfig = {
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
      credentials: { username: { label: messages.login.username }, password: { label: messages.login.password, type: "password" } },
      async authorize(credentials, request) {
        const username = typeof credentials?.username === "string" ? credentials.username : "";
        const password = typeof credentials?.password === "string" ? credentials.password : "";
        const check = await checkCredentials(username, password, clientKeyOf(request.headers));
        if (!check.ok) {
          if (check.reason === "throttled") throw new ThrottledLogin(check.retryAfterSeconds);
          if (check.reason === "disabled") throw new DisabledAccount();
          throw new InvalidCredentials();
        }
        const user = await db.user.findUniqueOrThrow({ where: { id: check.userId } });
        return { id: String(user.id), name: user.displayName, role: user.role, sectionId: user.sectionId, sessionEpoch: check.sessionEpoch };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const signedIn = user as { id: string; role: string; sectionId: number; sessionEpoch: number };
        const claims = token as SessionClaims;
        claims.userId = Number(signedIn.id);
        claims.role = signedIn.role;
        claims.sectionId = signedIn.sectionId;
        // The user's epoch at sign-in: a later password change or reset moves the user's on, and
        // lib/auth/session.ts then refuses this token.
        claims.sessionEpoch = signedIn.sessionEpoch;
      }
      return token;
    },
    session({ session, token }) {
      const claims = token as SessionClaims;
      Object.assign(session.user ?? {}, { id: String(claims.userId), role: claims.role, sectionId: claims.sectionId, sessionEpoch: claims.sessionEpoch ?? 0 });
      return session;
    },
  },
};

// Resolved per request: whether the cookies are `Secure` depends on how this request reached us.
export const { handlers, auth, signIn, signOut } = NextAuth(async (request) => ({
  ...config,
  useSecureCookies: servesOverHttps(process.env, request?.headers ?? (await headers())),
}));
