// React alone, the baseline for card.tsx.
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(<h1>Our town</h1>);
