import { useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface ViewTab<K extends string> { key: K; label: ReactNode }

const STEPS: Record<string, (index: number, count: number) => number> = {
  ArrowRight: (index, count) => (index + 1) % count,
  ArrowLeft: (index, count) => (index - 1 + count) % count,
  Home: () => 0,
  End: (_index, count) => count - 1,
};

/**
 * A row of tabs that switch a list's view, drawn as antd's Tabs draw theirs (styles.css, `.kb-view-tabs`) without
 * antd's Tabs: those measured their width on every render and brought their chunk (13 KB brotli) and their style to
 * the inbox's first load (docs/adr/0069). One tab stop (the current view); ←/→, Home and End move between the tabs,
 * Enter or Space opens the focused one, as in antd's.
 */
export function ViewTabs<K extends string>({ items, active, onChange, label }: { items: ViewTab<K>[]; active: K; onChange: (key: K) => void; label: string }) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = STEPS[event.key];
    const index = buttons.current.findIndex((button) => button === document.activeElement);
    if (!step || index < 0) return;
    event.preventDefault();
    buttons.current[step(index, items.length)]?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className="kb-view-tabs" onKeyDown={onKeyDown}>
      {items.map((item, index) => (
        <button
          key={item.key}
          ref={(button) => {
            buttons.current[index] = button;
          }}
          type="button"
          role="tab"
          aria-selected={item.key === active}
          tabIndex={item.key === active ? 0 : -1}
          className="kb-view-tab"
          onClick={() => item.key !== active && onChange(item.key)}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
