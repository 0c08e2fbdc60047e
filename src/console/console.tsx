// Entry point of console.html (served by the intake service at /console.html; the API is same-origin).
import { createRoot } from 'react-dom/client';
import { ConsoleApp } from './App';

function storageOf(name: 'sessionStorage' | 'localStorage'): Storage | undefined {
  try {
    return window[name];
  } catch {
    // Blocked storage (privacy settings): the session lives in memory.
    return undefined;
  }
}

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(<ConsoleApp storage={storageOf('sessionStorage')} preferences={storageOf('localStorage')} />);
}
