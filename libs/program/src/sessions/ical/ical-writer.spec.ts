import { escapeText, foldLine, formatUtc, writeCalendar, type IcsEvent } from './ical-writer';

const octets = (line: string) => Buffer.byteLength(line, 'utf8');
/** RFC 5545 unfolding: a CRLF followed by one space or tab is removed. */
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');

const event = (overrides: Partial<IcsEvent> = {}): IcsEvent => ({
  uid: '6f1c3a0e-0000-4000-8000-000000000001@art-commons',
  stamp: new Date('2025-03-01T09:00:00.000Z'),
  start: new Date('2025-03-04T14:00:00.000Z'),
  end: new Date('2025-03-04T15:30:00.000Z'),
  summary: 'Dialogue & framing',
  description: '',
  location: null,
  url: 'https://commons.example/program/sessions/6f1c3a0e-0000-4000-8000-000000000001',
  cancelled: false,
  sequence: 0,
  created: new Date('2025-02-20T10:00:00.000Z'),
  lastModified: new Date('2025-02-21T10:00:00.000Z'),
  ...overrides,
});

describe('formatUtc', () => {
  it('writes a UTC date-time with a Z and no separators or milliseconds', () => {
    expect(formatUtc(new Date('2025-03-04T14:05:09.123Z'))).toBe('20250304T140509Z');
  });
});

describe('escapeText', () => {
  it('escapes backslash, semicolon, comma and line breaks, in that order (a backslash is not escaped twice)', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
    expect(escapeText('one\r\ntwo\rthree')).toBe('one\\ntwo\\nthree');
  });

  it('drops control characters TEXT may not hold, keeping tabs', () => {
    expect(escapeText('bell\u0007 and\ttab')).toBe('bell and\ttab');
  });

  it('leaves colons and quotes alone (they need no escaping in a TEXT value)', () => {
    expect(escapeText('Time: "now"')).toBe('Time: "now"');
  });
});

describe('foldLine', () => {
  it('leaves a line of 75 octets as it is', () => {
    const line = `SUMMARY:${'x'.repeat(67)}`;
    expect(octets(line)).toBe(75);
    expect(foldLine(line)).toBe(line);
  });

  it('folds a long ASCII line into lines of at most 75 octets, each continuation starting with a space', () => {
    const line = `DESCRIPTION:${'abcdefghij'.repeat(30)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(octets(part)).toBeLessThanOrEqual(75);
    expect(parts[0]).toHaveLength(75);
    for (const part of parts.slice(1)) expect(part.startsWith(' ')).toBe(true);
    expect(unfold(folded)).toBe(line);
  });

  it('never splits a multi-byte character: every folded line is valid UTF-8 on its own', () => {
    // Two-, three- and four-byte characters, so a fold point falls inside a character unless the writer avoids it.
    const line = `SUMMARY:${'é漢😀'.repeat(40)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    for (const part of parts) {
      expect(octets(part)).toBeLessThanOrEqual(75);
      // A split character would decode to U+FFFD.
      expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part);
      expect(part).not.toContain('\uFFFD');
    }
    expect(unfold(folded)).toBe(line);
  });

  it('folds a line of only four-byte characters so no line passes 75 octets', () => {
    const line = `LOCATION:${'😀'.repeat(50)}`;
    for (const part of foldLine(line).split('\r\n')) expect(octets(part)).toBeLessThanOrEqual(75);
    expect(unfold(foldLine(line))).toBe(line);
  });
});

describe('writeCalendar', () => {
  it('writes a calendar with CRLF line ends throughout, ending in one', () => {
    const text = writeCalendar({ name: 'My sessions', events: [event()] });
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
  });

  it('writes the event’s properties: UID, DTSTAMP, UTC times, SUMMARY, URL, STATUS and SEQUENCE', () => {
    const lines = unfold(writeCalendar({ events: [event({ sequence: 3 })] })).split('\r\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        'BEGIN:VEVENT',
        'UID:6f1c3a0e-0000-4000-8000-000000000001@art-commons',
        'DTSTAMP:20250301T090000Z',
        'DTSTART:20250304T140000Z',
        'DTEND:20250304T153000Z',
        'SUMMARY:Dialogue & framing',
        'URL:https://commons.example/program/sessions/6f1c3a0e-0000-4000-8000-000000000001',
        'STATUS:CONFIRMED',
        'SEQUENCE:3',
        'END:VEVENT',
      ]),
    );
    expect(lines.some((l) => l.startsWith('LOCATION'))).toBe(false);
  });

  it('marks a cancelled event, and escapes the text of summary, description and location', () => {
    const text = writeCalendar({
      events: [
        event({
          cancelled: true,
          summary: 'Coaching; phase 2, part 1',
          description: 'Join: https://meet.example/abc\nBring notes, please',
          location: 'Room 4\\B, Main St.',
        }),
      ],
    });
    const lines = unfold(text).split('\r\n');
    expect(lines).toContain('STATUS:CANCELLED');
    expect(lines).toContain('SUMMARY:Coaching\\; phase 2\\, part 1');
    expect(lines).toContain('DESCRIPTION:Join: https://meet.example/abc\\nBring notes\\, please');
    expect(lines).toContain('LOCATION:Room 4\\\\B\\, Main St.');
  });

  it('folds long multi-byte descriptions inside the calendar and keeps every line within 75 octets', () => {
    const text = writeCalendar({ events: [event({ description: 'Café “dialogue” über Rassismus — 対話 '.repeat(20) })] });
    for (const line of text.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(unfold(text)).toContain(`DESCRIPTION:${escapeText('Café “dialogue” über Rassismus — 対話 '.repeat(20))}`);
  });
});
