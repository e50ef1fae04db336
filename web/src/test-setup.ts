import { loadEveryLanguage } from './language';
import './route-map-work'; // components tested alone call work routes as their area would (it imports them)

// Component tests render in either language: every part's texts load in both.
await loadEveryLanguage();
