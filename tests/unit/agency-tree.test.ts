import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { codesAtAndBelow, orderAsTree } from "@/components/agencies/agency-tree";

const platform = [
  { code: "SFHZF", parentCode: null, kind: "government" as const },
  { code: "SFHZFB", parentCode: "SFHZF", kind: "office" as const },
  { code: "SFHCGJ", parentCode: "SFHZF", kind: "department" as const },
  { code: "SFHCGJ-DD", parentCode: "SFHCGJ", kind: "department" as const },
  { code: "SFH-SYZ", parentCode: "SFHZF", kind: "town" as const },
];

describe("the agency tree as the console shows it", () => {
  test("each agency follows its parent, indented one level deeper, siblings in the order given", () => {
    const shuffled = [platform[3], platform[4], platform[2], platform[0], platform[1]];
    assert.deepEqual(
      orderAsTree(shuffled).map((agency) => `${agency.depth}:${agency.code}`),
      ["0:SFHZF", "1:SFH-SYZ", "1:SFHCGJ", "2:SFHCGJ-DD", "1:SFHZFB"],
    );
  });

  test("an agency whose parent is missing, or that sits in a loop, is still listed", () => {
    const broken = [
      { code: "A", parentCode: "B" },
      { code: "B", parentCode: "A" },
      { code: "C", parentCode: "GONE" },
    ];
    assert.deepEqual(
      orderAsTree(broken)
        .map((agency) => agency.code)
        .sort(),
      ["A", "B", "C"],
    );
  });

  test("an agency's possible parents leave out itself and everything below it", () => {
    assert.deepEqual([...codesAtAndBelow(platform, "SFHCGJ")].sort(), ["SFHCGJ", "SFHCGJ-DD"]);
  });
});
