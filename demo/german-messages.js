// A German message table for the demo pages' language switch: a host's registerMessages('de', …)
// as a CRM would write it. A subset: whatever it leaves out shows in English (messagesFor falls
// back key by key), which the switch's label says ("demo translation").
const n = (count) => count.toLocaleString('de');
const plural = (count, one, many) => `${n(count)} ${count === 1 ? one : many}`;

export const GERMAN = {
  headers: {
    contact: 'Kontakt',
    address: 'E-Mail-Adresse',
    response: 'Reaktion',
    opens: 'Öffnungen',
    clicks: 'Klicks',
    lastResponse: 'Letzte Reaktion',
    provider: 'Anbieter',
    emailType: 'E-Mail-Typ',
    firstOpen: 'Erste Öffnung',
    lastOpen: 'Letzte Öffnung',
    lastClick: 'Letzter Klick',
    clickedLink: 'Geklickter Link',
    stage: 'Phase',
    reason: 'Grund',
  },
  groups: { sent: 'Gesendet', final: 'Endgültig', awaitingFinal: 'Noch offen' },
  stages: {
    scheduled: 'Geplant',
    'not-sent': 'Nicht gesendet',
    'awaiting-provider': 'Wartet auf Anbieter',
    'not-delivered': 'Nicht zugestellt',
    delivered: 'Zugestellt',
  },
  gridLabel: 'Empfänger und ihre Reaktionen',
  searchLabel: 'Nach Kontaktname oder E-Mail-Adresse suchen',
  searchPlaceholder: 'Name oder Adresse suchen',
  filterLabel: 'Nach Reaktion filtern',
  clearFilter: 'Alle',
  exportCsv: 'CSV exportieren',
  resendList: 'Liste erneut senden (Soft Bounces)',
  noSoftBounces: 'Keine Soft Bounces',
  final: 'endgültig',
  noName: 'kein Name',
  waited: (hours, limit) => `wartet ${hours} h von ${limit} h`,
  overdue: (hours, limit) => `überfällig: ${hours} h von ${limit} h gewartet`,
  heldUpdates: {
    paused: 'Angehalten, während Sie lesen',
    count: (count) => plural(count, 'Änderung', 'Änderungen'),
    show: 'Anzeigen',
    showLabel: (count) => `${plural(count, 'angehaltene Änderung', 'angehaltene Änderungen')} anzeigen`,
  },
  sortPaused: 'angehalten',
  // What a screen reader hears as rows change: in English it said "1,000 rows" on a German page.
  announceChanges: (changed, shown, held) =>
    `${plural(changed, 'Empfänger', 'Empfänger')} geändert. ${plural(shown, 'Zeile', 'Zeilen')} angezeigt.` +
    (held > 0 ? ` ${plural(held, 'Änderung wartet', 'Änderungen warten')} auf die Anzeige.` : ''),
  noRecipients: 'Für diese E-Mail gibt es noch keine Empfänger.',
  noMatch: 'Kein Empfänger passt zur Suche und zu den Filtern.',
  rowCount: (shown, all, paused) =>
    paused
      ? `${n(shown)} von ${plural(all, 'Empfänger', 'Empfängern')} angezeigt, Stand der Pause`
      : shown === all
        ? plural(all, 'Empfänger', 'Empfänger')
        : `${n(shown)} von ${plural(all, 'Empfänger', 'Empfängern')}`,
  engagement: {
    opened: 'Eindeutige Öffnungen',
    clicked: 'Eindeutige Klicks',
    machineOpened: 'Nur maschinelle Öffnungen',
    openedNotDelivered: 'Geöffnet, dann nicht zugestellt',
  },
  timeline: {
    listLabel: 'E-Mails an diesen Kontakt, neueste zuerst',
    flagsLabel: 'Kontakt',
    doNotUseEmail: 'Keine E-Mails senden',
    valid: 'Gültig',
    unsubscribedTypes: 'Abgemeldet von',
    yes: 'ja',
    no: 'nein',
    none: 'keine',
    filterLabel: 'Reaktion',
    allResponses: 'Alle Reaktionen',
    showMachineOpens: 'Maschinelle Öffnungen zeigen',
    kinds: { bulk: 'Massen-E-Mail', trigger: 'Trigger-E-Mail', unknown: 'E-Mail' },
  },
  summary: {
    breakdown: 'Nicht zugestellt, unterwegs und nicht gesendet',
    headline: 'Kennzahlen',
    links: { title: 'Geklickte Links' },
    overTime: { title: 'Öffnungen und Klicks im Zeitverlauf', rangeLabel: 'Zeitraum' },
  },
};
