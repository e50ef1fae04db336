import { render } from 'preact';
import { App, preloadPage } from './App';
import { chooseLanguage } from './language';
import { createAppState } from './state';
import './styles.css';

// The page shows once the texts of the reader's language are there (English loads only when it was chosen) and the
// chunk of the page it opens on with its own texts (both at once), so nothing shows empty first or shifts.
const state = createAppState();
Promise.all([chooseLanguage(state.locale.value).catch(() => state.setLocale('zh-CN')), preloadPage(location.pathname)]).finally(() =>
  render(<App state={state} />, document.getElementById('app')!),
);
