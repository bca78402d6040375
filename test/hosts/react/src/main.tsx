import { StrictMode, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { EmailResponsesElement } from 'email-responses';
import { AudienceResponseGrid, EmailResponses } from 'email-responses/react';
import { events } from './events';

declare global {
  interface Window {
    /** What the handlers heard, read by the test. */
    hostLog: string[];
  }
}
window.hostLog = [];

function App() {
  const wrapped = useRef<EmailResponsesElement>(null);
  const direct = useRef<EmailResponsesElement>(null);
  const [selected, setSelected] = useState('');
  useEffect(() => {
    void wrapped.current?.store.ingest(events());
    void direct.current?.store.ingest(events());
  }, []);
  return (
    <>
      <section id="wrapped">
        <EmailResponses ref={wrapped}>
          <AudienceResponseGrid
            emailId="e1"
            onRecipientSelect={(event) => {
              window.hostLog.push(`wrapped:${event.detail.recipientId}`);
              setSelected(event.detail.recipientId);
            }}
          />
        </EmailResponses>
      </section>
      <section id="direct">
        <email-responses ref={direct}>
          <audience-response-grid
            email-id="e1"
            onrecipient-select={(event) => window.hostLog.push(`direct:${event.detail.recipientId}`)}
          />
        </email-responses>
      </section>
      <p id="selected">{selected}</p>
    </>
  );
}

const app = document.getElementById('app');
if (app)
  createRoot(app).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
