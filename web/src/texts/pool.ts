import { siteTexts } from '../language';
import pool from '../../../shared/messages/ui-pool?lang=zh-CN';

// The pool and draw texts load with the code that shows them: Chinese now, English once a reader chooses it (web/src/language.ts, shared/messages/registry.ts).
await siteTexts([pool], () => import('./pool.en'));
