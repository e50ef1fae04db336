import { render } from 'preact';
import { App } from './App';
import { createAppState } from './state';
import './styles.css';

render(<App state={createAppState()} />, document.getElementById('app')!);
