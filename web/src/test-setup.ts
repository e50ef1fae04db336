import { loadEveryLanguage } from './language';

// Component tests render in either language: every part's texts load in both.
await loadEveryLanguage();
