/**
 * Answer collection, shared by workshops and scheduled check-ins; it knows nothing of Teams. `new Collections(store,
 * secret)` creates a collection (`create({ purpose, questions, settings }, now)`: free-text, options or 1–5 scale
 * questions; settings `anonymous`, `minResponses`, `maxAnswersPerPerson`, `resultsShown: 'live' | 'when-revealed'`,
 * optional `closesAt`), takes and edits answers with `answer(collectionId, { userKey, displayName }, submissions,
 * now)` (the respondent is always the turn's actor; edits keep answer ids; refused once closed or past `closesAt`),
 * gives a person their own answers with `ownAnswers(collection, userKey)`, reads one with `get` (throws a
 * UserFacingError when gone) or `find` (undefined), and moves it along with `reveal`, `hide(answerId)` and `close`.
 * Anonymous answers are stored under `respondentKey()` = HMAC(secret, collection id + user key), with no owner and no
 * name; the secret lives in a file outside the database (`loadOrCreateSecret(secretFileFor(...))`), so a reader of the
 * tables cannot link an answer to a person while the running bot can still let that person edit theirs. Use
 * `respondentKey()` for related per-person records (votes) so they stay unlinkable too. Everything a facilitator or
 * manager may see comes from `sheet(collection)` (answers without keys, names only when named, hidden ones left out,
 * in an order unrelated to who answered when) and `results(collection, invited)` (counts per option, 1–5 distribution
 * and mean, response rate; nothing per question until at least `minResponses` people answered and results may show).
 * `resultsView(results, minResponses, labelsOf, t, locale)` turns results into the bars both the workshop card and a
 * check-in summary render, and `collectResultsCard` (cards/collect-results.json) is a ready card for such a summary.
 */
export { aggregate, type CollectionResults, type QuestionResults } from './aggregation';
export { collectResultsCard, type CollectResultsCardData } from './collect-cards';
export {
  acceptsAnswers,
  maxAnswerLength,
  scaleValues,
  resultsVisible,
  type Answer,
  type AnswerForm,
  type AnswerSheet,
  type AnswerSubmission,
  type AnswerValue,
  type Collection,
  type CollectionSettings,
  type Question,
  type VisibleAnswer,
} from './collection';
export { Collections, type NewCollection, type Respondent } from './collections';
export { loadOrCreateSecret, respondentKeyOf, secretFileFor } from './pseudonym';
export { csvCell, escapeCardMarkdown } from './safe-text';
export { resultsView, toBars, type QuestionLabels, type ResultBar, type ResultItem, type ResultSection, type ResultsView } from './results-view';
