import { parentPort, workerData } from "node:worker_threads";
import { compileThemes, type ThemeDefinition } from "../../domain/themes";
import { cachedStoredComment } from "./comments";
import type { CommentBatch, CommentResults } from "./comment-pool";

// One of the import's comment workers: masks, scores and tags batches of comments.
const store = cachedStoredComment(compileThemes(workerData.themes as ThemeDefinition[]));

parentPort!.on("message", (batch: CommentBatch) => {
  const results: CommentResults = { id: batch.id, comments: batch.texts.map((text, i) => store(text, batch.languages[i]!)) };
  parentPort!.postMessage(results);
});
