// The simulated CRM's contacts: a name, an address and the flags the pre-send cascade reads, each a
// pure function of (seed, contact number), so a million contacts cost no memory until asked for.
// The first contacts are a fixed showcase, so even a 100-recipient audience shows every edge case.
import type { AudienceRow } from '../../src/core/index';
import { hash32, unit } from './random';

/** What is special about a contact's address or flags. */
export const PROFILES = [
  'plain',
  'no-address',
  'malformed',
  'not-valid',
  'do-not-use-email',
  'unsubscribed-newsletter',
  'unsubscribed-onboarding',
  'limit-reached',
  'no-template',
  'duplicate',
] as const;
export type ContactProfile = (typeof PROFILES)[number];

/** Cumulative shares of the special profiles among ordinary contacts; the rest are plain. */
const SHARES: readonly [number, ContactProfile][] = [
  [0.003, 'no-address'],
  [0.006, 'malformed'],
  [0.009, 'not-valid'],
  [0.014, 'do-not-use-email'],
  [0.018, 'unsubscribed-newsletter'],
  [0.021, 'unsubscribed-onboarding'],
  [0.023, 'limit-reached'],
  [0.024, 'no-template'],
  [0.03, 'duplicate'],
];

const SHOWCASE_PROFILES = new Map<number, ContactProfile>([
  [3, 'duplicate'],
  [5, 'no-address'],
  [7, 'malformed'],
  [9, 'not-valid'],
  [11, 'do-not-use-email'],
  [13, 'unsubscribed-newsletter'],
  [19, 'limit-reached'],
  [23, 'duplicate'],
  [25, 'no-template'],
  [31, 'unsubscribed-onboarding'],
  [35, 'malformed'],
]);
/** Which earlier contact a showcase duplicate copies. */
const SHOWCASE_TARGETS = new Map<number, number>([
  [3, 1],
  [23, 20],
]);

/** Names that break naive pages: markup, script, bidi overrides, right-to-left, very long, blank. */
export const EDGE_NAMES: readonly string[] = [
  '<img src=x onerror=alert(1)>',
  'محمد عبد الله',
  '"><script>alert(document.cookie)</script>',
  'דנה לוי',
  'Zoë Ñúñez-Øster',
  '\u202Egnp.exe Mallory',
  '李小龙',
  "O'Brien; DROP TABLE contacts;--",
  '🦄 Unicorn Björk',
  '{{constructor.constructor("alert(1)")()}}',
  '=HYPERLINK("http://evil.example/","click me")',
  `Hubert Blaine ${'Wolfeschlegelsteinhausenbergerdorff'.repeat(3)} Sr.`,
  '   ',
];
/** Showcase contacts with an edge name, as positions in EDGE_NAMES. */
const SHOWCASE_NAMES = new Map<number, number>([
  [15, 0],
  [17, 1],
  [21, 3],
  [27, 11],
  [29, 8],
  [33, 5],
  [37, 2],
  [39, 6],
]);
const SHOWCASE_SIZE = 40;

const FIRST = [
  'Ada',
  'Bruno',
  'Chiara',
  'Dmitri',
  'Elif',
  'Farid',
  'Grace',
  'Hiro',
  'Ines',
  'Jonas',
  'Kwame',
  'Lena',
  'Mateo',
  'Noor',
  'Olga',
  'Priya',
  'Quentin',
  'Rosa',
  'Sven',
  'Tamar',
  'Uma',
  'Viktor',
  'Wen',
  'Ximena',
  'Yusuf',
  'Zofia',
  'Aiko',
  'Ben',
  'Carmen',
  'Dara',
  'Emil',
  'Fatima',
  'Gustav',
  'Hana',
  'Ivan',
  'Julia',
];
const LAST = [
  'Andersen',
  'Becker',
  'Costa',
  'Dubois',
  'Eriksson',
  'Fischer',
  'García',
  'Haddad',
  'Ivanova',
  'Jansen',
  'Kowalski',
  'Lindqvist',
  'Moreau',
  'Nakamura',
  'Okafor',
  'Petrov',
  'Quinn',
  'Rossi',
  'Schmidt',
  'Tanaka',
  'Usman',
  'Varga',
  'Weber',
  'Xu',
  'Yilmaz',
  'Zimmermann',
  'Novak',
  'Horvat',
  'Silva',
  'Berg',
];
const DOMAINS = [
  'example.com',
  'example.org',
  'example.net',
  'mail.example.com',
  'post.example.org',
  'inbox.example.net',
];
// Slugs are worked out once per list entry: normalising a million names costs seconds.
const FIRST_SLUGS = FIRST.map(asciiSlug);
const LAST_SLUGS = LAST.map(asciiSlug);
const EDGE_SLUGS = EDGE_NAMES.map(asciiSlug);
const NAME_SALT = 0x4e414d45;
const PROFILE_SALT = 0x50524f46;
const ADDRESS_SALT = 0x41444452;

