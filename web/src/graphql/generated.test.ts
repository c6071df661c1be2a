import { readFileSync } from "node:fs";
import { generate } from "@graphql-codegen/cli";
import { describe, expect, it } from "vitest";
import config from "../../../codegen.ts";

const OUTPUT = "web/src/graphql/generated/";
const root = new URL("../../../", import.meta.url);

describe("the SPA's generated contract", () => {
  it("is checked in as codegen writes it from schema.graphql and web/src/graphql (npm run codegen)", async () => {
    const outputs: { filename: string; content: string }[] = await generate(
      { ...config, cwd: root.pathname, silent: true, generates: { [OUTPUT]: config.generates[OUTPUT]! } },
      false,
    );
    expect(outputs.map((o) => o.filename).sort()).toContain(`${OUTPUT}persisted-documents.json`);
    for (const { filename, content } of outputs)
      expect(content, `${filename} is stale: run npm run codegen`).toBe(readFileSync(new URL(filename, root), "utf8"));
  });
});
