// The provider readers' Node tests as one process, for `npm run test:mutation` (see core-suite.ts).
import '../core/providers/provider-helpers.test';
import '../core/providers/provider-mapping.test';
import '../core/providers/provider-fixtures.test';
import '../core/providers/provider-behaviour.test';
import '../core/providers/provider-junk.test';
