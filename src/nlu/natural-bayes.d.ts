// natural's classifiers are imported file by file: `require('natural')` loads its storage modules,
// which run dotenv (banner lines on stdout, and any .env file loaded into the environment).
declare module 'natural/lib/natural/classifiers/bayes_classifier' {
  interface ApparatusBayes {
    classFeatures: Record<string, Record<string, number>>;
    classTotals: Record<string, number>;
    totalExamples: number;
    smoothing: number;
    addExample(observation: Record<string, string> | number[], label: string): void;
    getClassifications(observation: Record<string, string> | number[]): Array<{ label: string; value: number }>;
  }
  class BayesClassifier {
    constructor(stemmer?: unknown, smoothing?: number);
    classifier: ApparatusBayes;
  }
  export = BayesClassifier;
}
