/**
 * What a report says about its email besides the responses: its name, subject, sender, send time
 * and audience size. A host sets it on `<response-summary>` (`emailInfo`), or reads it from its
 * backend with `fetchEmailInfo`; every field is optional, and the email's id is the fallback.
 */
export interface EmailInfo {
  /** The email's name in the CRM ("Spring sale"). */
  name?: string;
  subject?: string;
  /** "Ann Lee <ann@example.com>", as the host wants it shown. */
  sender?: string;
  /** When sending started (epoch ms). */
  sentAt?: number;
  /** How many recipients the audience has: the report shows loading progress until all are here. */
  audience?: number;
}

const TEXT_FIELDS = ['name', 'subject', 'sender'] as const;

/**
 * Checks one email's info as a backend sends it: texts, `sentAt` as epoch ms or ISO text (also
 * `startsAt`, the mock backend's name), `audience` a whole number. Returns the info, or a reason.
 */
export function checkEmailInfo(value: unknown): EmailInfo | string {
  if (typeof value !== 'object' || value === null) return 'the email info must be an object';
  const raw = value as Record<string, unknown>;
  const info: EmailInfo = {};
  for (const field of TEXT_FIELDS) {
    const text = raw[field];
    if (text === undefined || text === null) continue;
    if (typeof text !== 'string') return `${field} must be text`;
    if (text !== '') info[field] = text;
  }
  const sent = raw['sentAt'] ?? raw['startsAt'];
  if (sent !== undefined && sent !== null) {
    const at = typeof sent === 'number' ? sent : typeof sent === 'string' ? Date.parse(sent) : NaN;
    if (!Number.isFinite(at)) return 'sentAt must be epoch milliseconds or an ISO time';
    info.sentAt = at;
  }
  const audience = raw['audience'];
  if (audience !== undefined && audience !== null) {
    if (!Number.isInteger(audience) || (audience as number) < 0) return 'audience must be a whole number of at least 0';
    info.audience = audience as number;
  }
  return info;
}

/**
 * Reads one email's info from an endpoint that lists emails as `{ emails: [{ id, ... }] }` (the
 * mock backend's `GET /api/emails`). Answers the info, or a reason; never throws.
 */
export async function fetchEmailInfo(url: string, emailId: string, init?: RequestInit): Promise<EmailInfo | string> {
  let body: unknown;
  try {
    const response = await fetch(url, init);
    if (!response.ok) return `${url} answered ${response.status}`;
    body = await response.json();
  } catch (error) {
    return `${url} could not be read: ${error instanceof Error ? error.message : String(error)}`;
  }
  const emails = (body as { emails?: unknown } | null)?.emails;
  if (!Array.isArray(emails)) return `${url} has no emails list`;
  const email = emails.find(
    (e: unknown) => typeof e === 'object' && e !== null && (e as { id?: unknown }).id === emailId,
  );
  return email === undefined ? `${url} does not list email "${emailId}"` : checkEmailInfo(email);
}
