// Synthesizes every test app in one node process (aws-cdk-lib loads once): each app's cloud
// assembly goes to $EDGEKIT_CDK_OUT/<app>.out, as `cdk synth` writes cdk.out.
import * as cdk from "aws-cdk-lib";
import { AppBuilder } from "./common";
import { golden } from "./golden";
import { misconfigured } from "./misconfigured";

declare const process: { env: Record<string, string | undefined> };

const APPS: Record<string, AppBuilder> = { golden, misconfigured };
const root = process.env.EDGEKIT_CDK_OUT ?? "cdk.out";
for (const [name, build] of Object.entries(APPS)) {
  const app = new cdk.App({ outdir: `${root}/${name}.out` });
  build(app);
  app.synth();
}
