/**
 * Circuit-breaker helpers shared by the subgraphs' upstream clients and the gateway's city sources.
 * opossum's half-open state lets one probe through and refuses every other call meanwhile; a caller
 * refused then waits for the probe's verdict instead of failing just as the city comes back.
 */
import type CircuitBreaker from 'opossum';

export type ProbeVerdict = 'close' | 'open' | 'timeout';

/** Resolves when the probe under way closes the circuit or opens it again, or after `timeoutMs`. */
export function probeVerdict(breaker: CircuitBreaker, timeoutMs: number): Promise<ProbeVerdict> {
  return new Promise((resolve) => {
    const done = (verdict: ProbeVerdict) => {
      clearTimeout(timer);
      breaker.off('close', onClose);
      breaker.off('open', onOpen);
      resolve(verdict);
    };
    const onClose = () => done('close');
    const onOpen = () => done('open');
    const timer = setTimeout(() => done('timeout'), timeoutMs);
    breaker.on('close', onClose);
    breaker.on('open', onOpen);
  });
}

/** True when `err` is opossum refusing a call while the breaker is half-open (a probe is under way). */
export function refusedDuringProbe(breaker: CircuitBreaker, err: unknown): boolean {
  return (err as { code?: string }).code === 'EOPENBREAKER' && breaker.halfOpen;
}
