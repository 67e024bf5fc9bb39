// Shared by the test CDK apps: the environment and a WAF web ACL with the usual managed rules.
import * as cdk from "aws-cdk-lib";
import { aws_wafv2 as wafv2 } from "aws-cdk-lib";
import { Construct } from "constructs";

export const ENV = { account: "111122223333", region: "us-east-1" };
export const SUBNETS = ["subnet-0aaa1111bbbb2222c", "subnet-0ddd3333eeee4444f"];

function managed(name: string, priority: number): wafv2.CfnWebACL.RuleProperty {
  return {
    name,
    priority,
    statement: { managedRuleGroupStatement: { vendorName: "AWS", name } },
    overrideAction: { none: {} },
    visibilityConfig: {
      sampledRequestsEnabled: true,
      cloudWatchMetricsEnabled: true,
      metricName: name,
    },
  };
}

export function webAcl(scope: Construct, id: string, aclScope: "CLOUDFRONT" | "REGIONAL"): wafv2.CfnWebACL {
  return new wafv2.CfnWebACL(scope, id, {
    name: `${id.toLowerCase()}-acl`,
    scope: aclScope,
    defaultAction: { allow: {} },
    visibilityConfig: {
      sampledRequestsEnabled: true,
      cloudWatchMetricsEnabled: true,
      metricName: id,
    },
    rules: [
      managed("AWSManagedRulesCommonRuleSet", 0),
      managed("AWSManagedRulesKnownBadInputsRuleSet", 1),
      managed("AWSManagedRulesAmazonIpReputationList", 2),
      managed("AWSManagedRulesSQLiRuleSet", 3),
      {
        name: "rate-limit",
        priority: 4,
        statement: { rateBasedStatement: { limit: 2000, aggregateKeyType: "IP" } },
        action: { block: {} },
        visibilityConfig: {
          sampledRequestsEnabled: true,
          cloudWatchMetricsEnabled: true,
          metricName: "rate-limit",
        },
      },
    ],
  });
}

/** One CDK app: it builds its stacks into the App it is given. */
export type AppBuilder = (app: cdk.App) => void;