export class ContactBook {
  readonly seed: number;
  /** Contacts are numbered 0 … size-1. */
  readonly size: number;

  constructor(seed: number, size: number) {
    this.seed = seed;
    this.size = size;
  }

  profile(contact: number): ContactProfile {
    if (contact < SHOWCASE_SIZE) return SHOWCASE_PROFILES.get(contact) ?? 'plain';
    const r = unit(this.seed, contact, PROFILE_SALT);
    for (const [share, profile] of SHARES) if (r < share) return profile;
    return 'plain';
  }

  name(contact: number): string {
    return nameOfCode(this.nameCode(contact));
  }

  /**
   * A name as list positions (first + last × FIRST.length), or -1 - n for EDGE_NAMES[n]: few
   * names repeat over a million contacts, so a snapshot page sends each once (`nameOfCode`).
   */
  nameCode(contact: number): number {
    const showcase = SHOWCASE_NAMES.get(contact);
    if (showcase !== undefined) return -1 - showcase;
    const h = hash32(this.seed, contact, NAME_SALT);
    if (contact >= SHOWCASE_SIZE && h % 1000 < 3) return -1 - ((h >>> 10) % EDGE_NAMES.length);
    return ((h >>> 4) % FIRST.length) + FIRST.length * ((h >>> 12) % LAST.length);
  }

  /** The address as the CRM holds it: undefined when there is none, and maybe malformed. */
  address(contact: number): string | undefined {
    const profile = this.profile(contact);
    if (profile === 'no-address') return undefined;
    if (profile === 'duplicate' && contact > 0) return caseVariant(this.address(this.duplicateOf(contact)));
    const h = hash32(this.seed, contact, ADDRESS_SALT);
    const domain = DOMAINS[h % DOMAINS.length]!;
    const code = this.nameCode(contact);
    const slug =
      code < 0
        ? EDGE_SLUGS[-1 - code]!
        : `${FIRST_SLUGS[code % FIRST.length]!}.${LAST_SLUGS[Math.floor(code / FIRST.length)]!}`;
    const local = `${slug || 'contact'}.${contact}`;
    if (profile !== 'malformed') return `${local}@${domain}`;
    const broken = [
      `${local}@`,
      `${local} @${domain}`,
      `${local}@@${domain}`,
      `${local}.${domain}`,
      `${local}@localhost`,
      `<${local}@${domain}>`,
    ];
    return broken[(h >>> 8) % broken.length]!;
  }

  /** The earlier contact whose address a duplicate shares (only meaningful for `duplicate`). */
  duplicateOf(contact: number): number {
    const pinned = SHOWCASE_TARGETS.get(contact);
    if (pinned !== undefined) return pinned;
    // Never another duplicate: then an address is shared only within a pair no more than about
    // 40 rows apart, and the cascade can run one send batch at a time.
    let target = contact - 1 - (hash32(this.seed, contact, ADDRESS_SALT + 1) % Math.min(contact, 40));
    while (target > 0 && this.profile(target) === 'duplicate') target--;
    return target;
  }

  /** One audience row for this contact, as the pre-send cascade reads it. */
  row(contact: number, recipientId: string, launch?: string): AudienceRow {
    const profile = this.profile(contact);
    const row: AudienceRow = { recipientId, contactId: contactId(contact) };
    const address = this.address(contact);
    if (address !== undefined) row.address = address;
    if (profile === 'not-valid') row.valid = false;
    if (profile === 'do-not-use-email') row.doNotUseEmail = true;
    if (profile === 'unsubscribed-newsletter') row.unsubscribedEmailTypes = ['newsletter'];
    if (profile === 'unsubscribed-onboarding') row.unsubscribedEmailTypes = ['onboarding'];
    if (profile === 'limit-reached') row.limitReached = true;
    if (profile === 'no-template') row.hasTemplate = false;
    if (launch !== undefined) row.launch = launch;
    return row;
  }
}

/** The name a `ContactBook.nameCode` stands for. */
export function nameOfCode(code: number): string {
  return code < 0 ? EDGE_NAMES[-1 - code]! : `${FIRST[code % FIRST.length]!} ${LAST[Math.floor(code / FIRST.length)]!}`;
}

export function contactId(contact: number): string {
  return `c-${contact}`;
}

/** Parses `c-<n>`; -1 for anything else. */
export function contactNumber(id: string): number {
  const match = /^c-(\d{1,9})$/.exec(id);
  return match ? Number(match[1]) : -1;
}

/** The same mailbox as people type it: capitalised local part, shouted domain. */
function caseVariant(address: string | undefined): string | undefined {
  if (address === undefined) return undefined;
  const at = address.lastIndexOf('@');
  if (at <= 0) return address.toUpperCase();
  return address[0]!.toUpperCase() + address.slice(1, at) + address.slice(at).toUpperCase();
}

function asciiSlug(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z ]/g, '')
    .trim()
    .replace(/ +/g, '.')
    .slice(0, 40);
}
