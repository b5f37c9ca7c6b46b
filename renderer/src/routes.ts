import { useEffect, useState } from 'react';

/** The page shown, kept in the URL's hash (#/registers/households) so a reload stays put. */
export function useRoute(): [string, (to: string) => void] {
  const read = () => location.hash.replace(/^#\/?/, '') || 'home';
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const on = () => setRoute(read());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return [route, (to: string) => { location.hash = `#/${to}`; }];
}
