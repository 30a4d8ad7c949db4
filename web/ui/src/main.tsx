import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ConsoleApp } from './console/shell/ConsoleApp';
import './styles.css';
import './console/console.css';

// One build, two areas: the EAR serves this page at /feed/ (the news feed) and at /console/ (the systems console).
const area = window.location.pathname.startsWith('/console') ? <ConsoleApp /> : <App />;

createRoot(document.getElementById('root')!).render(<StrictMode>{area}</StrictMode>);
