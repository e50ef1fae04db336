import { render } from 'preact';
import { App } from './App';
import { chooseLanguage } from './language';
import { createAppState } from './state';
import './styles.css';

// The page shows once the texts of the reader's language are there (English loads only when it was chosen).
const state = createAppState();
chooseLanguage(state.locale.value)
  .catch(() => state.setLocale('zh-CN'))
  .finally(() => render(<App state={state} />, document.getElementById('app')!));
