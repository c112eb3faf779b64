import type { Metadata } from "next";
import { PageHeader } from "@/components/console/page-header";
import { Panel } from "@/components/console/panel";
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
      <PageHeader title={m.title} description={m.intro} />
      <Panel id="add-sensitive-words" title={m.words}>
        <AddSensitiveWordsForm />
      </Panel>
      <Panel
        id="sensitive-word-list"
        title={
          <>
            {m.list}
            <span className="ml-2 text-sm font-normal text-gray-700">{m.count(words.length)}</span>
          </>
        }
      >
        {words.length ? (
          <ul className="flex flex-wrap items-start gap-2" data-testid="sensitive-words">
            {words.map((word) => (
              <li key={word.id} className="flex flex-wrap items-start gap-2 rounded border border-gray-300 bg-gray-50 py-1 pl-3 pr-1 text-sm">
                <span className="py-1">{word.word}</span>
                <RemoveSensitiveWordForm word={{ id: word.id, word: word.word }} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-gray-700">{m.empty}</p>
        )}
      </Panel>
    </div>
  );
}
