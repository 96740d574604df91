/**
 * Firing a circuit breaker, shared by the subgraphs' upstream clients and the gateway's city sources.
 * opossum's half-open state lets one probe through and refuses every other call meanwhile; a call
 * refused then waits for the probe's verdict and goes on if the circuit closed, instead of failing
 * just as the city comes back. Any other refusal (the circuit open) is thrown as opossum's
 * EOPENBREAKER error, for the caller to word.
 */
import type CircuitBreaker from 'opossum';

export async function fireThroughProbe<A extends unknown[], R>(breaker: CircuitBreaker<A, R>, probeTimeoutMs: number, ...args: A): Promise<R> {
  try {
    return await breaker.fire(...args);
  } catch (err) {
    const refusedDuringProbe = (err as { code?: string }).code === 'EOPENBREAKER' && breaker.halfOpen;
    if (!refusedDuringProbe || (await probeVerdict(breaker, probeTimeoutMs)) !== 'close') throw err;
    return breaker.fire(...args);
  }
}

/** Resolves when the probe under way closes the circuit or opens it again, or after `timeoutMs`. */
function probeVerdict(breaker: CircuitBreaker, timeoutMs: number): Promise<'close' | 'open' | 'timeout'> {
  return new Promise((resolve) => {
    const done = (verdict: 'close' | 'open' | 'timeout') => {
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
