import { EventEmitter } from 'node:events';
import type http from 'node:http';
import { describe, expect, it } from 'vitest';
import { onResponseClose } from '@/lib/http/on-response-close';

const response = () => new EventEmitter() as unknown as http.ServerResponse;

describe('onResponseClose', () => {
  it('adds one close listener however many callbacks, and runs them in order once', () => {
    const res = response();
    const ran: string[] = [];
    onResponseClose(res, () => ran.push('in-flight'));
    onResponseClose(res, () => ran.push('log'));
    onResponseClose(res, () => ran.push('gate'));
    expect(res.listenerCount('close')).toBe(1);
    res.emit('close');
    res.emit('close');
    expect(ran).toEqual(['in-flight', 'log', 'gate']);
  });

  it('keeps each response’s callbacks to itself', () => {
    const a = response();
    const b = response();
    const ran: string[] = [];
    onResponseClose(a, () => ran.push('a'));
    onResponseClose(b, () => ran.push('b'));
    b.emit('close');
    expect(ran).toEqual(['b']);
  });

  it('runs the others when one throws, then rethrows the first error', () => {
    const res = response();
    const ran: string[] = [];
    onResponseClose(res, () => {
      throw new Error('first');
    });
    onResponseClose(res, () => ran.push('second'));
    onResponseClose(res, () => {
      throw new Error('third');
    });
    expect(() => res.emit('close')).toThrow('first');
    expect(ran).toEqual(['second']);
  });
});
