// The English of ./portal-programme.ts, loaded when a reader chooses English.
import texts from '../../../shared/messages/ui-portal?only=portal.programme.,portal.contact.,portal.notices.,portal.round.,portal.winners.&lang=en';

export default [texts];
