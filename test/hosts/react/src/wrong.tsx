// Each line marked expect-error must fail the type-check (tsconfig.wrong.json): the typings are real.
import { AudienceResponseGrid } from 'email-responses/react';

export const misspeltProp = <AudienceResponseGrid emailID="e1" />; // expect-error
export const wrongDetail = <AudienceResponseGrid onRecipientSelect={(e) => e.detail.recipient} />; // expect-error
export const directWrong = <audience-response-grid onrecipient-select={(e) => e.detail.recipientID} />; // expect-error
export const directWrongValue = <audience-response-grid rowHeight="tall" />; // expect-error
