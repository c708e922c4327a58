import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import './styles/base.css';
import './styles/login.css';
import './styles/topbar.css';
import './styles/sell.css';
import './styles/quote.css';
import './styles/result.css';
import './styles/recent.css';
import { App } from './App';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
