// The question asked before a change that is hard to take back (a disposition for a whole campaign,
// moving messages out of mailboxes): shown in place, focused when it appears so keyboard and
// screen-reader users land on it; Cancel or Escape cancels. The page supplies the way to confirm.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Button, tokens } from '@fluentui/react-components';

export function Confirmation({ question, children, cancelLabel, onCancel, testId }: { question: string; children: ReactNode; cancelLabel: string; onCancel: () => void; testId: string }) {
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  return (
    <div
      ref={box}
      role="group"
      aria-labelledby={id}
      tabIndex={-1}
      data-testid={testId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
      style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: '8px', marginTop: '8px', padding: '8px 12px', border: `1px solid ${tokens.colorNeutralStroke1}`, borderRadius: '4px' }}
    >
      <p id={id} data-testid={`${testId}-question`} style={{ margin: 0, fontWeight: 600, flexBasis: '100%' }}>
        {question}
      </p>
      {children}
      <Button data-testid={`${testId}-cancel`} onClick={onCancel}>
        {cancelLabel}
      </Button>
    </div>
  );
}
