/**
 * Where ovc-server keeps its state by default: the XDG state directory
 * ($XDG_STATE_HOME, else ~/.local/state), which is meant for data that
 * should survive restarts but is not user documents or configuration.
 */
import { homedir } from "node:os";
import { isAbsolute, join } from "node:path";

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const state = env.XDG_STATE_HOME;
  // The XDG spec says a relative $XDG_STATE_HOME is invalid and must be ignored.
  const base = state && isAbsolute(state) ? state : join(homedir(), ".local", "state");
  return join(base, "open-vcluster");
}
