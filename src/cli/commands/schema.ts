import { dealJsonSchema } from "../../model/deal-json-schema.js";
import { EXIT } from "../exit-codes.js";
import type { Register } from "../register.js";

export const registerSchema: Register = (program, io, setExit) => {
  program
    .command("schema")
    .description("print the JSON Schema of the deal summary (deal.yaml) for editor completion and validation")
    .option("-o, --output <file>", "write the schema to a file instead of standard output")
    .addHelpText("after", "\nThen put this first line in your deal file:\n  # yaml-language-server: $schema=./deal.schema.json")
    .action(async (opts: { output?: string }) => {
      const text = `${JSON.stringify(dealJsonSchema(), null, 2)}\n`;
      if (opts.output) await io.writeFile(opts.output, text);
      else io.stdout(text);
      setExit(EXIT.OK);
    });
};
