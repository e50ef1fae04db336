import { App, Tags, type AppProps } from 'aws-cdk-lib';
import { readSettings, type MeritSettings } from './settings';
import { StatefulStack } from './stateful';
import { StatelessStack } from './stateless';

/** The Merit app: data in one stack (retained), everything replaceable in the other. */
export interface MeritApp {
  readonly app: App;
  readonly settings: MeritSettings;
  readonly stateful: StatefulStack;
  readonly stateless: StatelessStack;
}

/** Builds both stacks; region- and account-agnostic, so `cdk synth` needs neither credentials nor network. */
export function createMeritApp(props: AppProps = {}): MeritApp {
  const app = new App(props);
  const settings = readSettings(app);
  const stateful = new StatefulStack(app, 'Merit-Stateful', {
    description: 'Merit: tables, buckets and the signing key (retained on deletion)',
    settings,
  });
  const stateless = new StatelessStack(app, 'Merit-Stateless', {
    description: 'Merit: functions, HTTP API and CloudFront site',
    stateful,
    settings,
  });
  for (const stack of [stateful, stateless]) Tags.of(stack).add('app', 'merit');
  return { app, settings, stateful, stateless };
}
