import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ApiContext } from './api/use-api';
import { pickApi } from './api/pick-api';
import './ui/styles.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <ApiContext.Provider value={pickApi()}>
      <App />
    </ApiContext.Provider>
  </StrictMode>,
);
