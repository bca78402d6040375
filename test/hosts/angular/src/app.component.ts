import { Component, CUSTOM_ELEMENTS_SCHEMA, ElementRef, signal, viewChild, type AfterViewInit } from '@angular/core';
import type { EmailResponsesElement, RecipientSelectEvent } from 'email-responses';
import { events } from './events';

/** The README's Angular recipe: a standalone component, the tags allowed by CUSTOM_ELEMENTS_SCHEMA. */
@Component({
  selector: 'app-root',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `<email-responses #root>
      <audience-response-grid [emailId]="emailId" [rowHeight]="36" (recipient-select)="select($event)"></audience-response-grid>
    </email-responses>
    <p id="selected">{{ selected() }}</p>`,
})
export class AppComponent implements AfterViewInit {
  readonly emailId = 'e1';
  readonly selected = signal('');
  private readonly root = viewChild.required<ElementRef<EmailResponsesElement>>('root');

  ngAfterViewInit(): void {
    void this.root().nativeElement.store.ingest(events());
  }

  select(event: Event): void {
    const { recipientId } = (event as RecipientSelectEvent).detail;
    window.hostLog.push(`angular:${recipientId}`);
    this.selected.set(recipientId);
  }
}
