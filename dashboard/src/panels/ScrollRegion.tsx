import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useFormats } from '../i18n/Language';

/**
 * What may be wider than its panel (a table on a phone): it scrolls sideways inside the panel, so
 * the page never does. While it does, it is a named region that takes keyboard focus, so that
 * keyboard users can scroll it with the arrow keys too; while it fits, it is no extra tab stop.
 */
export function ScrollRegion({ label, children }: { readonly label: string; readonly children: ReactNode }) {
  const element = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);
  const { t } = useFormats();
  useEffect(() => {
    const region = element.current;
    if (!region) return;
    const measure = () => setOverflows(region.scrollWidth > region.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(region);
    if (region.firstElementChild) observer.observe(region.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={element}
      className="scroll-region"
      {...(overflows ? { role: 'region', tabIndex: 0, 'aria-label': t('panel.scrollable', { table: label }) } : {})}
    >
      {children}
    </div>
  );
}
