import type { Command } from "commander";
import type { ExitCode } from "./exit-codes.js";
import type { Io } from "./io.js";

/** A command adds itself to the program and reports its exit code through `setExit`. */
export type Register = (program: Command, io: Io, setExit: (code: ExitCode) => void) => void;
