import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const refused = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(true));
  });

/** What systemd, a container runtime or a terminal does: SIGTERM to the process it started, npm. */
test.skipIf(process.env.TEST_DATABASE === "postgres")(
  "SIGTERM to `npm start` stops the server gracefully: it exits 0 and nothing is left listening",
  async () => {
    const npm = spawn("npm", ["start"], {
      cwd: ROOT,
      env: { ...process.env, PORT: "0", HOST: "127.0.0.1", DATA_DIR: mkdtempSync(join(tmpdir(), "npm-start-")), LOG_LEVEL: "info", SMTP_URL: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const npmExit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      npm.on("exit", (code, signal) => resolve({ code, signal })),
    );
    const server = await new Promise<{ port: number; pid: number }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start: ${output}`)), 30_000);
      npm.stdout.on("data", (d: Buffer) => {
        output += d.toString();
        const line = /^\{.*"msg":"listening".*\}$/m.exec(output)?.[0];
        if (line) {
          clearTimeout(timer);
          const { port, pid } = JSON.parse(line) as { port: number; pid: number };
          resolve({ port, pid });
        }
      });
      npm.stderr.on("data", (d: Buffer) => (output += d.toString()));
      void npmExit.then(() => reject(new Error(`npm exited before listening: ${output}`)));
    });
    try {
      expect(server.pid).not.toBe(npm.pid);
      npm.kill("SIGTERM");
      // npm exits with the server's own exit code once the server has exited.
      expect(await npmExit).toEqual({ code: 0, signal: null });
      expect(output).toMatch(/"msg":"stopped".*"clean":true/);
      expect(alive(server.pid)).toBe(false);
      expect(await refused(server.port)).toBe(true);
    } finally {
      // Before the fix the server outlived npm: do not leave it behind.
      if (alive(server.pid)) process.kill(server.pid, "SIGKILL");
    }
  },
  60_000,
);
