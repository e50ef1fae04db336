import { chooseLanguage } from './language';

// Component tests render in either language: every part's English texts load with its Chinese ones.
await chooseLanguage('en');
