import { requirePageUser } from "@/lib/auth/page-guard";
import { messages } from "@/lib/i18n";

export default async function ConsoleHome() {
  const user = await requirePageUser();
  return (
    <section className="rounded border border-gray-300 bg-white p-6">
      <h1 className="text-xl font-bold">{messages.console.dashboard}</h1>
      <p className="mt-3">{messages.console.welcome(user.displayName)}</p>
    </section>
  );
}
