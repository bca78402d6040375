// The Node tests of the pure code as one process, for `npm run test:mutation`: a process per test
// file costs ~2 s of start-up per mutant on a loaded machine, one process with every file ~0.5 s.
// The quick, pointed examples come first, so a mutant dies (and the run bails) early; the
// property tests, slow and broad, come last.
import '../core/rules-pinned.test';
import '../core/fold.test';
import '../core/validate.test';
import '../core/presend.test';
import '../core/summary.test';
import '../core/catalogue.test';
import '../core/effects.test';
import '../core/explain.test';
import '../core/providers/provider-helpers.test';
import '../core/providers/provider-mapping.test';
import '../core/providers/provider-fixtures.test';
import '../core/providers/provider-behaviour.test';
import '../core/providers/provider-junk.test';
import '../store-node/reconcile-rules.test';
import '../core/reference-fold.test';
import '../core/fold-properties.test';
