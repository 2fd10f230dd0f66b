// Trains the classifier once before the workers start, so its files are in the model cache
// (src/nlu/model-file.ts) and no test file pays tens of seconds of training within its timeout.
// Uses the build `npm test` makes first; without one, each test file trains for itself.
const path = require('node:path');

module.exports = async () => {
  const root = path.join(__dirname, '..', '..');
  let loadModel;
  try {
    ({ loadModel } = require(path.join(root, 'dist', 'src', 'nlu', 'load-model')));
  } catch {
    return;
  }
  loadModel(path.join(root, 'intents'));
};
