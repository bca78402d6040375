import { Component, CUSTOM_ELEMENTS_SCHEMA } from '@angular/core';
import type { RecipientSelectEvent } from 'email-responses';

// A mistake the package's typings must catch in an Angular handler (the tags themselves are not
// checked: CUSTOM_ELEMENTS_SCHEMA lets any property and event through). Each marked line has an
// error, and no other line.
@Component({
  selector: 'app-wrong',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `<audience-response-grid email-id="e1" (recipient-select)="select($event)"></audience-response-grid>`,
})
export class WrongComponent {
  select(event: Event): string {
    return (event as RecipientSelectEvent).detail.recipientID; // expect-error: the field is recipientId
  }
}
