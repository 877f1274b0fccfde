import { describe, it, expect } from 'vitest';
import { PASSWORD_MAX, PASSWORD_MESSAGES, PASSWORD_MIN, checkPassword } from '@/lib/domain/password-policy';

const ANNA = ['RSSNNA85M41L378F', 'Anna', 'Rossi', 'anna.rossi@example.it'];

describe('checkPassword accepts long, unguessable passwords of any kind', () => {
  it.each([
    'Trento-Buoni-2020', // the demo password: must keep working
    'cavallo batteria graffetta corretta',
    'correct horse battery staple',
    'il mio gatto dorme sul divano blu',
    'Perché però già più così',
    'ログイン用の長いパスフレーズです',
    'fiume-lampada-ottobre-vela',
  ])('%j', (pw) => {
    expect(checkPassword(pw, ANNA)).toEqual({ ok: true });
  });

  it('needs no digits, capitals or symbols (no composition rules)', () => {
    expect(checkPassword('montagne lontane e verdi')).toEqual({ ok: true });
  });
});

describe('checkPassword refuses with a reason', () => {
  it.each([
    ['passwordpassword', PASSWORD_MESSAGES.repetitive],
    ['aaaaaaaaaaaaaaaa', PASSWORD_MESSAGES.repetitive],
    ['abababababababab', PASSWORD_MESSAGES.repetitive],
    ['abcdefghijklmnop', PASSWORD_MESSAGES.repetitive],
    ['123456789012345', PASSWORD_MESSAGES.common],
    ['qwertyuiopasdfgh', PASSWORD_MESSAGES.common],
    ['zxcvbnmasdfghjkl', PASSWORD_MESSAGES.common],
    ['rssnna85m41l378f-ok', PASSWORD_MESSAGES.personal],
    ['Anna-montagna-fiume-2020', PASSWORD_MESSAGES.personal],
    ['vela ottobre ROSSI lampada', PASSWORD_MESSAGES.personal],
  ])('%j', (pw, reason) => {
    const r = checkPassword(pw, ANNA);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reasons).toContain(reason);
  });

  it('all guessable reasons start with the same clear sentence', () => {
    for (const key of ['repetitive', 'personal', 'common'] as const) {
      expect(PASSWORD_MESSAGES[key]).toMatch(/^La password è troppo comune o facile da indovinare: /);
    }
  });

  it('the personal-data rule only applies to the inputs given', () => {
    expect(checkPassword('Anna-montagna-fiume-2020')).toEqual({ ok: true });
  });
});

describe('length limits count Unicode code points', () => {
  const strong = 'vela ottobre lampada fiume nebbia'; // 33 chars, strong

  it.each([
    [PASSWORD_MIN - 1, false],
    [PASSWORD_MIN, true],
    [PASSWORD_MAX, true],
    [PASSWORD_MAX + 1, false],
  ])('length %i → ok %s', (len, ok) => {
    const pw = strong.repeat(5).slice(0, len - 1) + 'Z';
    expect([...pw].length).toBe(len);
    const r = checkPassword(pw);
    expect(r.ok).toBe(ok);
  });

  it('a 14-character password is too short', () => {
    expect(checkPassword('Tr3nto-Vela-8!')).toEqual({ ok: false, reasons: [PASSWORD_MESSAGES.tooShort] });
  });

  it('a 129-character password is too long', () => {
    const r = checkPassword(strong.repeat(4).slice(0, 129));
    expect(r).toEqual({ ok: false, reasons: [PASSWORD_MESSAGES.tooLong] });
  });

  it('counts an emoji as one character, not two UTF-16 units', () => {
    // 14 code points but 15 UTF-16 units: still too short.
    const pw = 'Vela-Ottobre-🦊';
    expect(pw.length).toBe(15);
    const r = checkPassword(pw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reasons).toContain(PASSWORD_MESSAGES.tooShort);
  });

  it('a short and common password gets both reasons', () => {
    const r = checkPassword('password');
    expect(r).toEqual({ ok: false, reasons: [PASSWORD_MESSAGES.tooShort, PASSWORD_MESSAGES.common] });
  });
});
