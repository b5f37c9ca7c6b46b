import { useEffect, useState } from 'react';

/**
 * The page shown, kept in the URL's hash (#/registers/households) so a reload stays put. `going` hears of
 * a new route before the page is drawn (a register asks for its rows then).
 */
export function useRoute(going?: (to: string) => void): [string, (to: string) => void] {
  const read = () => location.hash.replace(/^#\/?/, '') || 'home';
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const on = () => { going?.(read()); setRoute(read()); };
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return [route, (to: string) => { location.hash = `#/${to}`; }];
}
