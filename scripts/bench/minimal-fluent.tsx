// The baseline of npm run bench:pane: the least a Fluent UI task pane can do with an item, the way
// Microsoft's React task-pane template builds one (React 18, FluentProvider, a heading, a sentence and a
// primary Button). It shows the item's subject, with no analysis, and takes the same User Timing measure
// as the real pane (src/taskpane/timing.ts) from the item to the painted frame.
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Button, FluentProvider, webLightTheme } from '@fluentui/react-components';
import { ITEM_TO_VERDICT, markItemStart, measureVerdictPainted } from '../../src/taskpane/timing';

interface Item {
  sequence: number;
  subject: string;
}

declare global {
  interface Window {
    /** The bench hands the page an item, as Outlook's ItemChanged would. */
    benchShowItem?: (subject: string) => void;
  }
}

function MinimalPane({ first }: { first: Item }) {
  const [item, setItem] = useState(first);
  useEffect(() => {
    let sequence = first.sequence;
    window.benchShowItem = (subject) => {
      sequence += 1;
      markItemStart(sequence);
      setItem({ sequence, subject });
    };
  }, [first]);
  useEffect(() => measureVerdictPainted(item.sequence), [item]);
  return (
    <FluentProvider theme={webLightTheme}>
      <main>
        <h1>{item.subject}</h1>
        <p>Item {item.sequence}</p>
        <Button appearance="primary">Report</Button>
      </main>
    </FluentProvider>
  );
}

markItemStart(1);
createRoot(document.getElementById('root') as HTMLElement).render(<MinimalPane first={{ sequence: 1, subject: new URLSearchParams(location.search).get('subject') ?? 'Item' }} />);
export { ITEM_TO_VERDICT };
