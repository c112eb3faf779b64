import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/page-guard";
import { messages } from "@/lib/i18n";
import { listSensitiveWords } from "@/lib/sensitive-words/manage-sensitive-words";
import { AddSensitiveWordsForm, RemoveSensitiveWordForm } from "./sensitive-word-forms";

export const metadata: Metadata = { title: messages.sensitiveWordsAdmin.title };

const m = messages.sensitiveWordsAdmin;

export default async function SensitiveWordsPage() {
  const actor = await requirePageUser("sensitive_words.manage");
  const words = await listSensitiveWords(actor);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-bold">{m.title}</h1>
        <p className="mt-2 text-sm text-gray-700">{m.intro}</p>
      </div>
      <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="add-sensitive-words">
        <h2 id="add-sensitive-words" className="mb-4 text-lg font-semibold">{m.words}</h2>
        <AddSensitiveWordsForm />
      </section>
      <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="sensitive-word-list">
        <h2 id="sensitive-word-list" className="mb-3 text-lg font-semibold">
          {m.list}
          <span className="ml-2 text-sm font-normal text-gray-700">{m.count(words.length)}</span>
        </h2>
        {words.length ? (
          <ul className="flex flex-wrap gap-2" data-testid="sensitive-words">
            {words.map((word) => (
              <li key={word.id} className="flex items-center rounded border border-gray-300 bg-gray-50 py-1 pl-3 pr-1 text-sm">
                <span>{word.word}</span>
                <RemoveSensitiveWordForm word={{ id: word.id, word: word.word }} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-gray-700">{m.empty}</p>
        )}
      </section>
    </div>
  );
}
