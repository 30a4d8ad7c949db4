import { useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import { messageOf } from '../../api/problem';

/** One thing loaded from the API when `key` changes (a profile, a post); an answer for an older key is dropped. */
export function useResource<T>(load: () => Promise<T>, key: string): {
  value: T | null;
  error: string | null;
  setValue: Dispatch<SetStateAction<T | null>>;
} {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setValue(null);
    setError(null);
    load().then(
      (loaded) => current && setValue(loaded),
      (failure: unknown) => current && setError(messageOf(failure)),
    );
    return () => {
      current = false;
    };
    // `load` is a fresh closure each render; `key` says when it asks for something else.
  }, [key]);

  return { value, error, setValue };
}
