/**
 * `email-responses/react`: the elements as typed React components (`<AudienceResponseGrid
 * emailId="…" onRecipientSelect={…} />`), and JSX typings for using the tags directly in React 19
 * (`<audience-response-grid email-id="…" onrecipient-select={…}>`). Importing it registers the
 * four elements. React is the host's: a peer dependency, never bundled.
 */
export * from './elements';
