// The `sentiment` package (AFINN-165) ships no types; only the parts this project uses.
declare module "sentiment" {
  namespace Sentiment {
    interface ScoringStrategy {
      /** Returns the score of tokens[cursor] in its context (e.g. flipped after a negator). */
      apply(tokens: string[], cursor: number, tokenScore: number): number;
    }
    interface LanguageModule {
      labels: Record<string, number>;
      scoringStrategy?: ScoringStrategy;
    }
    interface AnalysisResult {
      score: number;
      comparative: number;
      calculation: Record<string, number>[];
      tokens: string[];
      words: string[];
      positive: string[];
      negative: string[];
    }
  }
  class Sentiment {
    constructor(options?: object);
    registerLanguage(languageCode: string, language: Sentiment.LanguageModule): void;
    analyze(phrase: string, options?: { language?: string }): Sentiment.AnalysisResult;
  }
  export = Sentiment;
}
