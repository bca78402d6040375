// The providers whose webhooks are read: the nine of the spec (providers.md, sections 2.1 to 2.9,
// in that order), which is also the list a host sees when it names another one.
import { expect } from 'chai';
import { normalizeProviderEvents, type ProviderName } from '../../../src/core/providers/index';
import { PROVIDER_NAMES } from '../../../src/core/providers/provider-types';

const NINE = ['sendgrid', 'mailgun', 'ses', 'postmark', 'elastic-email', 'sparkpost', 'brevo', 'mailjet', 'resend'];

describe('provider names', () => {
  it('lists the nine providers the spec maps, in its order', () => {
    expect(PROVIDER_NAMES).to.deep.equal(NINE);
  });

  it('names them all when a host asks for another provider', () => {
    const { skipped } = normalizeProviderEvents('mandrill' as ProviderName, '[]');
    expect(skipped.map((skip) => skip.reason)).to.deep.equal([
      `"mandrill" is not a provider this library reads (${NINE.join(', ')})`,
    ]);
  });
});
