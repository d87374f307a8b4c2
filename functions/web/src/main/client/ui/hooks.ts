import { useEffect, useState } from 'preact/hooks';
import { errorText } from '../api';
import { notify, state, subscribe, type State } from '../state';

/** Re-renders the component on every state change. */
export function useAppState(): State {
  const [, setTick] = useState(0);
  useEffect(() => subscribe(() => setTick((n) => n + 1)), []);
  return state;
}

/** Runs a user's action; a refusal is shown in plain words. */
export async function attempt(action: () => Promise<unknown>): Promise<boolean> {
  try {
    await action();
    return true;
  } catch (e) {
    notify(errorText(e));
    return false;
  }
}
