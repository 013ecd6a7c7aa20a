import { loadDotEnv } from "../dotenv";
import { runCli } from "./run";

// `npm run cli -- <command>`: the same DATA_DIR and configuration as `npm start`, .env included.
loadDotEnv();
runCli(process.argv.slice(2), { env: process.env, stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exitCode = 1;
  },
);
