import 'email-responses';
import { bootstrapApplication } from '@angular/platform-browser';
import { AppComponent } from './app.component';

declare global {
  interface Window {
    hostLog: string[];
  }
}

window.hostLog = [];
bootstrapApplication(AppComponent).catch((error: unknown) => console.error(error));
