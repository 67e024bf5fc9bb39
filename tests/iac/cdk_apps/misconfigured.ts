// A legacy estate with the mistakes reviews catch: HTTP allowed to viewers and to the origin,
// no WAF, an API stage that logs nothing behind a TLS 1.0 custom domain, a public Lambda
// function URL as an origin, a Classic Load Balancer with a plain HTTP listener, and a Global
// Accelerator in front of an ALB.
import * as cdk from "aws-cdk-lib";
import {
  aws_apigateway as apigw,
  aws_certificatemanager as acm,
  aws_cloudfront as cloudfront,
  aws_cloudfront_origins as origins,
  aws_elasticloadbalancing as elb,
  aws_elasticloadbalancingv2 as elbv2,
  aws_globalaccelerator as ga,
  aws_lambda as lambda,
} from "aws-cdk-lib";
import { Construct } from "constructs";
import { AppBuilder, ENV, SUBNETS } from "./common";

class LegacyEdge extends cdk.Stack {
  constructor(scope: Construct, id: string, props: cdk.StackProps) {
    super(scope, id, props);
    const thumbs = new lambda.Function(this, "Thumbs", {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: "index.handler",
      code: lambda.Code.fromInline("exports.handler = async () => ({ statusCode: 200 });"),
    });
    const thumbsUrl = thumbs.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.NONE });
    const api = new apigw.RestApi(this, "LegacyApi", {
      restApiName: "legacy-api",
      endpointTypes: [apigw.EndpointType.REGIONAL],
      deployOptions: { stageName: "prod" },
    });
    api.root.addProxy({
      defaultIntegration: new apigw.HttpIntegration("https://legacy.internal.example.com/"),
    });
    const certificate = new acm.Certificate(this, "ApiCert", {
      domainName: "api.legacy.example.net",
      validation: acm.CertificateValidation.fromDns(),
    });
    new apigw.DomainName(this, "ApiDomain", {
      domainName: "api.legacy.example.net",
      certificate,
      endpointType: apigw.EndpointType.REGIONAL,
      securityPolicy: apigw.SecurityPolicy.TLS_1_0,
      mapping: api,
    });
    new cloudfront.Distribution(this, "Site", {
      comment: "legacy",
      defaultBehavior: {
        origin: new origins.HttpOrigin("origin.legacy.example.net", {
          protocolPolicy: cloudfront.OriginProtocolPolicy.HTTP_ONLY,
        }),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.ALLOW_ALL,
      },
      additionalBehaviors: {
        "/thumbs/*": {
          origin: new origins.FunctionUrlOrigin(thumbsUrl),
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        },
      },
    });
    new elb.CfnLoadBalancer(this, "Classic", {
      loadBalancerName: "legacy-clb",
      scheme: "internet-facing",
      subnets: SUBNETS,
      listeners: [{ loadBalancerPort: "80", instancePort: "8080", protocol: "HTTP" }],
    });
    const alb = new elbv2.CfnLoadBalancer(this, "Alb", { name: "legacy-alb", subnets: SUBNETS });
    const accelerator = new ga.CfnAccelerator(this, "Accelerator", { name: "legacy-accelerator" });
    const listener = new ga.CfnListener(this, "AcceleratorListener", {
      acceleratorArn: accelerator.attrAcceleratorArn,
      protocol: "TCP",
      portRanges: [{ fromPort: 80, toPort: 80 }],
    });
    new ga.CfnEndpointGroup(this, "AcceleratorGroup", {
      listenerArn: listener.attrListenerArn,
      endpointGroupRegion: ENV.region,
      endpointConfigurations: [{ endpointId: alb.ref }],
    });
  }
}

export const misconfigured: AppBuilder = (app) => {
  new LegacyEdge(app, "LegacyEdge", { env: ENV });
};
