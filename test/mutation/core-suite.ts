// The Node tests of the rules and the store's pure modules as one process, for
// `npm run test:mutation`: a process per test file costs ~2 s of start-up per mutant on a loaded
// machine. The quick, pointed examples come first, so a mutant dies (and the run bails) early;
// the property tests, slow and broad, come last. The provider readers have a suite of their own
// (providers-suite.ts), so a mutant in the fold does not wait for them.
import '../core/rules-pinned.test';
import '../core/rules-check.test';
import '../core/presend-address.test';
import '../core/fold.test';
import '../core/validate.test';
import '../core/presend.test';
import '../core/summary.test';
import '../core/catalogue.test';
import '../core/effects.test';
import '../core/explain.test';
import '../core/explain-pinned.test';
import '../core/explain-examples.test';
import '../core/merge-ties.test';
import '../core/contact-lists-sorted.test';
import '../core/statistics-period.test';
import '../store-node/reconcile-rules.test';
import '../store-node/audience-accents.test';
import '../core/reference-fold.test';
import '../core/fold-properties.test';
