import { Validations } from 'aws-cdk-lib';
import { createMeritApp } from '../lib/merit-app';
import { MeritNagChecks } from '../lib/nag';

// `npx cdk synth | deploy`: both stacks, checked against the cdk-nag AWS Solutions pack (an unacknowledged error fails synth).
const { app } = createMeritApp();
Validations.of(app).addPlugins(new MeritNagChecks(app));
app.synth();
