// The README's React recipe as written there: the strict type-check of this app checks it too.
import { useRef, useEffect } from 'react';
import type { EmailResponsesElement, ResponseEvent } from 'email-responses';
import { EmailResponses, AudienceResponseGrid } from 'email-responses/react';

export function Responses({ events, showContact }: { events: ResponseEvent[]; showContact: (id: string) => void }) {
  const root = useRef<EmailResponsesElement>(null);
  useEffect(() => void root.current?.store.ingest(events), [events]);
  return (
    <EmailResponses ref={root} streamUrl="/api/stream">
      <AudienceResponseGrid
        emailId="spring-sale"
        onRecipientSelect={(e) => e.detail.contactId && showContact(e.detail.contactId)}
      />
    </EmailResponses>
  );
}
